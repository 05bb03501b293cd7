package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.post;
import static dev.asanaconnector.http.TestRequests.settings;
import static dev.asanaconnector.http.TestRequests.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private MockWebServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    threads.shutdownNow();
    server.close();
  }

  private static int availableReadPermits(OkHttpClient client) {
    return client.interceptors().stream().filter(RateLimiter.class::isInstance).map(RateLimiter.class::cast)
        .findFirst().orElseThrow().availableReadPermits();
  }

  private OkHttpClient client(RateLimits limits) {
    return HttpStack.newClient(settings(server).rateLimits(limits).retryPolicy(RetryPolicy.none()).build());
  }

  /** Sends {@code count} requests from {@code parallelism} threads; returns the milliseconds it took. */
  private long timeParallel(int count, int parallelism, Callable<Integer> send) throws Exception {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(send);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      long start = System.nanoTime();
      for (Future<Integer> result : pool.invokeAll(tasks)) {
        assertEquals(200, result.get());
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pacesRequestsAtTheRatePerMinute() throws Exception {
    server.setDispatcher(new Counting(0));
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().requestsPerMinute(600).build());
    // 600/min allows a burst of 6, then one request every ~100 ms: 20 requests take about 1.4 s.
    long took = timeParallel(20, 4, () -> status(client, get(server, "/api/1.0/tasks")));
    assertTrue(took >= 1200 && took < 3500, "took " + took + " ms");
  }

  @Test
  void pacesTaskSearchesSeparately() throws Exception {
    server.setDispatcher(new Counting(0));
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().searchRequestsPerMinute(300).build());
    long others = timeParallel(12, 4, () -> status(client, get(server, "/api/1.0/tasks")));
    assertTrue(others < 800, "other requests took " + others + " ms");
    // 300/min allows a burst of 3, then one every ~200 ms: 8 searches take about 1 s.
    long searches = timeParallel(8, 4,
        () -> status(client, get(server, "/api/1.0/workspaces/1/tasks/search?text=x")));
    assertTrue(searches >= 850 && searches < 3000, "searches took " + searches + " ms");
  }

  @Test
  void capsReadsInFlight() throws Exception {
    Counting counting = new Counting(150);
    server.setDispatcher(counting);
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().maxReadsInFlight(3).build());
    timeParallel(12, 12, () -> status(client, get(server, "/api/1.0/tasks")));
    assertTrue(counting.maxInFlight.get() <= 3, "max in flight " + counting.maxInFlight.get());
    assertTrue(counting.maxInFlight.get() >= 2, "requests did not overlap at all");
  }

  @Test
  void aReadHoldsItsPermitUntilItsBodyHasArrived() throws Exception {
    // The first answer's 8 KiB body trickles in over about 0.8 s; the stack reads it before returning.
    server.enqueue(new MockResponse.Builder().body("{\"data\":\"" + "x".repeat(8192) + "\"}").throttleBody(1024, 100,
        TimeUnit.MILLISECONDS).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().maxReadsInFlight(1).build());
    Future<okhttp3.Response> first = threads.submit(() -> client.newCall(get(server, "/api/1.0/tasks")).execute());
    assertNotNull(server.takeRequest(5, TimeUnit.SECONDS));
    Future<Integer> second = threads.submit(() -> status(client, get(server, "/api/1.0/tasks")));
    Thread.sleep(300);
    assertFalse(first.isDone(), "the first body is still arriving");
    assertEquals(1, server.getRequestCount(), "the second read went out while the first body was arriving");
    assertEquals(200, second.get(5, TimeUnit.SECONDS));
    assertTrue(first.isDone());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aResponseItsCallerNeverClosesHoldsNoPermit() throws Exception {
    server.setDispatcher(new Counting(0));
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().maxReadsInFlight(1).build());
    okhttp3.Response neverClosed = client.newCall(get(server, "/api/1.0/tasks")).execute();
    assertEquals(200, neverClosed.code());
    assertEquals(200, threads.submit(() -> status(client, get(server, "/api/1.0/tasks"))).get(5, TimeUnit.SECONDS),
        "the second read waited for a permit the unclosed response still held");
    assertEquals("{}", neverClosed.body().string(), "its body was read in full and is still there to read");
  }

  @Test
  void aThreadWaitingOutA429PauseHoldsNoPermit() throws Exception {
    // One permit; a 429 pauses the client for 1 s. A thread that sleeps out the pause must not hold the
    // permit meanwhile, so a permit count taken during the pause stays at its maximum.
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("{}").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    RateLimits limits = RateLimits.unlimited().toBuilder().maxReadsInFlight(1).build();
    OkHttpClient client = client(limits);
    assertEquals(429, status(client, get(server, "/api/1.0/tasks")));
    Future<Integer> paused = threads.submit(() -> status(client, get(server, "/api/1.0/tasks")));
    Thread.sleep(200);
    assertFalse(paused.isDone(), "the request waits out the pause");
    assertEquals(1, server.getRequestCount(), "nothing is sent during the pause");
    assertEquals(1, availableReadPermits(client), "the waiting thread holds no permit");
    assertEquals(200, paused.get(5, TimeUnit.SECONDS));
  }

  private static final class Counting extends Dispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final long delayMillis;

    Counting(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(delayMillis);
      } finally {
        inFlight.decrementAndGet();
      }
      return new MockResponse.Builder().body("{}").build();
    }
  }
}
