package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.http.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download is complete only when its size is known and matched; every response is closed whatever
 * fails; a local write failure is the connector's own exception. The download host here misbehaves on
 * purpose (malformed headers, bodies ended early with no declared length, short ranges).
 */
class DownloadIntegrityTest {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private final byte[] content = new byte[100_000];
  private RecordingServer api;
  private RecordingServer files;
  private final OpenCalls calls = new OpenCalls();
  private AsanaClient asana;
  /** Whether the attachment record carries {@code size} (Asana gives it for files it hosts). */
  private volatile boolean recordHasSize = true;

  @BeforeEach
  void start() throws IOException {
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 17 + (i >> 9));
    }
    api = new RecordingServer();
    files = new RecordingServer();
    api.answer(request -> RecordingServer.json(200, "{\"data\":{\"gid\":\"42\",\"name\":\"f.bin\",\"host\":\"asana\","
        + (recordHasSize ? "\"size\":" + content.length + "," : "")
        + "\"download_url\":\"" + files.server.url("/f/42?X-Amz-Signature=s3cr3t") + "\"}}"));
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(api.baseUrl()).personalAccessToken("test-token-123");
    builder.http().retryPolicy(RetryPolicy.none()).baseClient(new OkHttpClient.Builder().eventListener(calls).build());
    asana = builder.build();
  }

  @AfterEach
  void stop() throws IOException {
    api.close();
    files.close();
  }

  /** Counts the calls started and not yet ended: a response never closed keeps its call (and connection) open. */
  static final class OpenCalls extends EventListener {
    final AtomicInteger open = new AtomicInteger();

    @Override
    public void callStart(Call call) {
      open.incrementAndGet();
    }

    @Override
    public void callEnd(Call call) {
      open.decrementAndGet();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      open.decrementAndGet();
    }
  }

  private void assertEveryResponseClosed() {
    assertEquals(0, calls.open.get(), "calls whose response was never closed");
  }

  private Params range(String range) {
    return Params.builder().rangeHeader(range).build();
  }

  /** {@code content[from, to)} as a 206 answer. */
  private MockResponse partial(int from, int to) {
    return new MockResponse.Builder().code(206)
        .setHeader("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
        .body(new Buffer().write(Arrays.copyOfRange(content, from, to))).build();
  }

  /** {@code content[from, to)} with no declared length: the body ends when the host closes the connection. */
  private MockResponse closeDelimited(int status, int from, int to) {
    return new MockResponse.Builder().code(status)
        .body(new Buffer().write(Arrays.copyOfRange(content, from, to)))
        .removeHeader("Content-Length")
        .setHeader("Connection", "close")
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  /** The first byte a request asks for (0 without a Range header). */
  private static int from(RecordedRequest request) {
    String range = request.getHeaders().get("Range");
    if (range == null) {
      return 0;
    }
    Matcher matcher = RANGE.matcher(range);
    assertTrue(matcher.matches(), range);
    return Integer.parseInt(matcher.group(1));
  }

  // ---- every response closed when the first connect fails ----

  @Test
  void aContentRangeFromTheWrongByteOnTheFirstConnectIsAnInvalidResponseAndItsResponseIsClosed() {
    files.answer(request -> partial(5, 15));
    AttachmentDownload download = asana.attachments().download("42", range("bytes=0-9"));
    InvalidResponseException e = assertThrows(InvalidResponseException.class, download::openStream);
    assertTrue(e.getMessage().contains("Content-Range"), e.getMessage());
    assertEveryResponseClosed();
  }

  @Test
  void anUnparsableContentRangeOnTheFirstConnectIsAnInvalidResponseAndItsResponseIsClosed() {
    // Digits beyond a long: Long.parseLong would throw NumberFormatException, which is no AsanaException.
    files.answer(request -> partial(0, 10).newBuilder().setHeader("Content-Range", "bytes 0-99999999999999999999/100000000000000000000").build());
    AttachmentDownload download = asana.attachments().download("42", range("bytes=0-9"));
    assertThrows(InvalidResponseException.class, download::openStream);
    assertEveryResponseClosed();
  }

  @Test
  void aMalformedContentLengthOnTheFirstConnectIsAnInvalidResponseAndItsResponseIsClosed() {
    // RFC 9112 6.3: an invalid Content-Length makes the framing invalid; the response must be discarded.
    files.answer(request -> closeDelimited(200, 0, content.length).newBuilder().setHeader("Content-Length", "1e5").build());
    AttachmentDownload download = asana.attachments().download("42");
    InvalidResponseException e = assertThrows(InvalidResponseException.class, download::openStream);
    assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), "the signed URL's query stays out of messages");
    assertEveryResponseClosed();
  }

  @Test
  void aContentLengthDisagreeingWithTheContentRangeIsAnInvalidResponseAndItsResponseIsClosed() {
    files.answer(request -> partial(0, 10).newBuilder().setHeader("Content-Length", "10")
        .setHeader("Content-Range", "bytes 0-19/" + content.length).build());
    AttachmentDownload download = asana.attachments().download("42", range("bytes=0-19"));
    assertThrows(InvalidResponseException.class, download::openStream);
    assertEveryResponseClosed();
  }

  @Test
  void aRangeBeyondWhatALongHoldsIsAnInvalidParameterNotANumberFormatException() {
    for (String range : List.of("bytes=0-99999999999999999999", "bytes=99999999999999999999-")) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class,
          () -> asana.attachments().download("42", range(range)).openStream(), range);
      assertEquals("range_header", e.parameter());
    }
    assertEquals(0, files.requests.size(), "nothing asked of the download host");
  }

  // ---- a body ending before the known size: resumed, or a loud failure ----

  @Test
  void aCloseDelimitedBodyEndingBeforeTheRecordsSizeIsResumedFromTheByteReached() {
    AtomicInteger requests = new AtomicInteger();
    files.answer(request -> requests.getAndIncrement() == 0 ? closeDelimited(200, 0, 40_000)
        : partial(from(request), content.length));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttachmentDownload download = asana.attachments().download("42");
    assertEquals(content.length, download.writeTo(out));
    assertArrayEquals(content, out.toByteArray());
    assertTrue(download.sizeVerified());
    assertEquals(List.of("null", "bytes=40000-"), files.all().stream().map(r -> String.valueOf(r.getHeaders().get("Range")))
        .toList());
    assertEveryResponseClosed();
  }

  @Test
  void aCloseDelimitedBodyThatKeepsEndingShortOfTheRecordsSizeFailsLoudlyAndLeavesNoFile(@TempDir Path dir)
      throws IOException {
    // Each answer stops 10 KB further on, then closes the connection, never reaching the record's size.
    files.answer(request -> closeDelimited(from(request) == 0 ? 200 : 206, from(request),
        Math.min(from(request) + 10_000, content.length - 1)).newBuilder().setHeader("Content-Range",
        "bytes " + from(request) + "-" + (content.length - 1) + "/" + content.length).build());
    Path target = dir.resolve("f.bin");
    NetworkException e = assertThrows(NetworkException.class, () -> asana.attachments().download("42").saveTo(target));
    assertTrue(e.getMessage().contains("of " + content.length), e.getMessage());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no short file, no temporary file");
    }
    assertEveryResponseClosed();
  }

  @Test
  void aContentLengthDisagreeingWithTheRecordsSizeIsAnInvalidResponseAndItsResponseIsClosed() {
    files.answer(request -> new MockResponse.Builder().body(new Buffer().write(content, 0, 40_000)).build());
    AttachmentDownload download = asana.attachments().download("42");
    InvalidResponseException e = assertThrows(InvalidResponseException.class, download::openStream);
    assertTrue(e.getMessage().contains("40000") && e.getMessage().contains(String.valueOf(content.length)),
        e.getMessage());
    assertEveryResponseClosed();
  }

  @Test
  void aCloseDelimitedBodyGoingOnPastTheRecordsSizeFailsRatherThanBeingCutThere() {
    byte[] longer = Arrays.copyOf(content, content.length + 1);
    files.answer(request -> new MockResponse.Builder().body(new Buffer().write(longer)).removeHeader("Content-Length")
        .setHeader("Connection", "close").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    NetworkException e = assertThrows(NetworkException.class,
        () -> asana.attachments().download("42").writeTo(new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("past byte " + content.length), e.getMessage());
    assertEveryResponseClosed();
  }

  @Test
  void aHostAnsweringWithShorterRangesThanAskedIsReadOnToTheEndNotTruncated() {
    // A host may answer 'bytes=N-' with less than the rest (RFC 9110 14.2): the rest is asked for again.
    files.answer(request -> partial(from(request), Math.min(from(request) + 30_000, content.length)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttachmentDownload download = asana.attachments().download("42", range("bytes=0-"));
    assertEquals(content.length, download.writeTo(out));
    assertArrayEquals(content, out.toByteArray());
    assertTrue(download.sizeVerified());
    assertEquals(4, files.requests.size());
    assertEveryResponseClosed();
  }

  // ---- verified, or said to be unverified ----

  @Test
  void aBodyMatchingItsContentLengthIsVerified() {
    files.answer(request -> new MockResponse.Builder().body(new Buffer().write(content)).build());
    AttachmentDownload download = asana.attachments().download("42");
    assertFalse(download.sizeVerified(), "nothing downloaded yet");
    assertEquals(content.length, download.writeTo(new ByteArrayOutputStream()));
    assertTrue(download.sizeVerified());
  }

  @Test
  void aCloseDelimitedBodyMatchingTheRecordsSizeIsVerified() {
    files.answer(request -> closeDelimited(200, 0, content.length));
    AttachmentDownload download = asana.attachments().download("42");
    assertEquals(content.length, download.writeTo(new ByteArrayOutputStream()));
    assertTrue(download.sizeVerified());
  }

  @Test
  void aBodyWhoseSizeNothingGivesIsDeliveredAndReportedUnverified() throws IOException {
    recordHasSize = false;
    files.answer(request -> closeDelimited(200, 0, content.length));
    AttachmentDownload download = asana.attachments().download("42");
    assertNull(download.attachment().getSize());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(content.length, download.writeTo(out));
    assertArrayEquals(content, out.toByteArray());
    assertFalse(download.sizeVerified(), "no Content-Length, no Content-Range, no size in the record");
    try (InputStream in = asana.attachments().download("42").openStream()) {
      assertEquals(content.length, in.readAllBytes().length);
    }
    assertEveryResponseClosed();
  }

  @Test
  void aRangeClippedAtTheEndOfTheFileIsVerifiedByTheContentRangeTotal() throws IOException {
    recordHasSize = false;
    files.answer(request -> partial(from(request), content.length));
    AttachmentDownload download = asana.attachments().download("42", range("bytes=99000-200000"));
    try (InputStream in = download.openStream()) {
      assertArrayEquals(Arrays.copyOfRange(content, 99_000, content.length), in.readAllBytes());
    }
    assertTrue(download.sizeVerified());
  }

  // ---- writing the result locally ----

  @Test
  void aFileThatCannotBeCreatedIsADownloadWriteExceptionNamingThePath(@TempDir Path dir) {
    files.answer(request -> new MockResponse.Builder().body(new Buffer().write(content)).build());
    Path target = dir.resolve("no-such-folder").resolve("f.bin");
    DownloadWriteException e = assertThrows(DownloadWriteException.class,
        () -> asana.attachments().download("42").saveTo(target));
    assertEquals(target, e.path().orElseThrow());
    assertInstanceOf(AsanaException.class, e);
    assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    assertEveryResponseClosed();
  }

  @Test
  void aTargetThatCannotBeReplacedIsADownloadWriteExceptionAndLeavesNoTemporaryFile(@TempDir Path dir)
      throws IOException {
    files.answer(request -> new MockResponse.Builder().body(new Buffer().write(content)).build());
    Path target = Files.createDirectory(dir.resolve("f.bin"));
    Files.writeString(target.resolve("keep.txt"), "a folder that is not empty cannot be replaced by a file");
    DownloadWriteException e = assertThrows(DownloadWriteException.class,
        () -> asana.attachments().download("42").saveTo(target));
    assertEquals(target, e.path().orElseThrow());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(target), left.toList(), "the temporary file is gone");
    }
    assertEveryResponseClosed();
  }

  @Test
  void aFailingOutputStreamIsADownloadWriteExceptionNotANetworkFailure() {
    files.answer(request -> new MockResponse.Builder().body(new Buffer().write(content)).build());
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    DownloadWriteException e = assertThrows(DownloadWriteException.class,
        () -> asana.attachments().download("42").writeTo(full));
    assertTrue(e.path().isEmpty());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertEveryResponseClosed();
  }
}
