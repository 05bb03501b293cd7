package dev.asanaconnector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task's offsets against the sandbox, with Connect's offset storage played by a map: a first run
 * snapshots then follows events; a restart resumes from the stored offsets (no snapshot again, no
 * change lost); a restart inside the snapshot repeats at most one page; an expired sync token re-crawls
 * from the watermark without losing a change.
 */
class OffsetsResumeTest {
  static AsanaSandbox sandbox;
  static AsanaClient writer;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(250).build();
    sandbox.start();
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().rateLimits(RateLimits.unlimited());
    writer = builder.build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Map<String, String> props(String project, String streams) {
    Map<String, String> props = new HashMap<>();
    props.put("asana.tenants", "acme");
    props.put("asana.base.url", sandbox.baseUrl().toString());
    props.put("asana.tenant.acme.token", sandbox.token());
    props.put("asana.tenant.acme.projects", project);
    props.put("asana.tenant.acme.requests.per.minute", "100000");
    props.put("asana.streams", streams);
    props.put("poll.interval.ms", "100");
    props.put(AsanaSourceTask.TASK_TENANTS, "acme");
    return props;
  }

  static AsanaSourceTask task(FakeTaskContext context, Map<String, String> props) {
    AsanaSourceTask task = new AsanaSourceTask();
    task.initialize(context);
    task.start(props);
    return task;
  }

