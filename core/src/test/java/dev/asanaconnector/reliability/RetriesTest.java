package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.Params;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.model.CreateTaskRequest;
import dev.asanaconnector.generated.model.ProjectResponse;
import dev.asanaconnector.generated.model.TaskCreateRequest;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import dev.asanaconnector.testing.FailingConnects;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point 1, end to end through {@link AsanaClient} against the sandbox's fault modes: what is retried,
 * after how long, how often, and what is never retried because Asana may already have processed it.
 */
class RetriesTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static String project;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
    project = data.projectGids().get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** A policy whose backoff (5 s, no jitter) is far from any Retry-After used here, so the two can't be confused. */
  private static final RetryPolicy SLOW_BACKOFF = RetryPolicy.builder().baseDelay(Duration.ofSeconds(5))
      .maxDelay(Duration.ofSeconds(5)).jitter(false).build();

  @Test
  void a429WaitsExactlyRetryAfterSecondsThenSucceeds() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(SLOW_BACKOFF);
    AsanaClient asana = builder.build();
    sandbox.faults().rateLimit429(1, Duration.ofSeconds(1));
    int before = sandbox.requestCount();
    long start = System.nanoTime();
    ProjectResponse record = asana.projects().get(project);
    long waited = millisSince(start);
    assertEquals(project, record.getGid());
    assertEquals(2, sandbox.requestCount() - before, "the 429, then the retry");
    assertTrue(waited >= 1000 && waited < 2500, "waited " + waited + " ms: Retry-After is 1 s, the backoff 5 s");
  }

  @Test
  void a429WaitsUntilTheRetryAfterHttpDate() throws Exception {
    List<Instant> arrivals = new CopyOnWriteArrayList<>();
    Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          arrivals.add(Instant.now());
          if (arrivals.size() == 1) {
            return new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
                .body("{\"errors\":[{\"message\":\"You have made too many requests recently.\"}]}").build();
          }
          return new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"data\":{\"gid\":\"5\",\"name\":\"Acme\"}}").build();
        }
      });
      server.start();
      AsanaClient.Builder builder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .personalAccessToken("t0k3n");
      builder.http().retryPolicy(SLOW_BACKOFF);
      assertEquals("Acme", builder.build().workspaces().get("5").getName());
    }
    assertEquals(2, arrivals.size());
    // HTTP dates have whole seconds; the retry may not come before that second began (small clock slack).
    assertTrue(!arrivals.get(1).isBefore(at.minusMillis(20)), "retried at " + arrivals.get(1) + ", before " + at);
    assertTrue(arrivals.get(1).isBefore(at.plusMillis(1500)), "retried at " + arrivals.get(1) + ", long after " + at);
  }

  @Test
  void a429WhoseRetryAfterExceedsTheTimeBudgetIsReturnedAtOnce() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(Fixtures.FAST.toBuilder().maxTotalTime(Duration.ofSeconds(2)).build());
    sandbox.faults().rateLimit429(1, Duration.ofSeconds(30));
    long start = System.nanoTime();
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> builder.build().projects().get(project));
    assertTrue(millisSince(start) < 5000, "no pointless 30 s wait: " + millisSince(start) + " ms");
    assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    assertEquals(429, e.status());
  }

  @ParameterizedTest(name = "GET retries HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void getsRetryServerErrors(int status) {
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().serverErrors(2, status);
    int before = sandbox.requestCount();
    assertEquals(project, asana.projects().get(project).getGid());
    assertEquals(3, sandbox.requestCount() - before);
  }

  @Test
  void getsRetryAConnectionCutMidBody() {
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().cutConnections(2);
    int before = sandbox.requestCount();
    assertEquals(data.taskGids(project).subList(0, 50), asana.projectTasks()
        .list(project, Params.builder().limit(50).build()).data().stream().map(t -> t.getGid()).toList());
    assertEquals(3, sandbox.requestCount() - before);
  }

  @Test
  void getsRetryRefusedConnections() {
    FailingConnects sockets = FailingConnects.refusing(2);
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(new OkHttpClient.Builder().socketFactory(sockets).build());
    int before = sandbox.requestCount();
    assertEquals(project, builder.build().projects().get(project).getGid());
    assertEquals(3, sockets.created.get(), "two refused connections, then one that worked");
    assertEquals(1, sandbox.requestCount() - before);
  }

  @Test
  void backoffIsExponential() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofSeconds(1)).jitter(false).build());
    sandbox.faults().serverErrors(3, 503);
    long start = System.nanoTime();
    builder.build().projects().get(project);
    long took = millisSince(start);
    // 100 + 200 + 400 ms; a constant or linear backoff would be at most 300 or 600.
    assertTrue(took >= 700 && took < 3000, "took " + took + " ms");
  }

  @Test
  void attemptsAreBoundedPerClientAndPerCall() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(3).build());
    AsanaClient asana = builder.build();
    sandbox.faults().serverErrors(1000, 503);

    int before = sandbox.requestCount();
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> asana.projects().get(project));
    assertEquals(503, e.status());
    assertEquals(3, sandbox.requestCount() - before, "the client's 3 attempts");

    before = sandbox.requestCount();
    Params twoAttempts = Params.builder().callOptions(CallOptions.builder()
        .retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(2).build()).build()).build();
    assertThrows(ServerErrorException.class, () -> asana.projects().get(project, twoAttempts));
    assertEquals(2, sandbox.requestCount() - before, "this call's 2 attempts");

    sandbox.faults().clear().cutConnections(1000);
    before = sandbox.requestCount();
    NetworkException cut = assertThrows(NetworkException.class,
        () -> asana.projectTasks().list(project, Params.builder().limit(100).build()));
    assertEquals(3, sandbox.requestCount() - before, "cut bodies count against the same attempts");
    assertTrue(cut.getMessage().startsWith("GET /api/1.0/projects/" + project + "/tasks failed"), cut.getMessage());
  }

  /** Many attempts allowed, 100 ms apart: only the time budget can stop them. */
  private static RetryPolicy budget(Duration maxTotalTime) {
    return RetryPolicy.builder().maxAttempts(1000).baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(100))
        .jitter(false).maxTotalTime(maxTotalTime).build();
  }

  @Test
  void totalRetryTimeIsBoundedPerClientAndPerCall() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(budget(Duration.ofMillis(600)));
    AsanaClient asana = builder.build();
    sandbox.faults().serverErrors(100_000, 503);

    long start = System.nanoTime();
    int before = sandbox.requestCount();
    assertThrows(ServerErrorException.class, () -> asana.projects().get(project));
    long took = millisSince(start);
    int attempts = sandbox.requestCount() - before;
    assertTrue(took >= 500 && took < 3000, "took " + took + " ms");
    assertTrue(attempts >= 2 && attempts <= 8, attempts + " attempts of the 1000 allowed");

    start = System.nanoTime();
    Params shortBudget = Params.builder().callOptions(CallOptions.builder()
        .retryPolicy(budget(Duration.ofMillis(250))).build()).build();
    assertThrows(ServerErrorException.class, () -> asana.projects().get(project, shortBudget));
    took = millisSince(start);
    assertTrue(took >= 150 && took < 3000, "took " + took + " ms");
  }

  @Test
  void totalRetryTimeBoundsRetriesOfCutBodiesToo() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(budget(Duration.ofMillis(600)));
    AsanaClient asana = builder.build();
    sandbox.faults().cutConnections(100_000);
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(NetworkException.class,
        () -> asana.projectTasks().list(project, Params.builder().limit(100).build())));
    long took = millisSince(start);
    assertTrue(took < 3000, "a budget of 600 ms took " + took + " ms (unbounded: 1000 attempts, 100 s)");
  }

  // ---- writes ----

  private static Request write(AsanaSandbox sandbox, String method) {
    RequestBody body = RequestBody.create("{\"data\":{\"name\":\"x\"}}", MediaType.get("application/json"));
    return new Request.Builder().url(sandbox.baseUrl().resolve("tasks/" + data.taskGids(project).get(0)))
        .method(method, method.equals("DELETE") ? null : body).build();
  }

  @ParameterizedTest(name = "{0} is not retried after HTTP 503")
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void writesAreNotRetriedAfterAServerError(String method) throws IOException {
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().serverErrors(5, 503);
    int before = sandbox.requestCount();
    try (Response response = asana.httpClient().newCall(write(sandbox, method)).execute()) {
      assertEquals(503, response.code());
    }
    assertEquals(1, sandbox.requestCount() - before, "Asana may have processed it: sent once");
  }

  @ParameterizedTest(name = "{0} is not retried after a read timeout")
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void writesAreNotRetriedAfterATimeout(String method) throws InterruptedException {
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().slowResponses(Duration.ofMillis(250));
    int before = sandbox.requestCount();
    Request request = CallOptions.builder().readTimeout(Duration.ofMillis(80)).build().attachTo(write(sandbox, method));
    assertThrows(SocketTimeoutException.class, () -> asana.httpClient().newCall(request).execute().close());
    assertEquals(1, settledCount(before, 1), "the request reached Asana: sent once");
  }

  @Test
  void aGetIsRetriedAfterAReadTimeout() throws InterruptedException {
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().slowResponses(Duration.ofMillis(250));
    Request get = CallOptions.builder().readTimeout(Duration.ofMillis(80))
        .retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(3).build()).build()
        .attachTo(new Request.Builder().url(sandbox.baseUrl().resolve("projects/" + project)).build());
    int before = sandbox.requestCount();
    assertThrows(SocketTimeoutException.class, () -> asana.httpClient().newCall(get).execute().close());
    assertEquals(3, settledCount(before, 3));
  }

  /**
   * Requests the sandbox received since {@code before}, once it has seen at least {@code expected} (the
   * client may give up before the server has read the request) and a little longer for any stragglers.
   */
  private static int settledCount(int before, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (sandbox.requestCount() - before < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(150);
    return sandbox.requestCount() - before;
  }

  @Test
  void aWriteIsRetriedAfterA429AndARefusedConnection() throws IOException {
    FailingConnects sockets = FailingConnects.refusing(1);
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(new OkHttpClient.Builder().socketFactory(sockets).build());
    AsanaClient asana = builder.build();
    sandbox.faults().rateLimit429(1, Duration.ZERO);
    int before = sandbox.requestCount();
    try (Response response = asana.httpClient().newCall(write(sandbox, "POST")).execute()) {
      // The sandbox is read-only: the write that finally got through is answered 404.
      assertEquals(404, response.code());
    }
    assertEquals(2, sockets.created.get(), "refused once, then connected");
    assertEquals(2, sandbox.requestCount() - before, "the 429 (not processed), then the write");
  }

  @Test
  void aWriteAnswered503WithRetryAfterIsResentAndOneWithoutIsNot() throws Exception {
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
      server.enqueue(new MockResponse.Builder().code(201).body("{\"data\":{\"gid\":\"7\"}}").build());
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.start();
      AsanaClient.Builder builder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .personalAccessToken("t0k3n");
      builder.http().retryPolicy(Fixtures.FAST);
      AsanaClient asana = builder.build();
      RequestBody body = RequestBody.create("{\"data\":{\"name\":\"x\"}}", MediaType.get("application/json"));
      Request post = new Request.Builder().url(server.url("/api/1.0/tasks")).post(body).build();

      try (Response response = asana.httpClient().newCall(post).execute()) {
        assertEquals(201, response.code(), "a 503 saying when to come back was not processed: resent");
      }
      assertEquals(2, server.getRequestCount());
      try (Response response = asana.httpClient().newCall(post).execute()) {
        assertEquals(503, response.code(), "a bare 503 may have been processed: not resent");
      }
      assertEquals(3, server.getRequestCount());
    }
  }

  @Test
  void aGeneratedWriteIsSentOnceThroughTheSameStack() throws IOException {
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().serverErrors(5, 500);
    int before = sandbox.requestCount();
    retrofit2.Response<?> response = asana.api(TasksApi.class)
        .createTask(CreateTaskRequest.builder().data(TaskCreateRequest.builder().name("Launch plan").build()).build(), null, null).execute();
    assertEquals(500, response.code());
    assertEquals(1, sandbox.requestCount() - before);
  }

  @Test
  void aConnectionFailureAfterTheRetriesIsANetworkException() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(new OkHttpClient.Builder().socketFactory(FailingConnects.refusing(100)).build())
        .retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(3).build());
    NetworkException e = assertThrows(NetworkException.class, () -> builder.build().projects().get(project));
    assertInstanceOf(ConnectException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("GET /api/1.0/projects/" + project + " failed: ConnectException"),
        e.getMessage());
  }

}
