package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /events: 412 and fresh sync tokens, events for every write in order, paging by 100, expiry. */
class EventsTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String workspace;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    data = sandbox.data();
    workspace = data.workspaceGid();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void defaultTtl() {
    sandbox.events().syncTokenTtl(SandboxEvents.DEFAULT_TTL);
  }

  static String gid(Map<String, Object> record) {
    return (String) record.get("gid");
  }

  /** The first call: 412 with the message and a token to continue from. */
  static String firstSync(String resource) {
    Resp r = Http.get(sandbox, "events?resource=" + resource).expect(412);
    assertEquals(SandboxEvents.SYNC_INVALID, r.errorMessage());
    String sync = (String) r.json().get("sync");
    assertNotNull(sync);
    return sync;
  }

  static Resp events(String resource, String sync) {
    return Http.get(sandbox, "events?resource=" + resource + "&sync=" + sync);
  }

  static String project() {
    return gid(Http.post(sandbox, "projects", fields("name", "Events", "workspace", workspace)).expect(201).object());
  }

  @Test
  void firstCallIs412ThenTheTokenGivesNoEventsUntilAWrite() {
    String p = project();
    String sync = firstSync(p);
    Resp empty = events(p, sync).expect(200);
    assertEquals(List.of(), empty.data());
    assertEquals(Boolean.FALSE, empty.json().get("has_more"));
    String next = (String) empty.json().get("sync");
    assertNotNull(next);
    Http.put(sandbox, "projects/" + p, fields("name", "Renamed")).expect(200);
    List<Map<String, Object>> one = events(p, next).expect(200).data();
    assertEquals(1, one.size());
    assertEquals("changed", one.get(0).get("action"));
    assertEquals(Map.of("field", "name", "action", "changed"), one.get(0).get("change"));
  }

  @Test
  void aTaskChangeIsSeenOnTheTaskAndOnItsProjectInOrderWithAsanasShape() {
    String p = project();
    String section = data.sectionGids(p).get(0);
    String projectSync = firstSync(p);
    String t = gid(Http.post(sandbox, "tasks", fields("name", "Watched", "projects", List.of(p))).expect(201).object());
    String taskSync = firstSync(t);
    String assignee = data.userGids().get(3);
    Http.put(sandbox, "tasks/" + t, fields("name", "Watched closely", "assignee", assignee)).expect(200);
    Http.post(sandbox, "tasks/" + t + "/stories", fields("text", "noted")).expect(201);

    List<Map<String, Object>> onProject = events(p, projectSync).expect(200).data();
    List<String> summary = new ArrayList<>();
    for (Map<String, Object> e : onProject) {
      Map<String, Object> change = Http.map(e.get("change"));
      Map<String, Object> parent = Http.map(e.get("parent"));
      summary.add(e.get("action") + " " + Http.map(e.get("resource")).get("resource_type")
          + (parent == null ? "" : " to " + parent.get("gid")) + (change == null ? "" : " " + change.get("field")));
    }
    assertEquals(List.of("added task to " + p, "added task to " + section, "changed task name", "changed task assignee",
        "added story to " + t), summary);

    Map<String, Object> nameChange = onProject.get(2);
    assertEquals(Map.of("gid", data.meGid(), "resource_type", "user", "name", "Maria Garcia"), nameChange.get("user"));
    assertEquals(Map.of("gid", t, "resource_type", "task", "resource_subtype", "default_task", "name", "Watched closely"),
        nameChange.get("resource"));
    assertEquals("task", nameChange.get("type"));
    assertTrue(ApiBehaviourTest.ISO_MILLIS.matcher((String) nameChange.get("created_at")).matches());
    assertNull(nameChange.get("parent"));
    Map<String, Object> assigneeChange = Http.map(onProject.get(3).get("change"));
    assertEquals(assignee, Http.map(assigneeChange.get("new_value")).get("gid"));
    assertEquals("user", Http.map(assigneeChange.get("new_value")).get("resource_type"));

    List<Map<String, Object>> onTask = events(t, taskSync).expect(200).data();
    assertEquals(onProject.subList(2, 5), onTask, "the task sees the same events from when it was subscribed");
  }

  @Test
  void moreThan100EventsComeInPagesWithHasMore() {
    String t = gid(Http.post(sandbox, "tasks", fields("name", "n0", "workspace", workspace)).expect(201).object());
    String sync = firstSync(t);
    for (int i = 1; i <= 150; i++) {
      Http.put(sandbox, "tasks/" + t, fields("name", "n" + i)).expect(200);
    }
    Resp first = events(t, sync).expect(200);
    assertEquals(100, first.data().size());
    assertEquals(Boolean.TRUE, first.json().get("has_more"));
    Resp second = events(t, (String) first.json().get("sync")).expect(200);
    assertEquals(50, second.data().size());
    assertEquals(Boolean.FALSE, second.json().get("has_more"));
    // The renames arrive once each, oldest first; each event names the task as it was then.
    List<Object> names = new ArrayList<>();
    for (Map<String, Object> e : first.data()) {
      names.add(Http.map(e.get("resource")).get("name"));
    }
    for (Map<String, Object> e : second.data()) {
      names.add(Http.map(e.get("resource")).get("name"));
    }
    List<Object> want = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      want.add("n" + i);
    }
    assertEquals(want, names);
    assertEquals(List.of(), events(t, (String) second.json().get("sync")).expect(200).data());
  }

  @Test
  void tokensExpireOnDemandAndAfterTheirTtl() throws InterruptedException {
    String p = project();
    String sync = firstSync(p);
    events(p, sync).expect(200);
    sandbox.events().expireSyncTokensNow();
    Resp expired = events(p, sync).expect(412);
    assertEquals(SandboxEvents.SYNC_INVALID, expired.errorMessage());
    String fresh = (String) expired.json().get("sync");
    assertNotEquals(sync, fresh);
    events(p, fresh).expect(200);

    sandbox.events().syncTokenTtl(Duration.ofMillis(50));
    String shortLived = (String) events(p, fresh).expect(200).json().get("sync");
    Thread.sleep(120);
    events(p, shortLived).expect(412);
  }

  @Test
  void badTokensAndTokensOfAnotherResourceAre412() {
    String a = project();
    String b = project();
    String syncA = firstSync(a);
    events(b, syncA).expect(412);
    events(a, "not-a-token").expect(412);
    assertEquals("resource: Missing input", Http.get(sandbox, "events").expect(400).errorMessage());
    assertEquals("resource: Not a recognized ID: 77", Http.get(sandbox, "events?resource=77").expect(400).errorMessage());
  }

  @Test
  void aDeletedTasksSubscribersSeeTheDeletion() {
    String t = gid(Http.post(sandbox, "tasks", fields("name", "Short-lived", "workspace", workspace)).expect(201).object());
    String sync = firstSync(t);
    Http.delete(sandbox, "tasks/" + t).expect(200);
    List<Map<String, Object>> e = events(t, sync).expect(200).data();
    assertEquals(1, e.size());
    assertEquals("deleted", e.get(0).get("action"));
    assertFalse(e.get(0).containsKey("change"));
  }

  @Test
  void thePathFormOfEventsAnswersTheSame() {
    String t = gid(Http.post(sandbox, "tasks", fields("name", "Path", "workspace", workspace)).expect(201).object());
    Resp first = Http.get(sandbox, "tasks/" + t + "/events").expect(412);
    String sync = (String) first.json().get("sync");
    Http.post(sandbox, "tasks/" + t + "/addTag", fields("tag", data.tagGids().get(0))).expect(200);
    List<Map<String, Object>> e = Http.get(sandbox, "tasks/" + t + "/events?sync=" + sync).expect(200).data();
    assertEquals(1, e.size());
    assertEquals("added", e.get(0).get("action"));
    assertEquals(data.tagGids().get(0), Http.map(e.get(0).get("parent")).get("gid"));
  }
}
