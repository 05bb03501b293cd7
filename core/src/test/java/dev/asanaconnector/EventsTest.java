package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.api.EventsApi;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code asana.events()} against the stateful sandbox: writes come back as typed events exactly and in
 * order, {@code has_more} is drained, the 412 of a first call is a start from now and any other 412 a
 * {@link SyncTokenExpiredException} with a fresh token, on every path (events, direct generated calls).
 */
class EventsTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    data = sandbox.data();
    asana = client(new OkHttpClient());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static AsanaClient client(OkHttpClient base) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().rateLimits(RateLimits.unlimited()).baseClient(base);
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> run(String entity, String action, Object... pairs) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put((String) pairs[i], pairs[i + 1]);
    }
    return (Map<String, Object>) asana.execute(entity, action, params);
  }

  static String newProject(String name) {
    return (String) run("projects", "create", "workspace", data.workspaceGid(), "team", data.teamGids().get(0),
        "name", name).get("gid");
  }

  static String newTask(String project, String name) {
    return (String) run("tasks", "create", "workspace", data.workspaceGid(), "projects", project, "name", name)
        .get("gid");
  }

  /** An event in a few words: action, resource, then the field changed or the parent. */
  static String summary(AsanaEvent e) {
    return e.action() + " " + e.resource().resourceType() + " " + e.resource().gid()
        + (e.change() != null ? " " + e.change().field() : "")
        + (e.parent() != null ? " to " + e.parent().resourceType() + " " + e.parent().gid() : "");
  }

  static List<String> summaries(List<AsanaEvent> events) {
    return events.stream().map(EventsTest::summary).toList();
  }

  @Test
  void theFirstCallStartsFromNowWithoutPastEvents() {
    String project = newProject("Started later");
    newTask(project, "before the start");
    String token = asana.events().start(project);
    assertFalse(token.isBlank());
    EventBatch first = asana.events().page(project, null);
    assertEquals(List.of(), first.events(), "no token: no past events, only a token");
    assertFalse(first.hasMore());
    assertEquals(List.of(), asana.events().fetch(project, token).events(), "nothing happened since the start");
  }

  @Test
  void createsUpdatesAndDeletesComeBackExactlyAndInOrderAsTypedEvents() {
    String project = newProject("Followed");
    String section = data.sectionGids(project).get(0);
    String token = asana.events().start(project);
    String first = newTask(project, "First");
    String second = newTask(project, "Second");
    String third = newTask(project, "Third");
    String assignee = data.userGids().get(2);
    run("tasks", "update", "task_gid", first, "name", "First, renamed");
    run("tasks", "update", "task_gid", second, "completed", true);
    run("tasks", "update", "task_gid", first, "assignee", assignee);
    run("tasks", "delete", "task_gid", third);

    EventBatch batch = asana.events().fetch(project, token);

    assertEquals(List.of(
        "added task " + first + " to project " + project, "added task " + first + " to section " + section,
        "added task " + second + " to project " + project, "added task " + second + " to section " + section,
        "added task " + third + " to project " + project, "added task " + third + " to section " + section,
        "changed task " + first + " name", "changed task " + second + " completed",
        "changed task " + first + " assignee", "deleted task " + third), summaries(batch.events()));
    assertFalse(batch.hasMore());
    assertNotEquals(token, batch.syncToken());

    AsanaEvent rename = batch.events().get(6);
    assertEquals(AsanaEvent.Action.CHANGED, rename.actionKind());
    assertEquals(data.meGid(), rename.user().gid());
    assertEquals("user", rename.user().resourceType());
    assertEquals("First, renamed", rename.resource().name());
    assertEquals("default_task", rename.resource().resourceSubtype());
    assertEquals("task", rename.type());
    assertNull(rename.parent());
    assertEquals("changed", rename.change().action());
    assertNotNull(rename.createdAt());
    AsanaEvent assigned = batch.events().get(8);
    assertEquals(assignee, assigned.change().valueRef().orElseThrow().gid());
    assertEquals(AsanaEvent.Action.DELETED, batch.events().get(9).actionKind());
    for (int i = 1; i < batch.events().size(); i++) {
      assertFalse(batch.events().get(i).createdAt().isBefore(batch.events().get(i - 1).createdAt()), "oldest first");
    }
    assertEquals(List.of(), asana.events().fetch(project, batch.syncToken()).events(), "each event once");
  }

  @Test
  void aPageHoldsAtMost100AndFetchDrainsHasMore() {
    String project = newProject("Busy");
    String task = newTask(project, "n0");
    String token = asana.events().start(task);
    for (int i = 1; i <= 250; i++) {
      run("tasks", "update", "task_gid", task, "name", "n" + i);
    }
    EventBatch page = asana.events().page(task, token);
    assertEquals(Events.PAGE_SIZE, page.events().size());
    assertTrue(page.hasMore());

    EventBatch all = asana.events().fetch(task, token);
    assertFalse(all.hasMore());
    List<String> names = all.events().stream().map(e -> e.resource().name()).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      expected.add("n" + i);
    }
    assertEquals(expected, names, "every rename once, oldest first, across three pages");
    assertEquals(List.of(), asana.events().fetch(task, all.syncToken()).events());
  }

  @Test
  void aTokenExpiredMidwayIsATypedExceptionWithAFreshTokenThatWorks() {
    String task = newTask(newProject("Expiring"), "e0");
    String token = asana.events().start(task);
    for (int i = 1; i <= 150; i++) {
      run("tasks", "update", "task_gid", task, "name", "e" + i);
    }
    // Asana expires the token between the first page and the one has_more points to.
    AtomicBoolean expired = new AtomicBoolean();
    AsanaClient expiring = client(new OkHttpClient.Builder().addInterceptor(chain -> {
      Response response = chain.proceed(chain.request());
      if (chain.request().url().encodedPath().endsWith("/events") && response.code() == 200
          && expired.compareAndSet(false, true)) {
        sandbox.events().expireSyncTokensNow();
      }
      return response;
    }).build());

    SyncTokenExpiredException e = assertThrows(SyncTokenExpiredException.class,
        () -> expiring.events().fetch(task, token));

    assertTrue(expired.get(), "the first page was read before the token expired");
    assertEquals(412, e.status());
    String fresh = e.freshSyncToken();
    assertFalse(fresh.isBlank());
    assertNotEquals(token, fresh);
    assertTrue(e.getMessage().contains("events were lost") && e.getMessage().contains(fresh), e.getMessage());
    assertTrue(e.getMessage().contains("in full"), e.getMessage());
    assertEquals(List.of(), asana.events().fetch(task, fresh).events(), "the fresh token starts from now");
    run("tasks", "update", "task_gid", task, "name", "after");
    assertEquals(List.of("changed task " + task + " name"), summaries(asana.events().fetch(task, fresh).events()));
  }

  @Test
  void a412IsMappedOnceForEveryPathIncludingDirectGeneratedCalls() {
    String task = newTask(newProject("Direct"), "d");
    SyncTokenExpiredException direct = assertThrows(SyncTokenExpiredException.class,
        () -> asana.call(asana.api(EventsApi.class).getEvents(task, "not-a-token", null, null)));
    assertFalse(direct.freshSyncToken().isBlank());
    assertEquals("/api/1.0/events", direct.path());
    SyncTokenExpiredException viaEvents = assertThrows(SyncTokenExpiredException.class,
        () -> asana.events().page(task, "not-a-token"));
    assertFalse(viaEvents.freshSyncToken().isBlank());
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyRequest() {
    int before = sandbox.requestCount();
    assertEquals("resource", assertThrows(InvalidParameterException.class,
        () -> asana.events().page("../users/me", null)).parameter());
    assertEquals("resource", assertThrows(InvalidParameterException.class,
        () -> asana.events().start(null)).parameter());
    assertEquals("sync", assertThrows(InvalidParameterException.class,
        () -> asana.events().fetch("123", " ")).parameter());
    assertEquals(before, sandbox.requestCount());
  }
}
