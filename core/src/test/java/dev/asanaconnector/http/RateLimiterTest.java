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
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

  /**
   * Permits, not the pace, hold requests back at times: while answers are slow, threads whose paced slots
   * have come wait for one of the two read permits; when answers turn fast, those threads all get a
   * permit at once, on top of the requests paced into the next window. However they bunch, no window (as
   * the server sees the requests arrive) may hold more requests than the limit.
   */
  @Test
  void noWindowHoldsMoreRequestsThanTheLimitWhenPermitsHoldThemBack() throws Exception {
    RateLimits limits = RateLimits.unlimited().toBuilder().requestsPerMinute(20).maxReadsInFlight(2).build();
    assertNoWindowOverLimit(limits, 20, "/api/1.0/tasks");
  }

  @Test
  void noWindowHoldsMoreTaskSearchesThanTheirLimitWhenPermitsHoldThemBack() throws Exception {
    RateLimits limits = RateLimits.unlimited().toBuilder().searchRequestsPerMinute(10).maxReadsInFlight(2).build();
    assertNoWindowOverLimit(limits, 10, "/api/1.0/workspaces/1/tasks/search?text=x");
  }

  /**
   * Twelve threads send {@code path} for about 2 s through a limiter whose per-minute rates apply per
   * second, against a server that answers slowly (400 ms) for the first half second, then at once: the
   * threads whose slots came meanwhile go together at about 0.9 s, and the pace fills the next second.
   */
  private void assertNoWindowOverLimit(RateLimits limits, int limit, String path) throws Exception {
    long window = TimeUnit.SECONDS.toNanos(1);
    // The limiter counts a window longer by a margin, for the time between a request leaving and arriving:
    // here the threads' scheduling on a busy machine, so 50 ms rather than production's 0.5 s of a minute.
    long margin = TimeUnit.MILLISECONDS.toNanos(50);
    // A warm-up first, so that the first measured request does not arrive late by the time OkHttp takes
    // to load its classes (late enough to make room in the window for a request that left a second later).
    server.setDispatcher(new Counting(0));
    OkHttpClient base = new OkHttpClient();
    OkHttpClient warm = base.newBuilder().addInterceptor(new RateLimiter(RateLimits.unlimited(), new CapturingLogger()))
        .build();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, status(warm, get(server, path)));
    }
    Arrivals arrivals = new Arrivals();
    server.setDispatcher(arrivals);
    OkHttpClient client = base.newBuilder()
        .addInterceptor(new RateLimiter(limits, new CapturingLogger(), window, margin)).build();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2000);
    List<Future<Integer>> senders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      senders.add(threads.submit(() -> {
        int sent = 0;
        while (System.nanoTime() - end < 0) {
          assertEquals(200, status(client, get(server, path)));
          sent++;
        }
        return sent;
      }));
    }
    for (Future<Integer> sender : senders) {
      sender.get(30, TimeUnit.SECONDS);
    }
    long[] times = arrivals.times.stream().mapToLong(Long::longValue).sorted().toArray();
    int worst = 0;
    for (int first = 0, last = 0; last < times.length; last++) {
      while (times[last] - times[first] >= window) {
        first++;
      }
      worst = Math.max(worst, last - first + 1);
    }
    assertTrue(worst <= limit, worst + " requests arrived within one window; the limit is " + limit);
    assertTrue(times.length >= limit / 2, "only " + times.length + " requests were sent");
  }

  /**
   * Records when each request arrives; answers slowly (400 ms) what arrives in the first 0.5 s of every 2 s
   * from the first arrival, at once otherwise.
   */
  private static final class Arrivals extends Dispatcher {
    final Queue<Long> times = new ConcurrentLinkedQueue<>();
    private final AtomicLong start = new AtomicLong();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      long now = System.nanoTime();
      times.add(now);
      start.compareAndSet(0, now);
      if (TimeUnit.NANOSECONDS.toMillis(now - start.get()) % 2000 < 500) {
        Thread.sleep(400);
      }
      return new MockResponse.Builder().body("{}").build();
    }
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
