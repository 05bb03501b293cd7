package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.post;
import static dev.asanaconnector.http.TestRequests.settings;
import static dev.asanaconnector.http.TestRequests.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
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
    server.shutdown();
  }

  private OkHttpClient client(RateLimits limits) {
    return HttpStack.newClient(settings().rateLimits(limits).retryPolicy(RetryPolicy.none()).build());
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
  void aReadHoldsItsPermitUntilItsBodyIsClosed() throws Exception {
    server.setDispatcher(new Counting(0));
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().maxReadsInFlight(1).build());
    okhttp3.Response first = client.newCall(get(server, "/api/1.0/tasks")).execute();
    Future<Integer> second = threads.submit(() -> status(client, get(server, "/api/1.0/tasks")));
    Thread.sleep(300);
    assertEquals(1, server.getRequestCount(), "the second read went out while the first body was open");
    assertTrue(!second.isDone());
    first.close();
    assertEquals(200, second.get(5, TimeUnit.SECONDS));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aFailedAttemptGivesItsPermitBack() throws Exception {
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().maxReadsInFlight(1).build());
    Request refusedRead = new Request.Builder().url("http://127.0.0.1:1/api/1.0/tasks").build(); // nothing listens
    for (int i = 0; i < 3; i++) {
      int attempt = i;
      Future<Integer> refused = threads.submit(() -> {
        try {
          return status(client, refusedRead);
        } catch (IOException e) {
          return -1;
        }
      });
      assertEquals(-1, refused.get(5, TimeUnit.SECONDS), "attempt " + attempt);
    }
  }

  @Test
  void capsWritesInFlightApartFromReads() throws Exception {
    Counting counting = new Counting(150);
    server.setDispatcher(counting);
    OkHttpClient client = client(RateLimits.unlimited().toBuilder().maxWritesInFlight(2).maxReadsInFlight(50)
        .build());
    timeParallel(8, 8, () -> status(client, post(server, "/api/1.0/tasks")));
    assertTrue(counting.maxInFlight.get() <= 2, "max writes in flight " + counting.maxInFlight.get());
    counting.maxInFlight.set(0);
    timeParallel(8, 8, () -> status(client, get(server, "/api/1.0/tasks")));
    assertTrue(counting.maxInFlight.get() > 2, "reads were held to the write limit");
  }

  @Test
  void a429PausesEveryThreadUntilRetryAfter() throws Exception {
    server.setDispatcher(new Dispatcher() {
      private final AtomicInteger calls = new AtomicInteger();

      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return calls.incrementAndGet() == 1 ? new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
            : new MockResponse().setBody("{}");
      }
    });
    OkHttpClient client = client(RateLimits.unlimited());
    long start = System.nanoTime();
    assertEquals(429, status(client, get(server, "/api/1.0/tasks")));
    List<Future<Long>> others = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Request request = get(server, "/api/1.0/projects");
      others.add(threads.submit(() -> {
        assertEquals(200, status(client, request));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }));
    }
    for (Future<Long> other : others) {
      long doneAfter = other.get(5, TimeUnit.SECONDS);
      assertTrue(doneAfter >= 950, "a request went out " + doneAfter + " ms after the 429");
    }
  }

  /** Answers 200 after {@code delayMillis}, recording the most requests it was serving at once. */
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
      return new MockResponse().setBody("{}");
    }
  }
}
