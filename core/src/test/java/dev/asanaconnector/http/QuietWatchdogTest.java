package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Okio's timeout watchdog stays asleep while calls run, and every timeout is still enforced on time. */
class QuietWatchdogTest {
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

  private OkHttpClient client(Duration readTimeout) {
    return HttpStack.newClient(settings(server).readTimeout(readTimeout).retryPolicy(RetryPolicy.none()).build());
  }

  /** Context switches of the thread named "Okio Watchdog" so far (Linux's per-thread counters), or -1. */
  private static long watchdogWakeUps() throws IOException {
    try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        if (Files.readString(thread.resolve("comm")).trim().equals("Okio Watchdog")) {
          return Files.readAllLines(thread.resolve("status")).stream()
              .filter(line -> line.startsWith("voluntary_ctxt_switches:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", ""))).sum();
        }
      }
    }
    return -1;
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void sequentialCallsDoNotWakeTheWatchdogForEachTimeout() throws IOException {
    OkHttpClient client = client(Duration.ofSeconds(30));
    int calls = 300;
    for (int i = 0; i < calls + 1; i++) {
      server.enqueue(new MockResponse.Builder().body("{\"data\":{\"gid\":\"" + i + "\"}}").build());
    }
    try (Response first = client.newCall(get(server, "/api/1.0/tasks/0")).execute()) {
      assertEquals(200, first.code()); // starts the watchdog and queues the sentinel
    }
    long before = watchdogWakeUps();
    long start = System.nanoTime();
    for (int i = 1; i <= calls; i++) {
      try (Response response = client.newCall(get(server, "/api/1.0/tasks/" + i)).execute()) {
        assertEquals(200, response.code());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long wakeUps = watchdogWakeUps() - before;

    assertTrue(before >= 0, "the watchdog thread runs");
    // Without the sentinel each call wakes it at least three times (call, request write, response read):
    // 900 or more here. With it, about once a period, plus a few at most.
    assertTrue(wakeUps <= seconds * 1000 / QuietWatchdog.PERIOD_MILLIS + 10,
        wakeUps + " wake-ups of the watchdog in " + calls + " calls over " + seconds + " s");
    assertTrue(QuietWatchdog.armed());
  }

  @Test
  void aReadTimeoutLongerThanTheSentinelsPeriodStillFiresOnTime() throws IOException {
    OkHttpClient client = client(Duration.ofMillis(1_500));
    server.enqueue(new MockResponse.Builder().body("{\"data\":{}}").build());
    // Answers only after 5 s, long after the read timeout.
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{\"data\":{}}").build());
    try (Response warm = client.newCall(get(server, "/api/1.0/users/me")).execute()) {
      assertEquals(200, warm.code()); // the sentinel is queued now
    }
    assertTrue(QuietWatchdog.armed());

    long start = System.nanoTime();
    assertThrows(InterruptedIOException.class, () -> client.newCall(get(server, "/api/1.0/users/me")).execute());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertTrue(millis >= 1_400 && millis < 4_000, "timed out after " + millis + " ms, the read timeout is 1,500");
  }
}