  /** Polls until a poll brings nothing, committing each poll's records as Connect would. */
  static List<SourceRecord> drain(AsanaSourceTask task, FakeTaskContext context) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    for (int quiet = 0; quiet < 2; ) {
      List<SourceRecord> polled = task.poll();
      if (polled == null || polled.isEmpty()) {
        quiet++;
      } else {
        quiet = 0;
        all.addAll(polled);
        context.commit(polled);
      }
    }
    return all;
  }

  static String header(SourceRecord record, String name) {
    return record.headers().lastWithName(name).value().toString();
  }

  static Set<String> keys(List<SourceRecord> records) {
    Set<String> keys = new HashSet<>();
    records.forEach(r -> keys.add((String) r.key()));
    return keys;
  }

  static void rename(String taskGid, String name) {
    writer.execute("tasks", "update", Map.of("task_gid", taskGid, "name", name));
  }

  @Test
  void aFirstRunSnapshotsThenFollowsEventsAndARestartResumesWithoutSnapshottingAgain() throws Exception {
    String project = sandbox.data().projectGids().get(1);
    List<String> taskGids = sandbox.data().taskGids(project);
    FakeTaskContext context = new FakeTaskContext();
    AsanaSourceTask first = task(context, props(project, "tasks,sections"));
    List<SourceRecord> snapshot = drain(first, context);
    List<SourceRecord> tasks = snapshot.stream().filter(r -> r.topic().equals("asana.acme.tasks")).toList();
    assertEquals(Set.copyOf(taskGids), keys(tasks));
    assertEquals(taskGids.size(), tasks.size(), "each task once");
    assertEquals(Set.copyOf(sandbox.data().sectionGids(project)),
        keys(snapshot.stream().filter(r -> r.topic().equals("asana.acme.sections")).toList()));
    assertTrue(snapshot.stream().allMatch(r -> header(r, RecordFactory.ACTION_HEADER).equals("snapshot")));
    SourceRecord one = tasks.get(0);
    assertTrue(((String) one.value()).contains("\"modified_at\""), (String) one.value());
    assertEquals("task", header(one, RecordFactory.RESOURCE_TYPE_HEADER));
    assertEquals(Map.of("tenant", "acme", "resource", project, "stream", "tasks"), one.sourcePartition());
    rename(taskGids.get(3), "Renamed while running");
    List<SourceRecord> streamed = drain(first, context);
    assertEquals(List.of(taskGids.get(3)), streamed.stream().map(r -> (String) r.key()).toList());
    assertTrue(((String) streamed.get(0).value()).contains("Renamed while running"));
    assertEquals("changed", header(streamed.get(0), RecordFactory.ACTION_HEADER));
    first.stop();

    // While stopped: two renames and a deletion.
    rename(taskGids.get(5), "Renamed while stopped");
    rename(taskGids.get(6), "Renamed while stopped too");
    writer.execute("tasks", "delete", Map.of("task_gid", taskGids.get(7)));
    AsanaSourceTask second = task(context, props(project, "tasks,sections"));
    List<SourceRecord> resumed = drain(second, context);
    second.stop();
    assertEquals(Set.of(taskGids.get(5), taskGids.get(6), taskGids.get(7)), keys(resumed), "no snapshot again");
    SourceRecord tombstone = resumed.stream().filter(r -> r.key().equals(taskGids.get(7))).findFirst().orElseThrow();
    assertNull(tombstone.value());
    assertEquals("deleted", header(tombstone, RecordFactory.ACTION_HEADER));
    assertFalse(resumed.stream().anyMatch(r -> header(r, RecordFactory.ACTION_HEADER).equals("snapshot")));
  }

  @Test
  void aRestartInsideTheSnapshotRepeatsAtMostThePageWhoseEndWasNotCommitted() throws Exception {
    String project = sandbox.data().projectGids().get(2);
    Set<String> taskGids = Set.copyOf(sandbox.data().taskGids(project));
    FakeTaskContext context = new FakeTaskContext();
    AsanaSourceTask first = task(context, props(project, "tasks"));
    List<SourceRecord> page1 = first.poll();
    List<SourceRecord> page2 = first.poll();
    assertEquals(100, page1.size());
    assertEquals(100, page2.size());
    context.commit(page1);
    context.commit(page2.subList(0, 40)); // the worker stopped before committing the rest of page 2
    first.stop();
    AsanaSourceTask second = task(context, props(project, "tasks"));
    List<SourceRecord> rest = drain(second, context);
    second.stop();
    Set<String> seen = new HashSet<>(keys(page1));
    seen.addAll(keys(page2.subList(0, 40)));
    seen.addAll(keys(rest));
    assertEquals(taskGids, seen, "none lost");
    int repeated = page1.size() + 40 + rest.size() - taskGids.size();
    System.out.printf("restart inside the snapshot: %d of %d tasks repeated (page 2 read again)%n", repeated,
        taskGids.size());
    assertEquals(40, repeated, "exactly the uncommitted part of page 2's 40 committed records come again");
  }

  @Test
  void anExpiredSyncTokenReCrawlsFromTheWatermarkAndLosesNoChange() throws Exception {
    String project = sandbox.data().projectGids().get(3);
    List<String> taskGids = sandbox.data().taskGids(project);
    Map<String, String> props = props(project, "tasks");
    props.put("watermark.overlap.ms", "2000");
    FakeTaskContext context = new FakeTaskContext();
    AsanaSourceTask task = task(context, props);
    drain(task, context);
    rename(taskGids.get(1), "Changed before the token expired");
    sandbox.events().expireSyncTokensNow();
    List<SourceRecord> crawled = drain(task, context);
    assertTrue(keys(crawled).contains(taskGids.get(1)), "the change is in the re-crawl");
    assertTrue(crawled.stream().allMatch(r -> header(r, RecordFactory.ACTION_HEADER).equals("crawl")));
    assertTrue(crawled.size() < taskGids.size() / 2, "a crawl from the watermark, not a full snapshot: "
        + crawled.size());
    rename(taskGids.get(2), "Changed after the fresh token");
    List<SourceRecord> after = drain(task, context);
    task.stop();
    assertEquals(List.of(taskGids.get(2)), after.stream().map(r -> (String) r.key()).toList());
    assertEquals("changed", header(after.get(0), RecordFactory.ACTION_HEADER));
  }

  @Test
  void anOAuthTenantAuthenticatesThroughTheTokenEndpoint() throws Exception {
    String project = sandbox.data().projectGids().get(4);
    Map<String, String> props = props(project, "sections");
    props.remove("asana.tenant.acme.token");
    props.put("asana.oauth.token.url", sandbox.tokenUrl().toString());
    props.put("asana.tenant.acme.oauth.client.id", sandbox.oauth().clientId());
    props.put("asana.tenant.acme.oauth.client.secret", sandbox.oauth().clientSecret());
    props.put("asana.tenant.acme.oauth.refresh.token", sandbox.oauth().refreshToken());
    int tokenRequests = sandbox.oauth().tokenRequestCount();
    FakeTaskContext context = new FakeTaskContext();
    AsanaSourceTask task = task(context, props);
    List<SourceRecord> records = drain(task, context);
    task.stop();
    assertEquals(Set.copyOf(sandbox.data().sectionGids(project)), keys(records));
    assertTrue(sandbox.oauth().tokenRequestCount() > tokenRequests, "an access token was obtained by refresh");
  }

  @Test
  void storiesAreSnapshottedPerTaskThenFollowedThroughTheProjectsEvents() throws Exception {
    String project = sandbox.data().projectGids().get(7);
    List<String> taskGids = sandbox.data().taskGids(project);
    String earlier = writer.taskStories().create(taskGids.get(3),
        dev.asanaconnector.StoryCreate.builder().text("An earlier comment").build()).getGid();
    FakeTaskContext context = new FakeTaskContext();
    AsanaSourceTask task = task(context, props(project, "stories"));
    List<SourceRecord> snapshot = drain(task, context);
    assertTrue(keys(snapshot).contains(earlier), "the snapshot lists every task's stories");
    assertTrue(snapshot.stream().allMatch(r -> r.topic().equals("asana.acme.stories")
        && header(r, RecordFactory.RESOURCE_TYPE_HEADER).equals("story")));
    writer.taskStories().create(taskGids.get(0), dev.asanaconnector.StoryCreate.builder().text("A new comment").build());
    List<SourceRecord> streamed = drain(task, context);
    task.stop();
    assertEquals(1, streamed.size(), streamed.toString());
    assertTrue(((String) streamed.get(0).value()).contains("A new comment"), (String) streamed.get(0).value());
    assertEquals("added", header(streamed.get(0), RecordFactory.ACTION_HEADER));
  }

  @Test
  void workspaceStreamsAreListedAgainEmittingOnlyWhatChanged() throws Exception {
    String workspace = sandbox.data().workspaceGid();
    Map<String, String> props = props("1", "projects,tags,users");
    props.remove("asana.tenant.acme.projects");
    props.put("asana.tenant.acme.workspaces", workspace);
    props.put("workspace.refresh.interval.ms", "1000");
    props.put(AsanaSourceTask.resolvedProjectsKey("acme"), "");
    FakeTaskContext context = new FakeTaskContext();
    AsanaSourceTask task = task(context, props);
    List<SourceRecord> first = drain(task, context);
    assertTrue(keys(first).containsAll(sandbox.data().tagGids()), "every tag listed");
    assertTrue(first.stream().anyMatch(r -> r.topic().equals("asana.acme.users")));
    assertTrue(first.stream().anyMatch(r -> r.topic().equals("asana.acme.projects")));
    @SuppressWarnings("unchecked")
    Map<String, Object> tag = (Map<String, Object>) writer.execute("workspace_tags", "create",
        Map.of("workspace_gid", workspace, "name", "Added later"));
    Thread.sleep(1_100); // the next listing is due after workspace.refresh.interval.ms
    List<SourceRecord> second = drain(task, context);
    task.stop();
    assertEquals(List.of(tag.get("gid")), second.stream().map(r -> r.key()).toList(), "only the new tag");
    assertEquals("listed", header(second.get(0), RecordFactory.ACTION_HEADER));
  }
}
