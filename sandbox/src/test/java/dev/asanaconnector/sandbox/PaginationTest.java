package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationTest {
  static AsanaSandbox sandbox;
  static SandboxData data;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().seed(42).build();
    sandbox.start();
    data = sandbox.data();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  /** Follows next_page.offset from the first page; returns every gid seen, in order. */
  static List<String> pageAll(String firstQuery, int limit) {
    List<String> seen = new ArrayList<>();
    String query = firstQuery + "&limit=" + limit;
    String offset = null;
    for (int guard = 0; guard < 10_000; guard++) {
      Resp r = Http.get(sandbox, query + (offset == null ? "" : "&offset=" + offset)).expect(200);
      List<Map<String, Object>> page = r.data();
      assertTrue(page.size() <= limit);
      seen.addAll(Http.gids(page));
      assertTrue(r.json().containsKey("next_page"), "paginated responses always carry next_page");
      Map<String, Object> next = r.nextPage();
      if (next == null) {
        return seen;
      }
      assertEquals(limit, page.size(), "only the last page may be short");
      offset = (String) next.get("offset");
    }
    throw new AssertionError("pagination did not end");
  }

  @Test
  void listsEveryTaskOfEveryProjectExactlyOnceAcrossPages() {
    for (String project : data.projectGids()) {
      List<String> seen = pageAll("tasks?project=" + project, 37);
      assertEquals(data.taskGids(project), seen, "project " + project);
      assertEquals(seen.size(), new HashSet<>(seen).size());
    }
    int total = 0;
    for (String project : data.projectGids()) {
      total += data.taskGids(project).size();
    }
    assertTrue(total >= 5000, "20 x 250 tasks plus multi-homed ones: " + total);
  }

  @Test
  void nextPagePathAndUriCanBeFollowedDirectly() {
    String project = data.projectGids().get(1);
    Resp first = Http.get(sandbox, "tasks?project=" + project + "&limit=100&opt_fields=name").expect(200);
    Map<String, Object> next = first.nextPage();
    String path = (String) next.get("path");
    String uri = (String) next.get("uri");
    assertTrue(path.startsWith("/tasks?project=" + project), path);
    assertTrue(path.contains("offset=" + next.get("offset")), path);
    assertTrue(path.contains("opt_fields=name"), path);
    assertEquals(sandbox.baseUrl() + path.substring(1), uri);
    List<String> all = new ArrayList<>(Http.gids(first.data()));
    while (uri != null) {
      Resp r = Http.get(HttpUrl.get(uri), sandbox.token()).expect(200);
      all.addAll(Http.gids(r.data()));
      Map<String, Object> n = r.nextPage();
      uri = n == null ? null : (String) n.get("uri");
    }
    assertEquals(data.taskGids(project), all);
  }

  @Test
  void sectionsPartitionASingleHomedListing() {
    String project = data.projectGids().get(2);
    Set<String> union = new HashSet<>();
    for (String section : data.sectionGids(project)) {
      List<String> seen = pageAll("tasks?section=" + section, 50);
      assertEquals(data.sectionTaskGids(section), seen);
      union.addAll(seen);
      assertEquals(seen, Http.gids(Http.get(sandbox, "sections/" + section + "/tasks").expect(200).data()));
    }
    assertTrue(union.containsAll(data.taskGids(project)));
  }

  @Test
  void limitMustBeBetween1And100() {
    String project = data.projectGids().get(0);
    for (String bad : new String[] {"0", "101", "-5", "abc", "1000"}) {
      Resp r = Http.get(sandbox, "tasks?project=" + project + "&limit=" + bad).expect(400);
      assertTrue(r.errorMessage().startsWith("limit:"), r.body());
    }
    assertEquals(1, Http.get(sandbox, "tasks?project=" + project + "&limit=1").expect(200).data().size());
    assertEquals(100, Http.get(sandbox, "tasks?project=" + project + "&limit=100").expect(200).data().size());
    Http.get(sandbox, "workspaces?limit=0").expect(400);
  }

  @Test
  void expiredOffsetsAreRejectedWithAsanasMessage() {
    String project = data.projectGids().get(0);
    Resp first = Http.get(sandbox, "tasks?project=" + project + "&limit=10").expect(200);
    String offset = (String) first.nextPage().get("offset");
    Http.get(sandbox, "tasks?project=" + project + "&limit=10&offset=" + offset).expect(200);
    sandbox.faults().expireOffsetsNow();
    Resp expired = Http.get(sandbox, "tasks?project=" + project + "&limit=10&offset=" + offset).expect(400);
    assertEquals("offset: Your pagination token has expired.", expired.errorMessage());
    // New tokens work again.
    String fresh = (String) Http.get(sandbox, "tasks?project=" + project + "&limit=10").nextPage().get("offset");
    Http.get(sandbox, "tasks?project=" + project + "&limit=10&offset=" + fresh).expect(200);
  }

  @Test
  void offsetsExpireAfterTheirTtl() throws InterruptedException {
    String project = data.projectGids().get(0);
    sandbox.faults().offsetTtl(Duration.ofMillis(50));
    String offset = (String) Http.get(sandbox, "tasks?project=" + project + "&limit=10").nextPage().get("offset");
    Thread.sleep(120);
    assertEquals("offset: Your pagination token has expired.",
        Http.get(sandbox, "tasks?project=" + project + "&limit=10&offset=" + offset).expect(400).errorMessage());
  }

  @Test
  void madeUpTamperedOrForeignOffsetsAreInvalid() {
    String p0 = data.projectGids().get(0);
    String p1 = data.projectGids().get(1);
    String offset = (String) Http.get(sandbox, "tasks?project=" + p0 + "&limit=10").nextPage().get("offset");
    char[] c = offset.toCharArray();
    c[20] = c[20] == 'A' ? 'B' : 'A';
    for (String bad : new String[] {"garbage", "eyJ0eXAiOiJKV1QifQ", new String(c)}) {
      Resp r = Http.get(sandbox, "tasks?project=" + p0 + "&limit=10&offset=" + bad).expect(400);
      assertTrue(r.errorMessage().startsWith("offset:"), r.body());
    }
    // A token is bound to its query: another project's list refuses it.
    Http.get(sandbox, "tasks?project=" + p1 + "&limit=10&offset=" + offset).expect(400);
    // ... but changing the page size is allowed.
    Http.get(sandbox, "tasks?project=" + p0 + "&limit=50&offset=" + offset).expect(200);
  }

  @Test
  void withoutLimitAListIsNotPaginated() {
    String project = data.projectGids().get(3);
    Resp r = Http.get(sandbox, "tasks?project=" + project).expect(200);
    assertFalse(r.json().containsKey("next_page"));
    assertEquals(data.taskGids(project), Http.gids(r.data()));
    Resp projects = Http.get(sandbox, "projects?workspace=" + data.workspaceGid()).expect(200);
    assertEquals(data.projectGids(), Http.gids(projects.data()));
  }

  @Test
  void completedSinceAndModifiedSinceFilter() {
    String project = data.projectGids().get(0);
    Set<String> inProject = new HashSet<>(data.taskGids(project));
    List<String> open = pageAll("tasks?project=" + project + "&completed_since=now", 100);
    List<String> expectedOpen = data.tasks().stream()
        .filter(t -> inProject.contains(t.gid()) && !t.completed()).map(SandboxData.TaskInfo::gid).toList();
    assertEquals(new HashSet<>(expectedOpen), new HashSet<>(open));
    assertEquals(data.taskGids(project).stream().filter(new HashSet<>(expectedOpen)::contains).toList(), open);

    String since = "2025-06-01T00:00:00.000Z";
    List<String> recent = pageAll("projects/" + project + "/tasks?completed_since=" + since, 20);
    long sinceMs = java.time.Instant.parse(since).toEpochMilli();
    List<String> expected = data.taskGids(project).stream().filter(g -> {
      SandboxData.TaskInfo t = data.task(g);
      return !t.completed() || java.time.Instant.parse(t.completedAt()).toEpochMilli() > sinceMs;
    }).toList();
    assertEquals(expected, recent);

    List<String> modified = pageAll("tasks?project=" + project + "&modified_since=" + since, 100);
    List<String> expectedModified = data.taskGids(project).stream()
        .filter(g -> java.time.Instant.parse(data.task(g).modifiedAt()).toEpochMilli() > sinceMs).toList();
    assertEquals(expectedModified, modified);
  }

  @Test
  void myTasksInAWorkspace() {
    List<String> mine = pageAll("tasks?workspace=" + data.workspaceGid() + "&assignee=me", 100);
    List<String> expected = data.tasks().stream()
        .filter(t -> data.meGid().equals(t.assigneeGid()) && t.workspaceGid().equals(data.workspaceGid()))
        .map(SandboxData.TaskInfo::gid).toList();
    assertFalse(expected.isEmpty());
    assertEquals(expected, mine);
    String other = data.userGids().get(3);
    List<String> theirs = pageAll("tasks?workspace=" + data.workspaceGid() + "&assignee=" + other, 100);
    assertTrue(theirs.stream().allMatch(g -> other.equals(data.task(g).assigneeGid())));
    assertEquals(400, Http.get(sandbox, "tasks?workspace=" + data.workspaceGid()).code());
    assertEquals(400, Http.get(sandbox, "tasks?assignee=me").code());
  }

  @Test
  void otherCollectionsPageToo() {
    List<String> users = pageAll("users?workspace=" + data.workspaceGid(), 3);
    assertEquals(data.userGids(), users);
    List<String> projects = pageAll("workspaces/" + data.workspaceGid() + "/projects?archived=false", 4);
    assertEquals(data.projectGids().stream().filter(p -> !data.archivedProjectGids().contains(p)).toList(), projects);
    assertNotNull(Http.get(sandbox, "workspaces?limit=1").expect(200).nextPage());
    assertNull(Http.get(sandbox, "workspaces?limit=2").expect(200).nextPage());
  }
}
