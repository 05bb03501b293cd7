package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.AttachmentDownload;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.Params;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxFaults.Target;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import dev.asanaconnector.testing.FailingConnects;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Point 3: connect, read and whole-call timeouts, per client and per call; no call hangs; stalled downloads. */
class TimeoutsTest {
  private static AsanaSandbox sandbox;
  private static String project;
  private static String attachment;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    project = sandbox.data().projectGids().get(0);
    attachment = sandbox.data().downloadableAttachmentGids().get(0);
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

  private static Params options(CallOptions.Builder options) {
    return Params.builder().callOptions(options.build()).build();
  }

  @Test
  void everyTimeoutHasAFiniteDefault() {
    HttpSettings defaults = HttpSettings.builder().credentials(Credentials.personalAccessToken("t")).build();
    assertEquals(Duration.ofSeconds(10), defaults.connectTimeout());
    assertEquals(Duration.ofSeconds(30), defaults.readTimeout());
    assertEquals(Duration.ofSeconds(30), defaults.writeTimeout());
    assertEquals(Duration.ofMinutes(3), defaults.callTimeout());
    assertEquals(Duration.ofMinutes(2), RetryPolicy.defaults().maxTotalTime());
  }

  @Test
  void theClientsReadTimeoutEndsASlowCall() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().readTimeout(Duration.ofMillis(150)).retryPolicy(RetryPolicy.none());
    sandbox.faults().slowResponses(Duration.ofMillis(700));
    NetworkException e = assertThrows(NetworkException.class, () -> builder.build().projects().get(project));
    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    // The answer would have come after 700 ms: a timeout is the only way to this exception.
  }

  @Test
  void aPerCallReadTimeoutOverridesTheClients() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().readTimeout(Duration.ofSeconds(10));
    AsanaClient asana = builder.build();
    sandbox.faults().slowResponses(Duration.ofMillis(300));
    NetworkException e = assertThrows(NetworkException.class, () -> asana.projects().get(project,
        options(CallOptions.builder().readTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.none()))));
    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    assertEquals(project, asana.projects().get(project).getGid(), "the client's own 10 s timeout waits it out");
  }

  @Test
  void aPerCallWholeCallTimeoutEndsTheCall() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().readTimeout(Duration.ofSeconds(10));
    sandbox.faults().slowResponses(Duration.ofMillis(700));
    NetworkException e = assertThrows(NetworkException.class, () -> builder.build().projects().get(project,
        options(CallOptions.builder().callTimeout(Duration.ofMillis(200)))));
    assertInstanceOf(InterruptedIOException.class, e.getCause()); // OkHttp's "timeout": the whole call's
  }

  @Test
  void theClientsWholeCallTimeoutBoundsItsRetries() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().callTimeout(Duration.ofMillis(400)).retryPolicy(RetryPolicy.builder().maxAttempts(1000)
        .baseDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(50)).maxTotalTime(Duration.ofMinutes(1)).build());
    sandbox.faults().serverErrors(100_000, 503);
    long start = System.nanoTime();
    // Ends with the last 503, or with the timeout if it fires during an attempt: never later.
    AsanaException e = assertThrows(AsanaException.class, () -> builder.build().projects().get(project));
    assertTrue(e instanceof ServerErrorException || e instanceof NetworkException, e.toString());
    // Unbounded, 1000 attempts 50 ms apart would take about a minute.
    assertTrue(millisSince(start) < 5000, "took " + millisSince(start) + " ms");
  }

  @Test
  void connectTimeoutsReachTheSocketPerClientAndPerCall() {
    FailingConnects sockets = FailingConnects.timingOut();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(new OkHttpClient.Builder().socketFactory(sockets).build())
        .connectTimeout(Duration.ofMillis(2500)).retryPolicy(RetryPolicy.none());
    AsanaClient asana = builder.build();
    NetworkException e = assertThrows(NetworkException.class, () -> asana.projects().get(project));
    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    assertThrows(NetworkException.class, () -> asana.projects().get(project,
        options(CallOptions.builder().connectTimeout(Duration.ofMillis(150)))));
    assertEquals(List.of(2500, 150), sockets.timeouts);
  }

  @Test
  void aDownloadHostThatNeverAnswersIsDetected() throws InterruptedException {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().readTimeout(Duration.ofMillis(200)).retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(2).build());
    AsanaClient asana = builder.build();
    AttachmentDownload download = asana.attachments().download(attachment);
    sandbox.faults().slowResponses(Duration.ofMillis(900), Target.DOWNLOAD);
    int before = sandbox.downloadRequestCount();
    NetworkException e = assertThrows(NetworkException.class, () -> download.writeTo(new ByteArrayOutputStream()));
    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    assertEquals(2, settledDownloads(before, 2), "tried twice, as the policy allows");
  }

  @Test
  void perCallTimeoutsApplyToDownloadsToo() throws InterruptedException {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().readTimeout(Duration.ofSeconds(10));
    AsanaClient asana = builder.build();
    sandbox.faults().slowResponses(Duration.ofMillis(600), Target.DOWNLOAD);
    Params quick = options(CallOptions.builder().readTimeout(Duration.ofMillis(150)).retryPolicy(RetryPolicy.none()));
    int before = sandbox.downloadRequestCount();
    NetworkException e = assertThrows(NetworkException.class,
        () -> asana.attachments().download(attachment, quick).writeTo(new ByteArrayOutputStream()));
    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    assertEquals(1, settledDownloads(before, 1), "this call's policy: one attempt");
  }

  @Test
  void aDownloadStalledMidBodyIsDetectedAndResumed() throws Exception {
    byte[] content = new byte[400_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 7 + (i >> 9));
    }
    List<String> ranges = new CopyOnWriteArrayList<>();
    AtomicInteger files = new AtomicInteger();
    Pattern range = Pattern.compile("bytes=(\\d+)-");
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getTarget().startsWith("/api/")) {
            return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(
                "{\"data\":{\"gid\":\"42\",\"name\":\"big.bin\",\"host\":\"asana\",\"size\":" + content.length
                + ",\"download_url\":\"" + server.url("/files/42?sig=abc") + "\"}}").build();
          }
          ranges.add(String.valueOf(request.getHeaders().get("Range")));
          if (files.getAndIncrement() == 0) {
            // 64 KiB, then nothing for 1.2 s (4 read timeouts): the connection stays open but stalls.
            return new MockResponse.Builder().body(new Buffer().write(content))
                .throttleBody(65_536, 1200, TimeUnit.MILLISECONDS).build();
          }
          Matcher matcher = range.matcher(String.valueOf(request.getHeaders().get("Range")));
          int from = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
          return new MockResponse.Builder().code(206)
              .setHeader("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length)
              .body(new Buffer().write(Arrays.copyOfRange(content, from, content.length))).build();
        }
      });
      server.start();
      AsanaClient.Builder builder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .personalAccessToken("t0k3n");
      builder.http().readTimeout(Duration.ofMillis(300)).retryPolicy(Fixtures.FAST);
      byte[] received;
      try (InputStream in = builder.build().attachments().download("42").openStream()) {
        received = in.readAllBytes();
      }
      assertArrayEquals(content, received);
      assertEquals(2, ranges.size(), ranges.toString());
      assertEquals(List.of("null", "bytes=65536-"), ranges, "resumed from the byte reached");
    }
  }

  /** Download requests since {@code before}, once the host has read the {@code expected} ones (and a bit more). */
  private static int settledDownloads(int before, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (sandbox.downloadRequestCount() - before < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(150);
    return sandbox.downloadRequestCount() - before;
  }

}
