package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DownloadTest {
  static final long BIG = 48L << 20;
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String pdf;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().bigAttachmentBytes(BIG).build();
    sandbox.start();
    data = sandbox.data();
    pdf = data.attachmentGids(data.richTaskGid()).get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void clear() {
    sandbox.faults().clear();
  }

  static HttpUrl downloadUrl(String gid) {
    Map<String, Object> a = Http.get(sandbox, "attachments/" + gid).expect(200).object();
    return HttpUrl.get((String) a.get("download_url"));
  }

  static Resp download(HttpUrl url, String range) {
    Request.Builder b = new Request.Builder().url(url);
    if (range != null) {
      b.header("Range", range);
    }
    return Http.call(Http.CLIENT, b.build());
  }

  @Test
  void downloadHostIsASeparateLoopbackOrigin() {
    HttpUrl url = downloadUrl(pdf);
    assertTrue(url.host().equals("127.0.0.2") || url.host().equals("127.0.0.1"), url.host());
    assertNotEquals(sandbox.baseUrl().port() + url.host(), url.port() + "127.0.0.1");
    assertEquals(url.host(), sandbox.downloadBaseUrl().host());
    assertTrue(url.encodedPath().startsWith("/files/" + pdf + "/"), url.encodedPath());
  }

  @Test
  void wholeFileMatchesTheHelperByteForByte() {
    int before = sandbox.downloadRequestsWithAuthorization();
    for (String gid : data.downloadableAttachmentGids().subList(0, 5)) {
      Resp r = download(downloadUrl(gid), null).expect(200);
      byte[] want = data.attachmentBytes(gid);
      assertEquals(Long.toString(want.length), r.headers().get("Content-Length"));
      assertEquals("bytes", r.headers().get("Accept-Ranges"));
      assertArrayEquals(want, r.bytes());
    }
    Resp r = download(downloadUrl(pdf), null).expect(200);
    assertEquals("application/pdf", r.headers().get("Content-Type"));
    assertEquals(187_345, r.bytes().length);
    assertEquals(before, sandbox.downloadRequestsWithAuthorization(), "nothing sent Authorization");
  }

  @Test
  void rangesGive206WithContentRange() {
    HttpUrl url = downloadUrl(pdf);
    long size = data.attachmentSize(pdf);
    Resp mid = download(url, "bytes=100-199").expect(206);
    assertEquals("bytes 100-199/" + size, mid.headers().get("Content-Range"));
    assertEquals("100", mid.headers().get("Content-Length"));
    assertArrayEquals(data.attachmentBytes(pdf, 100, 100), mid.bytes());

    Resp tail = download(url, "bytes=1001-").expect(206);
    assertEquals("bytes 1001-" + (size - 1) + "/" + size, tail.headers().get("Content-Range"));
    assertArrayEquals(data.attachmentBytes(pdf, 1001, (int) size - 1001), tail.bytes());

    Resp suffix = download(url, "bytes=-500").expect(206);
    assertArrayEquals(data.attachmentBytes(pdf, size - 500, 500), suffix.bytes());

    Resp clamp = download(url, "bytes=" + (size - 10) + "-" + (size + 1000)).expect(206);
    assertEquals(10, clamp.bytes().length);

    Resp unsatisfiable = download(url, "bytes=" + size + "-").expect(416);
    assertEquals("bytes */" + size, unsatisfiable.headers().get("Content-Range"));

    // Odd byte offsets line up with the generator too.
    assertArrayEquals(data.attachmentBytes(pdf, 7, 13), download(url, "bytes=7-19").expect(206).bytes());
  }

  @Test
  void expiredOrTamperedUrlsAre403InS3sXml() {
    HttpUrl early = downloadUrl(pdf);
    download(early, "bytes=0-0").expect(206);
    sandbox.faults().expireDownloadUrlsNow();
    Resp expired = download(early, null).expect(403);
    assertTrue(expired.headers().get("Content-Type").startsWith("text/xml"));
    assertTrue(expired.body().contains("<Code>AccessDenied</Code>"), expired.body());
    assertTrue(expired.body().contains("Request has expired"), expired.body());
    download(downloadUrl(pdf), null).expect(200);

    sandbox.faults().downloadUrlTtl(Duration.ZERO);
    assertTrue(download(downloadUrl(pdf), null).expect(403).body().contains("AccessDenied"));
    sandbox.faults().clear();

    HttpUrl good = downloadUrl(pdf);
    HttpUrl forged = good.newBuilder().setQueryParameter("expires", "99999999999").build();
    assertTrue(download(forged, null).expect(403).body().contains("SignatureDoesNotMatch"));
    HttpUrl other = good.newBuilder().setPathSegment(1, data.downloadableAttachmentGids().get(3)).build();
    download(other, null).expect(403);
  }

  @Test
  void authorizationHeadersAreCountedSoTestsCanAssertNoneWasSent() {
    int before = sandbox.downloadRequestsWithAuthorization();
    Http.call(Http.CLIENT, new Request.Builder().url(downloadUrl(pdf)).header("Authorization", "Bearer leak").build())
        .expect(200);
    assertEquals(before + 1, sandbox.downloadRequestsWithAuthorization());
  }

  @Test
  void bigAttachmentIsStreamedAndMatchesTheChecksum() throws Exception {
    String big = data.bigAttachmentGid();
    assertEquals(BIG, data.attachmentSize(big));
    Map<String, Object> a = Http.get(sandbox, "attachments/" + big).expect(200).object();
    assertEquals((double) BIG, a.get("size"));
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    long total = 0;
    try (Response r = Http.CLIENT.newCall(new Request.Builder().url(downloadUrl(big)).build()).execute();
         InputStream in = r.body().byteStream()) {
      assertEquals(200, r.code());
      assertEquals(Long.toString(BIG), r.header("Content-Length"));
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
        total += n;
      }
    }
    assertEquals(BIG, total);
    assertEquals(data.attachmentSha256(big), HexFormat.of().formatHex(md.digest()));
    assertEquals(0, AsanaSandbox.bufferedResponses(), "bodies are streamed, never buffered whole");
    long off = BIG - 1_000_003;
    Resp end = download(downloadUrl(big), "bytes=" + off + "-").expect(206);
    assertArrayEquals(data.attachmentBytes(big, off, 1_000_003), end.bytes());
  }

  @Test
  void helperStreamAgreesWithRandomAccess() throws IOException {
    byte[] all;
    try (InputStream in = data.attachmentStream(pdf)) {
      all = in.readAllBytes();
    }
    assertArrayEquals(data.attachmentBytes(pdf), all);
    assertArrayEquals(java.util.Arrays.copyOfRange(all, 12_345, 12_400), data.attachmentBytes(pdf, 12_345, 55));
  }
}
