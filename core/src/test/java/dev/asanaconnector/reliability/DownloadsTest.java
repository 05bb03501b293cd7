package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AttachmentDownload;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import dev.asanaconnector.sandbox.SandboxFaults.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point 4: downloads cut mid-file resume with a Range request from the byte reached and end with
 * exactly the file's bytes; when they cannot, the caller gets an exception, never a shorter file.
 */
class DownloadsTest {
  private static final long BIG = 256L << 20;
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  /** A downloadable attachment of 100 KiB or more. */
  private static String file;

  private Fixtures.Wire wire;
  private AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().bigAttachmentBytes(BIG).build();
    sandbox.start();
    data = sandbox.data();
    file = data.downloadableAttachmentGids().stream().filter(g -> data.attachmentSize(g) >= 100_000).findFirst()
        .orElseThrow();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void client() {
    sandbox.faults().clear();
    wire = new Fixtures.Wire();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(wire.baseClient());
    asana = builder.build();
  }

  private List<String> downloadRanges() {
    return wire.to("/files/").stream().map(s -> String.valueOf(s.range())).toList();
  }

  private void assertNoAuthorizationSentToTheDownloadHost() {
    assertTrue(wire.to("/files/").stream().noneMatch(Fixtures.Sent::authorization));
    assertEquals(0, sandbox.downloadRequestsWithAuthorization());
  }

