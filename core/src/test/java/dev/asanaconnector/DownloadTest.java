package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-step downloads: record, then the file from download_url, streamed, resumed, never with auth. */
class DownloadTest {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private RecordingServer api;
  private RecordingServer files;
  private AsanaClient asana;
  private final byte[] content = new byte[300_000];
  private final AtomicInteger urlVersion = new AtomicInteger(1);
  private volatile int expiredUntilVersion;
  private volatile int cutsLeft;

  @BeforeEach
  void start() throws Exception {
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + (i >> 8));
    }
    api = new RecordingServer();
    files = new RecordingServer();
    api.answer(this::attachment);
    files.answer(this::file);
    asana = api.client();
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
    files.close();
  }

  private MockResponse attachment(RecordedRequest request) {
    String gid = request.getUrl().pathSegments().get(3);
    if (gid.equals("77")) {
      return RecordingServer.json(200, "{\"data\":{\"gid\":\"77\",\"host\":\"gdrive\",\"download_url\":null,"
          + "\"view_url\":\"https://drive.google.com/file/d/abc/view\"}}");
    }
    int version = urlVersion.getAndIncrement();
    return RecordingServer.json(200, "{\"data\":{\"gid\":\"" + gid + "\",\"name\":\"report.pdf\",\"host\":\"asana\","
        + "\"size\":" + content.length + ",\"download_url\":\"" + files.server.url("/f/" + gid + "?v=" + version) + "\"}}");
  }

  private MockResponse file(RecordedRequest request) {
    int version = Integer.parseInt(request.getUrl().queryParameter("v"));
    if (version <= expiredUntilVersion) {
      return new MockResponse.Builder().code(403).setHeader("Content-Type", "application/xml")
          .body("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>").build();
    }
    int start = 0;
    int end = content.length - 1;
    MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "application/pdf");
    String range = request.getHeaders().get("Range");
    if (range != null) {
      Matcher matcher = RANGE.matcher(range);
      assertTrue(matcher.matches(), range);
      start = Integer.parseInt(matcher.group(1));
      end = matcher.group(2).isEmpty() ? end : Math.min(end, Integer.parseInt(matcher.group(2)));
      response.code(206).setHeader("Content-Range", "bytes " + start + "-" + end + "/" + content.length);
    }
    response.body(new Buffer().write(Arrays.copyOfRange(content, start, end + 1)));
    if (cutsLeft > 0) {
      cutsLeft--;
      response.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE);
    }
    return response.build();
  }

  @Test
  void downloadsTheWholeFileWithoutAsanasAuthorization() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttachmentDownload download = asana.attachments().download("42");
    assertEquals("report.pdf", download.attachment().getName());
    assertEquals(content.length, download.writeTo(out));
    assertArrayEquals(content, out.toByteArray());
    assertEquals("Bearer test-token-123", api.last().getHeaders().get("Authorization"));
    assertNull(files.last().getHeaders().get("Authorization"), "Asana's token never reaches the download host");
  }

  @Test
  void rangeHeaderGivesPartialContent() throws Exception {
    AttachmentDownload download = asana.attachments().download("42", Params.builder().rangeHeader("bytes=100-199").build());
    try (InputStream in = download.openStream()) {
      assertArrayEquals(Arrays.copyOfRange(content, 100, 200), in.readAllBytes());
    }
    assertEquals("bytes=100-199", files.last().getHeaders().get("Range"));
  }

  @Test
  void executeDownloadsToo(@TempDir Path dir) {
    AttachmentDownload download = (AttachmentDownload) asana.execute("attachments", "download",
        Map.of("attachment_gid", "42", "range_header", "bytes=0-99"));
    Path target = dir.resolve("part.bin");
    assertEquals(100, download.saveTo(target));
    assertArrayEquals(Arrays.copyOfRange(content, 0, 100), readAll(target));
  }

  @Test
  void anExpiredUrlIsRenewedOnce() {
    expiredUntilVersion = 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    asana.attachments().download("42").writeTo(out);
    assertArrayEquals(content, out.toByteArray());
    assertEquals(2, api.requests.size(), "the attachment record was fetched again for a fresh URL");
  }

  @Test
  void aUrlThatStaysExpiredIsForbidden() {
    expiredUntilVersion = 100;
    ForbiddenException e = assertThrows(ForbiddenException.class,
        () -> asana.attachments().download("42").writeTo(new ByteArrayOutputStream()));
    assertEquals(403, e.status());
  }

  @Test
  void aCutConnectionResumesFromTheByteReached() {
    cutsLeft = 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    asana.attachments().download("42").writeTo(out);
    assertArrayEquals(content, out.toByteArray());
    assertTrue(files.requests.size() >= 2);
    assertTrue(files.last().getHeaders().get("Range").matches("bytes=\\d+-"), files.last().getHeaders().get("Range"));
  }

  @Test
  void externalAttachmentsNameHostAndViewUrl() {
    ExternalAttachmentException e = assertThrows(ExternalAttachmentException.class,
        () -> asana.attachments().download("77"));
    assertEquals("gdrive", e.host());
    assertEquals("https://drive.google.com/file/d/abc/view", e.viewUrl().orElseThrow());
  }

  private static byte[] readAll(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
