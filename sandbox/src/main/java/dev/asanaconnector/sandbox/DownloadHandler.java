package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The download host: {@code GET /files/{gid}/{name}?expires=..&g=..&sig=..}, S3-like. Signed URLs expire
 * (403 AccessDenied in S3's XML), single byte ranges are honoured (206 + Content-Range; 416 when
 * unsatisfiable), and no Authorization header is needed.
 */
final class DownloadHandler {
  static final String XML = "text/xml; charset=UTF-8";

  private final Model m;
  private final Tokens tokens;

  DownloadHandler(Model m, Tokens tokens) {
    this.m = m;
    this.tokens = tokens;
  }

  static long key(long seed, Attachment a) {
    return Mix.mix(seed, 0xF11EL, a.id);
  }

  /** The URL a client gets as download_url. */
  static HttpUrl url(HttpUrl downloadRoot, Tokens tokens, Attachment a) {
    String[] sig = tokens.signDownload(a.gid);
    return downloadRoot.newBuilder()
        .addPathSegment("files").addPathSegment(a.gid).addPathSegment(a.name)
        .addQueryParameter("expires", sig[0])
        .addQueryParameter("g", sig[1])
        .addQueryParameter("sig", sig[2])
        .build();
  }

  static Reply s3Error(int status, String code, String message, String requestId) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
        + "</Message><RequestId>" + requestId + "</RequestId><HostId>sandbox/" + requestId + "</HostId></Error>";
    return Reply.text(status, XML, xml);
  }

  Reply handle(String method, HttpUrl url, String range, String requestId) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return s3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", requestId);
    }
    List<String> seg = url.pathSegments();
    if (seg.size() < 2 || !seg.get(0).equals("files")) {
      return s3Error(404, "NoSuchKey", "The specified key does not exist.", requestId);
    }
    Attachment a = m.read(() -> m.find(seg.get(1), Attachment.class));
    switch (tokens.checkDownload(seg.get(1), url.queryParameter("expires"), url.queryParameter("g"),
        url.queryParameter("sig"))) {
      case BAD_SIGNATURE:
        return s3Error(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.", requestId);
      case EXPIRED:
        return s3Error(403, "AccessDenied", "Request has expired", requestId);
      default:
        break;
    }
    if (a == null || !a.downloadable()) {
      return s3Error(404, "NoSuchKey", "The specified key does not exist.", requestId);
    }
    long size = a.size;
    long start = 0;
    long end = size - 1;
    boolean partial = false;
    if (range != null) {
      long[] r = parseRange(range, size);
      if (r != null) {
        if (r[0] < 0) {
          Reply reply = s3Error(416, "InvalidRange", "The requested range is not satisfiable", requestId);
          return reply.header("Content-Range", "bytes */" + size);
        }
        start = r[0];
        end = r[1];
        partial = true;
      }
    }
    long key = key(m.seed, a);
    Wire.BodyWriter body = a.uploaded != null
        ? StoredBytes.body(a.uploaded, start, end - start + 1)
        : Content.body(key, start, end - start + 1);
    Reply reply = new Reply(partial ? 206 : 200, a.contentType, body);
    reply.header("Accept-Ranges", "bytes");
    reply.header("ETag", "\"" + Mix.hex(Mix.mix64(key)) + Mix.hex(key) + "\"");
    reply.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(a.createdAt).atOffset(ZoneOffset.UTC)));
    reply.header("Content-Disposition", "attachment; filename*=UTF-8''" + HttpUrl.get("http://x/")
        .newBuilder().addPathSegment(a.name).build().encodedPath().substring(1));
    reply.header("x-amz-request-id", requestId);
    if (partial) {
      reply.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
    }
    return reply;
  }

  /**
   * Parses a single byte range. Returns null to serve the whole file (absent, malformed or multi-range
   * headers are ignored, as S3 does), {-1, -1} when unsatisfiable, else the inclusive {start, end}.
   */
  static long[] parseRange(String header, long size) {
    String h = header.trim();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return null;
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        if (b.isEmpty()) {
          return null;
        }
        long suffix = Long.parseLong(b);
        if (suffix <= 0 || size == 0) {
          return new long[] {-1, -1};
        }
        return new long[] {Math.max(0, size - suffix), size - 1};
      }
      long start = Long.parseLong(a);
      long end = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
      if (start < 0 || end < start) {
        return null;
      }
      if (start >= size) {
        return new long[] {-1, -1};
      }
      return new long[] {start, Math.min(end, size - 1)};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
