package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /attachments: stored uploads downloadable byte for byte, external links, and the size limit. */
class UploadsTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String task;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    data = sandbox.data();
    task = data.taskGids(data.projectGids().get(0)).get(1);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Resp upload(AsanaSandbox target, String parent, String filename, String type, byte[] bytes) {
    MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("parent", parent)
        .addFormDataPart("file", filename, RequestBody.create(bytes, MediaType.get(type)))
        .build();
    return Http.raw(target, "POST", "attachments", body);
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] download(Map<String, Object> attachment, String range) {
    Request.Builder b = new Request.Builder().url(HttpUrl.get((String) attachment.get("download_url")));
    if (range != null) {
      b.header("Range", range);
    }
    return Http.call(Http.CLIENT, b.build()).expect(range == null ? 200 : 206).bytes();
  }

  @Test
  void a20MiBUploadDownloadsByteIdentical() throws Exception {
    byte[] bytes = randomBytes(20 << 20, 7);
    Map<String, Object> a = upload(sandbox, task, "export.bin", "application/octet-stream", bytes).expect(200).object();
    String gid = (String) a.get("gid");
    assertEquals("attachment", a.get("resource_type"));
    assertEquals("asana", a.get("resource_subtype"));
    assertEquals("export.bin", a.get("name"));
    assertEquals((double) bytes.length, a.get("size"));
    assertEquals(task, Http.map(a.get("parent")).get("gid"));

    // The two steps: the record from the API, then its download_url on the download host.
    Map<String, Object> record = Http.get(sandbox, "attachments/" + gid).expect(200).object();
    byte[] got = download(record, null);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertEquals(HexFormat.of().formatHex(sha.digest(bytes)), HexFormat.of().formatHex(sha.digest(got)));
    assertArrayEquals(bytes, got);
    assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 1000, 2000), download(record, "bytes=1000-1999"));
    assertEquals(data.attachmentSha256(gid), HexFormat.of().formatHex(sha.digest(bytes)), "the data helpers read the upload too");
    assertTrue(Http.gids(Http.get(sandbox, "attachments?parent=" + task).expect(200).data()).contains(gid));
  }

  @Test
  void aNonAsciiFileNameAndItsTypeAreKept() {
    byte[] bytes = "%PDF-1.4 tiny".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Map<String, Object> a = upload(sandbox, task, "r%C3%A9sum%C3%A9.pdf", "application/pdf", bytes).expect(200).object();
    assertEquals("résumé.pdf", a.get("name"));
    Resp file = Http.call(Http.CLIENT, new Request.Builder().url(HttpUrl.get((String) a.get("download_url"))).build())
        .expect(200);
    assertEquals("application/pdf", file.headers().get("Content-Type"));
    assertArrayEquals(bytes, file.bytes());
  }

  @Test
  void anExternalAttachmentHasAViewUrlAndNoDownload() {
    MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("parent", task)
        .addFormDataPart("resource_subtype", "external")
        .addFormDataPart("url", "https://example.com/spec.html")
        .addFormDataPart("name", "The spec")
        .build();
    Map<String, Object> a = Http.raw(sandbox, "POST", "attachments", body).expect(200).object();
    assertEquals("external", a.get("resource_subtype"));
    assertEquals("The spec", a.get("name"));
    assertEquals("https://example.com/spec.html", a.get("view_url"));
    assertNull(a.get("download_url"));
  }

  @Test
  void projectsTakeAttachmentsToo() {
    String project = data.projectGids().get(2);
    String gid = (String) upload(sandbox, project, "brief.txt", "text/plain", new byte[] {1, 2, 3}).expect(200)
        .object().get("gid");
    assertEquals(List.of(gid), Http.gids(Http.get(sandbox, "attachments?parent=" + project).expect(200).data()));
  }

  @Test
  void deletingTheTaskDeletesItsUploads() {
    String t = (String) Http.post(sandbox, "tasks", fields("name", "with file", "workspace", data.workspaceGid()))
        .expect(201).object().get("gid");
    String a = (String) upload(sandbox, t, "x.bin", "application/octet-stream", new byte[] {9}).expect(200).object().get("gid");
    Http.delete(sandbox, "tasks/" + t).expect(200);
    Http.get(sandbox, "attachments/" + a).expect(404);
  }

  @Test
  void missingPartsAre400() {
    MultipartBody noFile = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("parent", task).build();
    assertEquals("file: Missing input", Http.raw(sandbox, "POST", "attachments", noFile).expect(400).errorMessage());
    MultipartBody noParent = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", "a.txt", RequestBody.create(new byte[] {1}, MediaType.get("text/plain"))).build();
    assertEquals("parent: Missing input", Http.raw(sandbox, "POST", "attachments", noParent).expect(400).errorMessage());
    assertEquals("parent: Not a recognized ID: 12", upload(sandbox, "12", "a.txt", "text/plain", new byte[] {1})
        .expect(400).errorMessage());
    assertEquals(Multipart.MALFORMED, Http.raw(sandbox, "POST", "attachments",
        RequestBody.create("{}", Http.JSON_TYPE)).expect(400).errorMessage());
  }

  @Test
  void filesOverTheLimitAre413() {
    assertEquals(100L * 1024 * 1024, Uploads.DEFAULT_MAX_BYTES, "Asana's 100 MB");
    try (AsanaSandbox small = AsanaSandbox.builder().tasksPerProject(6).maxUploadBytes(4096).build()) {
      small.start();
      String t = small.data().taskGids(small.data().projectGids().get(0)).get(0);
      int before = small.data().attachmentGids(t).size();
      upload(small, t, "fits.bin", "application/octet-stream", new byte[4096]).expect(200);
      Resp tooBig = upload(small, t, "too-big.bin", "application/octet-stream", new byte[4097]).expect(413);
      assertTrue(tooBig.errorMessage().startsWith("file: The file is too large"), tooBig.errorMessage());
      // Far beyond the limit the body is not even kept: still 413.
      upload(small, t, "huge.bin", "application/octet-stream", new byte[3 << 20]).expect(413);
      assertEquals(before + 1, small.data().attachmentGids(t).size(), "only the upload that fits was kept");
    }
  }
}
