package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.post;
import static dev.asanaconnector.http.TestRequests.settings;
import static dev.asanaconnector.http.TestRequests.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import dev.asanaconnector.testing.FailingConnects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final RetryPolicy FAST = RetryPolicy.builder().baseDelay(Duration.ofMillis(10))
      .maxDelay(Duration.ofMillis(50)).build();

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private OkHttpClient client(RetryPolicy policy) {
    return HttpStack.newClient(settings(server).retryPolicy(policy).build());
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body("{\"data\":{}}").build();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Test
  void waitsRetryAfterSecondsThenRetries() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    server.enqueue(ok());
    long start = System.nanoTime();
    assertEquals(200, status(client(FAST), get(server, "/api/1.0/tasks")));
    long waited = millisSince(start);
    assertTrue(waited >= 950 && waited < 3000, "waited " + waited + " ms");
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void waitsRetryAfterHttpDateThenRetries() throws Exception {
    Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    server.enqueue(new MockResponse.Builder().code(429)
        .setHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))).build());
    server.enqueue(ok());
    long start = System.nanoTime();
    assertEquals(200, status(client(FAST), post(server, "/api/1.0/tasks")));
    long waited = millisSince(start);
    assertTrue(waited >= 800 && waited < 3500, "waited " + waited + " ms");
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void returns429WhenRetryAfterExceedsTheTimeBudget() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());
    server.enqueue(ok());
    long start = System.nanoTime();
    assertEquals(429, status(client(FAST.toBuilder().maxTotalTime(Duration.ofSeconds(5)).build()),
        get(server, "/api/1.0/tasks")));
    assertTrue(millisSince(start) < 1000);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void retriesA429WithoutRetryAfterWithBackoff() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(ok());
    assertEquals(200, status(client(FAST), post(server, "/api/1.0/tasks")));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retriesAPostAfter429AndSendsTheSameBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
    server.enqueue(ok());
    assertEquals(200, status(client(FAST), post(server, "/api/1.0/tasks")));
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("POST", second.getMethod());
    assertEquals(first.getBody().utf8(), second.getBody().utf8());
  }

  @Test
  void retriesAGetOnServerErrors() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(ok());
    assertEquals(200, status(client(FAST), get(server, "/api/1.0/tasks")));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retriesAGetWhenTheConnectionDrops() throws Exception {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok());
    assertEquals(200, status(client(FAST), get(server, "/api/1.0/tasks")));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retriesAGetAfterATimeout() throws Exception {
    server.enqueue(ok().newBuilder().headersDelay(600, TimeUnit.MILLISECONDS).build());
    server.enqueue(ok());
    OkHttpClient client = HttpStack.newClient(settings(server).retryPolicy(FAST).readTimeout(Duration.ofMillis(200)).build());
    assertEquals(200, status(client, get(server, "/api/1.0/tasks")));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void doesNotRetryAPostOnAServerError() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(ok());
    assertEquals(500, status(client(FAST), post(server, "/api/1.0/tasks")));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void doesNotRetryAPostThatTimedOutAfterBeingSent() throws Exception {
    server.enqueue(ok().newBuilder().headersDelay(600, TimeUnit.MILLISECONDS).build());
    server.enqueue(ok());
    OkHttpClient client = HttpStack.newClient(settings(server).retryPolicy(FAST).readTimeout(Duration.ofMillis(200)).build());
    assertThrows(SocketTimeoutException.class, () -> status(client, post(server, "/api/1.0/tasks")));
    Thread.sleep(200);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void retriesAPostWhenTheConnectionIsRefused() throws Exception {
    server.enqueue(ok());
    FailingConnects sockets = FailingConnects.refusing(1);
    OkHttpClient base = new OkHttpClient.Builder().socketFactory(sockets).build();
    OkHttpClient client = HttpStack.newClient(settings(server).retryPolicy(FAST).baseClient(base).build());
    assertEquals(200, status(client, post(server, "/api/1.0/tasks")));
    assertEquals(2, sockets.created.get());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void stopsAfterMaxAttempts() throws Exception {
    server.setDispatcher(always(503));
    assertEquals(503, status(client(FAST.toBuilder().maxAttempts(3).build()), get(server, "/api/1.0/tasks")));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void stopsAtMaxTotalTime() throws Exception {
    server.setDispatcher(always(503));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(100).baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofMillis(100)).jitter(false).maxTotalTime(Duration.ofMillis(450)).build();
    long start = System.nanoTime();
    assertEquals(503, status(client(policy), get(server, "/api/1.0/tasks")));
    assertTrue(millisSince(start) < 1000, "took " + millisSince(start) + " ms");
    int attempts = server.getRequestCount();
    assertTrue(attempts >= 3 && attempts <= 5, attempts + " attempts");
  }

  @Test
  void callOptionsReplaceTheRetryPolicyForOneCall() throws Exception {
    server.setDispatcher(always(503));
    Request request = CallOptions.builder().retryPolicy(RetryPolicy.none()).build()
        .attachTo(get(server, "/api/1.0/tasks"));
    assertEquals(503, status(client(FAST), request));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void callOptionsSetTheReadTimeoutForOneCall() throws Exception {
    server.enqueue(ok().newBuilder().headersDelay(500, TimeUnit.MILLISECONDS).build());
    Request request = CallOptions.builder().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(100))
        .build().attachTo(get(server, "/api/1.0/tasks"));
    long start = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> status(client(FAST), request));
    assertTrue(millisSince(start) < 400);
  }

  @Test
  void theCallTimeoutBoundsRetryWaits() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
    server.enqueue(ok());
    Request request = CallOptions.builder().callTimeout(Duration.ofMillis(500)).build()
        .attachTo(get(server, "/api/1.0/tasks"));
    long start = System.nanoTime();
    assertEquals(429, status(client(FAST), request));
    assertTrue(millisSince(start) < 400);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anInterruptEndsARetryWaitAndStaysSet() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "10").build());
    OkHttpClient client = client(FAST);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        status(client, get(server, "/api/1.0/tasks"));
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(Thread.currentThread().isInterrupted() ? t : new AssertionError("flag cleared", t));
      }
    });
    caller.start();
    server.takeRequest();
    Thread.sleep(200);
    long start = System.nanoTime();
    caller.interrupt();
    Throwable thrown = outcome.get(2, TimeUnit.SECONDS);
    assertTrue(thrown instanceof InterruptedIOException, String.valueOf(thrown));
    assertTrue(millisSince(start) < 1000);
  }

  private static Dispatcher always(int status) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(status).build();
      }
    };
  }

}