  @Test
  void a256MiBDownloadCutMidwayResumesWithIdenticalBytes() throws Exception {
    String gid = data.bigAttachmentGid();
    assertEquals(BIG, data.attachmentSize(gid));
    long cut = (100L << 20) + 12_345;
    sandbox.faults().cutConnectionsAfter(1, cut, Target.DOWNLOAD);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long start = System.nanoTime();
    long bytes;
    try (OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      bytes = asana.attachments().download(gid).writeTo(digest);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(BIG, bytes);
    assertEquals(data.attachmentSha256(gid), HexFormat.of().formatHex(sha.digest()), "identical bytes");
    assertEquals(List.of("null", "bytes=" + cut + "-"), downloadRanges(), "one resume, from the byte reached");
    assertNoAuthorizationSentToTheDownloadHost();
    System.out.printf("256 MiB download with one cut at %d bytes: %d ms%n", cut, millis);
  }

  @Test
  void everyCutOfAFileIsResumedFromTheByteReached() throws IOException {
    sandbox.faults().cutConnectionsAfter(3, 20_000, Target.DOWNLOAD);
    byte[] received;
    try (InputStream in = asana.attachments().download(file).openStream()) {
      received = in.readAllBytes();
    }
    assertArrayEquals(data.attachmentBytes(file), received);
    assertEquals(List.of("null", "bytes=20000-", "bytes=40000-", "bytes=60000-"), downloadRanges());
    assertNoAuthorizationSentToTheDownloadHost();
  }

  @Test
  void readAllBytesReadsTheWholeFile() throws IOException {
    // InputStream.readAllBytes asks for 0 bytes once its first 8 KiB buffer is full: that is not the end.
    try (InputStream in = asana.attachments().download(file).openStream()) {
      assertArrayEquals(data.attachmentBytes(file), in.readAllBytes());
    }
    try (InputStream in = asana.attachments().download(file).openStream()) {
      assertEquals(0, in.read(new byte[10], 5, 0));
      assertArrayEquals(data.attachmentBytes(file, 0, 50_000), in.readNBytes(50_000));
    }
  }

  @Test
  void aFileThatKeepsBeingCutFailsLoudlyAndLeavesNoPartialFile(@TempDir Path dir) throws IOException {
    sandbox.faults().cutConnectionsAfter(1000, 1000, Target.DOWNLOAD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttachmentDownload download = asana.attachments().download(file);
    NetworkException e = assertThrows(NetworkException.class, () -> download.writeTo(out));
    assertTrue(e.getMessage().contains("could not be resumed"), e.getMessage());
    assertTrue(out.size() < data.attachmentSize(file));
    assertArrayEquals(data.attachmentBytes(file, 0, out.size()), out.toByteArray(), "what arrived is right");

    Path target = dir.resolve("file.bin");
    assertThrows(NetworkException.class, () -> asana.attachments().download(file).saveTo(target));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no partial file, no temporary file");
    }
  }

  @Test
  void aUrlThatExpiresBeforeTheResumeIsRenewedAndTheResumeContinues() throws Exception {
    sandbox.faults().cutConnectionsAfter(1, 30_000, Target.DOWNLOAD);
    int apiBefore = sandbox.requestCount();
    byte[] received;
    try (InputStream in = asana.attachments().download(file).openStream()) {
      byte[] first = in.readNBytes(1000);
      sandbox.faults().expireDownloadUrlsNow();
      byte[] rest = in.readAllBytes();
      received = new byte[first.length + rest.length];
      System.arraycopy(first, 0, received, 0, first.length);
      System.arraycopy(rest, 0, received, first.length, rest.length);
    }
    assertArrayEquals(data.attachmentBytes(file), received);
    assertEquals(2, sandbox.requestCount() - apiBefore, "the attachment record, then once more for a fresh URL");
    List<Fixtures.Sent> files = wire.to("/files/");
    assertEquals(3, files.size());
    assertEquals(List.of(200, 403, 206), files.stream().map(Fixtures.Sent::status).toList());
    assertEquals(List.of("null", "bytes=30000-", "bytes=30000-"), downloadRanges());
    assertNoAuthorizationSentToTheDownloadHost();
  }

  @Test
  void theDownloadHostsErrorsAndRateLimitsAreRetried() throws IOException {
    sandbox.faults().rateLimit429(1, Duration.ZERO, Target.DOWNLOAD).serverErrors(2, 503, Target.DOWNLOAD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    asana.attachments().download(file).writeTo(out);
    assertArrayEquals(data.attachmentBytes(file), out.toByteArray());
    assertEquals(List.of(429, 503, 503, 200), wire.to("/files/").stream().map(Fixtures.Sent::status).toList());
  }

  // ---- download hosts that misbehave on the resume (MockWebServer) ----

  private static byte[] content(int size) {
    byte[] content = new byte[size];
    for (int i = 0; i < size; i++) {
      content[i] = (byte) (i * 13 + (i >> 10));
    }
    return content;
  }

  /** An API and a download host in one server: the first file response is cut, the resume answered by {@code resume}. */
  private static MockWebServer host(byte[] content, java.util.function.Function<String, MockResponse> resume)
      throws IOException {
    MockWebServer server = Fixtures.mockWebServer();
    java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().startsWith("/api/")) {
          return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(
              "{\"data\":{\"gid\":\"42\",\"name\":\"f.bin\",\"host\":\"asana\",\"size\":" + content.length
              + ",\"download_url\":\"" + server.url("/files/42") + "\"}}").build();
        }
        if (files.getAndIncrement() == 0) {
          return new MockResponse.Builder().body(new Buffer().write(content))
              .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
        }
        return resume.apply(request.getHeaders().get("Range"));
      }
    });
    server.start();
    return server;
  }

  private static AsanaClient clientOf(MockWebServer server) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
        .personalAccessToken("t0k3n");
    builder.http().retryPolicy(Fixtures.FAST);
    return builder.build();
  }

  @Test
  void aHostThatIgnoresTheRangeOnResumeStillYieldsTheExactFile() throws IOException {
    byte[] content = content(200_000);
    try (MockWebServer server = host(content, range -> new MockResponse.Builder().body(new Buffer().write(content)).build())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(content.length, clientOf(server).attachments().download("42").writeTo(out));
      assertArrayEquals(content, out.toByteArray());
    }
  }

  @Test
  void aHostThatResumesFromTheWrongByteIsAnErrorNotACorruptFile() throws IOException {
    byte[] content = content(200_000);
    try (MockWebServer server = host(content, range -> new MockResponse.Builder().code(206)
        .setHeader("Content-Range", "bytes 0-" + (content.length - 1) + "/" + content.length)
        .body(new Buffer().write(content)).build())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NetworkException e = assertThrows(NetworkException.class,
          () -> clientOf(server).attachments().download("42").writeTo(out));
      assertTrue(e.getMessage().contains("Content-Range"), e.getMessage());
      assertTrue(out.size() < content.length);
      assertArrayEquals(Arrays.copyOf(content, out.size()), out.toByteArray());
    }
  }
}
