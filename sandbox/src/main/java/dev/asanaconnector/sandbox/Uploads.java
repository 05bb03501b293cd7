package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Task;
import java.util.List;
import okhttp3.HttpUrl;
import mockwebserver3.RecordedRequest;

/**
 * POST /attachments, multipart/form-data: {@code parent} (a task or project) with a {@code file} part
 * (stored and served by the download host), or {@code resource_subtype=external} with {@code url} and
 * {@code name}. Files larger than the limit (Asana's 100 MB by default) are refused with 413.
 */
final class Uploads {
  /** Asana's limit: 100 MB. */
  static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
  /** Room for the other parts and headers around the file in a request body. */
  static final long MULTIPART_OVERHEAD = 1L << 20;

  private final Model m;
  private final Graph g;
  private final SandboxEvents ev;
  private final long maxBytes;

  Uploads(Model m, Graph g, SandboxEvents ev, long maxBytes) {
    this.m = m;
    this.g = g;
    this.ev = ev;
    this.maxBytes = maxBytes;
  }

  /** The request body size the API server keeps in memory; what is beyond it is refused anyway. */
  long bodyLimit() {
    return maxBytes + MULTIPART_OVERHEAD;
  }

  private ApiError tooLarge() {
    return new ApiError(413, "file: The file is too large. Attachments can be at most " + maxBytes + " bytes.");
  }

  /** Parses the body outside the lock (it can be big), then adds the attachment under it. */
  Attachment upload(RecordedRequest request) {
    if (request.getBodySize() > bodyLimit()) {
      throw tooLarge();
    }
    Multipart parts = Multipart.parse(request.getHeaders().get("Content-Type"), new okio.Buffer().write(AsanaSandbox.body(request)));
    String subtype = parts.fields.getOrDefault("resource_subtype", "asana");
    if (!List.of("asana", "external").contains(subtype)) {
      throw ApiError.badRequest("resource_subtype: Not a valid value: " + subtype + ". Should be one of asana, external");
    }
    String parentGid = parts.fields.get("parent");
    if (parentGid == null) {
      throw Fields.missing("parent");
    }
    Multipart.FilePart file = parts.files.get("file");
    String url = parts.fields.get("url");
    String name = parts.fields.get("name");
    if (subtype.equals("asana")) {
      if (file == null) {
        throw Fields.missing("file");
      }
      if (file.content().size() > maxBytes) {
        throw tooLarge();
      }
    } else {
      if (url == null) {
        throw Fields.missing("url");
      }
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw ApiError.badRequest("url: Not a valid URL: " + url);
      }
      if (name == null) {
        throw Fields.missing("name");
      }
    }
    return m.write(() -> {
      Resource parent = m.find(parentGid);
      if (parent instanceof Task t) {
        g.checkWritable(t);
      } else if (parent instanceof Project p) {
        g.checkWritable(p);
      } else {
        throw Fields.unrecognized("parent", parentGid);
      }
      long now = System.currentTimeMillis();
      Attachment a;
      if (subtype.equals("asana")) {
        a = g.newAttachment(parent, file.filename().isEmpty() ? "file" : file.filename(), now);
        a.host = "asana";
        a.contentType = file.contentType();
        a.size = file.content().size();
        a.uploaded = file.content();
      } else {
        a = g.newAttachment(parent, name, now);
        a.host = "external";
        a.externalUrl = url;
      }
      ev.added(a, parent);
      return a;
    });
  }
}
