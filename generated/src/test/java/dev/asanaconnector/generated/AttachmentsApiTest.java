package dev.asanaconnector.generated;

import static dev.asanaconnector.generated.MockAsana.args;
import static dev.asanaconnector.generated.MockAsana.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.api.AttachmentsApi;
import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.generated.model.CreateAttachmentForObject200Response;
import dev.asanaconnector.generated.model.GetAttachment200Response;
import dev.asanaconnector.generated.model.GetAttachmentsForObject200Response;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.MultipartReader;
import okhttp3.RequestBody;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AttachmentsApi: the multipart upload and the attachment records with their URI fields. */
class AttachmentsApiTest {
  private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

  private final MockAsana asana = new MockAsana();
  private final AttachmentsApi attachments = asana.api(AttachmentsApi.class);

  @AfterEach
  void close() {
    asana.close();
  }

  /** One received multipart part. */
  record Part(String disposition, String contentType, String body) {
  }

  @Test
  void createAttachmentForObjectSendsMultipartParts() throws IOException {
    asana.respond("""
        {"data": {"gid": "3000", "resource_type": "attachment", "name": "notes.txt",
                  "resource_subtype": "asana", "size": 11, "host": "asana",
                  "download_url": "https://s3.amazonaws.com/assets/123/notes.txt?x=1",
                  "permanent_url": "https://app.asana.com/app/asana/-/get_asset?asset_id=3000",
                  "created_at": "2026-02-05T10:15:30.123Z", "connected_to_app": false}}
        """);
    MultipartBody.Part file = MultipartBody.Part.createFormData("file", "notes.txt",
        RequestBody.create("hello world", TEXT));

    CreateAttachmentForObject200Response created = execute(attachments, "createAttachmentForObject", args(
        "parent", RequestBody.create("1204", TEXT),
        "name", RequestBody.create("notes.txt", TEXT),
        "file", file,
        "opt_fields", List.of("name", "download_url")));

    RecordedRequest request = asana.request();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/1.0/attachments", request.getUrl().encodedPath());
    assertEquals("name,download_url", request.getUrl().queryParameter("opt_fields"));
    MediaType contentType = MediaType.get(request.getHeaders().get("Content-Type"));
    assertEquals("multipart/form-data", contentType.type() + "/" + contentType.subtype());
    String boundary = contentType.parameter("boundary");
    assertNotNull(boundary);

    Map<String, Part> parts = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody().toByteArray()),
        boundary)) {
      for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
        String disposition = part.headers().get("Content-Disposition");
        String name = disposition.replaceAll("^form-data; name=\"([^\"]*)\".*", "$1");
        parts.put(name, new Part(disposition, part.headers().get("Content-Type"), part.body().readUtf8()));
        part.close();
      }
    }
    assertEquals(List.of("parent", "file", "name"), List.copyOf(parts.keySet()), "parts sent, in order");
    assertEquals("1204", parts.get("parent").body());
    assertEquals("notes.txt", parts.get("name").body());
    assertEquals("hello world", parts.get("file").body());
    assertTrue(parts.get("file").disposition().contains("filename=\"notes.txt\""), parts.get("file").disposition());
    assertTrue(parts.get("file").contentType().startsWith("text/plain"), parts.get("file").contentType());

    AttachmentResponse attachment = created.getData();
    assertEquals("3000", attachment.getGid());
    assertEquals(11, attachment.getSize());
    assertEquals(URI.create("https://s3.amazonaws.com/assets/123/notes.txt?x=1"), attachment.getDownloadUrl());
    assertEquals(OffsetDateTime.parse("2026-02-05T10:15:30.123Z"), attachment.getCreatedAt());
    assertEquals(Boolean.FALSE, attachment.getConnectedToApp());
  }

  @Test
  void externalAttachmentSendsUrlPartAndNoFile() throws IOException {
    asana.respond("{\"data\": {\"gid\": \"3001\", \"resource_subtype\": \"external\"}}");
    execute(attachments, "createAttachmentForObject", args(
        "parent", RequestBody.create("1204", TEXT),
        "resource_subtype", RequestBody.create("external", TEXT),
        "url", RequestBody.create("https://example.com/design.pdf", TEXT)));
    String body = asana.request().getBody().utf8();
    assertTrue(body.contains("name=\"url\""), body);
    assertTrue(body.contains("https://example.com/design.pdf"), body);
    assertTrue(body.contains("name=\"resource_subtype\""), body);
    assertTrue(!body.contains("filename="), body);
  }

  @Test
  void getAttachmentReadsTheSpecsExample() {
    Map<String, Object> example = Spec.get().exampleResponse("getAttachment");
    asana.respondWith(example);
    GetAttachment200Response response = execute(attachments, "getAttachment", args("attachment_gid", "3000"));
    RecordedRequest request = asana.request();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/1.0/attachments/3000", request.getUrl().encodedPath());
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) example.get("data");
    AttachmentResponse attachment = response.getData();
    assertEquals(data.get("name"), attachment.getName());
    assertEquals(URI.create((String) data.get("permanent_url")), attachment.getPermanentUrl());
    assertEquals(URI.create((String) data.get("view_url")), attachment.getViewUrl());
  }

  @Test
  void attachmentsForObjectSendsParentAndPaging() {
    asana.respond("{\"data\": [{\"gid\": \"3000\", \"name\": \"notes.txt\"}], \"next_page\": null}");
    GetAttachmentsForObject200Response list = execute(attachments, "getAttachmentsForObject",
        args("parent", "1204", "limit", 3, "offset", "o1"));
    var url = asana.request().getUrl();
    assertEquals("/api/1.0/attachments", url.encodedPath());
    assertEquals("1204", url.queryParameter("parent"));
    assertEquals("3", url.queryParameter("limit"));
    assertEquals("o1", url.queryParameter("offset"));
    assertEquals("notes.txt", list.getData().get(0).getName());
  }
}
