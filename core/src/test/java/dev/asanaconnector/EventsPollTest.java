package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code asana.events().poll(...)}: a stream that hands every change once while it runs, survives a crash
 * and a restart from the persisted token without losing or repeating a committed event, rides out 429s,
 * and ends with the typed failure when its token expires.
 */
class EventsPollTest {
  private static final Duration INTERVAL = Duration.ofMillis(20);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    data = sandbox.data();
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().rateLimits(RateLimits.unlimited())
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(10)).build());
    asana = builder.build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void noFaults() {
    sandbox.faults().clear();
  }

  private static String newTask(String name) {
    return (String) ((Map<?, ?>) asana.execute("tasks", "create", Map.of("workspace", data.workspaceGid(),
        "name", name))).get("gid");
  }

  private static void rename(String task, String name) {
    asana.execute("tasks", "update", Map.of("task_gid", task, "name", name));
  }

  /** Waits for a condition the poller's thread brings about; fails after {@link #PATIENCE}. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private static List<String> names(List<AsanaEvent> events) {
    return events.stream().map(e -> e.resource().name()).toList();
  }

  private static List<String> expected(String prefix, int from, int to) {
    List<String> names = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  /** The application: processes a batch, then persists its token (a crash in between loses neither). */
  private static final class Application {
    final List<AsanaEvent> committed = Collections.synchronizedList(new ArrayList<>());
    final List<List<AsanaEvent>> handed = Collections.synchronizedList(new ArrayList<>());
    volatile String persistedToken;
    volatile boolean crashNextBatch;

    void onEvents(EventBatch batch) {
      handed.add(batch.events());
      if (crashNextBatch) {
        crashNextBatch = false;
        throw new IllegalStateException("crashed before persisting the token");
      }
      committed.addAll(batch.events());
      persistedToken = batch.syncToken();
    }
  }

  @Test
  void aCrashAndARestartFromThePersistedTokenLoseNothingAndRepeatNothingCommitted() throws Exception {
    String task = newTask("p0");
    Application app = new Application();
    app.persistedToken = asana.events().start(task);

    EventPoller poller = asana.events().poll(task, app.persistedToken, INTERVAL, app::onEvents);
    for (int i = 1; i <= 30; i++) {
      rename(task, "p" + i);
    }
    await(() -> app.committed.size() == 30, "the first 30 changes");
    app.crashNextBatch = true;
    for (int i = 31; i <= 45; i++) {
      rename(task, "p" + i);
    }
    assertTrue(poller.awaitTermination(PATIENCE), "a handler exception ends the poll");
    assertInstanceOf(IllegalStateException.class, poller.failure().orElseThrow());
    List<AsanaEvent> crashed = app.handed.get(app.handed.size() - 1);
    assertEquals(30, app.committed.size(), "the crashed batch was not committed");

    for (int i = 46; i <= 60; i++) {
      rename(task, "p" + i); // while nothing polls
    }
    try (EventPoller restarted = asana.events().poll(task, app.persistedToken, INTERVAL, app::onEvents)) {
      await(() -> app.committed.size() >= 60, "every change after the restart");
      assertEquals(crashed.get(0), app.committed.get(30), "the crashed batch is handed again, from its start");
      assertTrue(restarted.failure().isEmpty());
    }
    assertEquals(expected("p", 1, 60), names(app.committed), "each change committed once, in order");
  }

  @Test
  void closingAndResumingFromTheLastTokenContinuesExactly() throws Exception {
    String task = newTask("c0");
    List<AsanaEvent> seen = Collections.synchronizedList(new ArrayList<>());
    EventPoller first = asana.events().poll(task, null, INTERVAL, batch -> seen.addAll(batch.events()));
    await(() -> first.lastSyncToken() != null, "the start token");
    for (int i = 1; i <= 20; i++) {
      rename(task, "c" + i);
    }
    await(() -> seen.size() == 20, "20 changes");
    first.close();
    assertFalse(first.isRunning());
    String resumeFrom = first.lastSyncToken();
    for (int i = 21; i <= 35; i++) {
      rename(task, "c" + i);
    }
    try (EventPoller second = asana.events().poll(task, resumeFrom, INTERVAL, batch -> seen.addAll(batch.events()))) {
      await(() -> seen.size() >= 35, "the changes made while stopped");
      assertTrue(second.isRunning());
    }
    assertEquals(expected("c", 1, 35), names(seen));
  }

  @Test
  void withoutATokenThePollStartsFromNow() throws Exception {
    String task = newTask("n0");
    rename(task, "before");
    List<AsanaEvent> seen = Collections.synchronizedList(new ArrayList<>());
    try (EventPoller poller = asana.events().poll(task, null, INTERVAL, batch -> seen.addAll(batch.events()))) {
      await(() -> poller.lastSyncToken() != null, "the start token");
      rename(task, "after");
      await(() -> !seen.isEmpty(), "the change after the start");
    }
    assertEquals(List.of("after"), names(seen));
  }

  @Test
  void rateLimitsAndServerErrorsAreRiddenOutWithoutLossOrRepeat() throws Exception {
    String task = newTask("r0");
    List<AsanaEvent> seen = Collections.synchronizedList(new ArrayList<>());
    String token = asana.events().start(task);
    try (EventPoller poller = asana.events().poll(task, token, INTERVAL, batch -> seen.addAll(batch.events()))) {
      rename(task, "r1");
      await(() -> seen.size() == 1, "the first change");
      // More failures than the client's two attempts: the poll itself must try again later.
      int faultsBefore = sandbox.faults().injectedFaults();
      sandbox.faults().rateLimit429(3, Duration.ofMillis(0)).serverErrors(3, 503);
      await(() -> sandbox.faults().injectedFaults() - faultsBefore >= 6, "the injected faults");
      sandbox.faults().clear();
      rename(task, "r2");
      rename(task, "r3");
      await(() -> seen.size() >= 3, "the changes after the faults");
      assertTrue(poller.isRunning(), "transient failures do not end the poll");
    }
    assertEquals(List.of("r1", "r2", "r3"), names(seen));
  }

  @Test
  void anExpiredTokenEndsThePollWithTheTypedFailure() throws Exception {
    String task = newTask("x0");
    List<AsanaEvent> seen = Collections.synchronizedList(new ArrayList<>());
    String token = asana.events().start(task);
    sandbox.events().expireSyncTokensNow();
    EventPoller poller = asana.events().poll(task, token, INTERVAL, batch -> seen.addAll(batch.events()));
    assertTrue(poller.awaitTermination(PATIENCE));
    SyncTokenExpiredException e = assertInstanceOf(SyncTokenExpiredException.class, poller.failure().orElseThrow());
    assertFalse(e.freshSyncToken().isBlank());
    assertEquals(token, poller.lastSyncToken(), "never moved past what was handed over");
    assertEquals(List.of(), seen);
  }

  @Test
  void aNonPositiveIntervalIsRefused() {
    assertEquals("interval", assertThrows(InvalidParameterException.class,
        () -> asana.events().poll("123", null, Duration.ZERO, batch -> { })).parameter());
  }
}
