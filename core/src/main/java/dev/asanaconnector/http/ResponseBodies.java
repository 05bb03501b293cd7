package dev.asanaconnector.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The one bounded reader of response bodies from Asana's API. Every answer of the authenticated stack
 * is read whole, inside the stack, before the caller sees it: so a body cut mid-read is one more failed
 * attempt for the retry loop, the rate limiter's in-flight permit and the connection are free as soon
 * as the answer has arrived (a response nobody closes holds neither), and nothing reads an unbounded
 * body into memory.
 */
public final class ResponseBodies {
  /** The most JSON read from one answer; Asana's largest pages are a few MiB. */
  public static final long MAX_JSON_BYTES = 64L * 1024 * 1024;
  /** The most read of an error answer (only its messages are used) or of a non-JSON answer. */
  public static final long MAX_OTHER_BYTES = 64L * 1024;
  /** How much of a body an exception quotes. */
  public static final int HEAD_BYTES = 200;

  private ResponseBodies() {
  }

  /**
   * {@code response} with its body read into memory and the network body closed. A successful JSON
   * body is read whole up to {@link #MAX_JSON_BYTES}; any other successful body up to
   * {@link #MAX_OTHER_BYTES}; beyond that a {@link ResponseTooLargeException}. An error body keeps its
   * first {@link #MAX_OTHER_BYTES} (the rest is not read: it would only be quoted). On any failure the
   * response is closed.
   */
  static Response buffered(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    try (body) {
      String contentType = response.header("Content-Type");
      Buffer buffer = new Buffer();
      if (!response.isSuccessful()) {
        readAtMost(body.source(), buffer, MAX_OTHER_BYTES);
      } else {
        long limit = isJson(contentType) ? MAX_JSON_BYTES : MAX_OTHER_BYTES;
        long declared = body.contentLength();
        BufferedSource source = body.source();
        if (declared >= 0 && declared <= limit) {
          source.readAll(buffer); // OkHttp holds a declared length to its word: no counting needed
        } else if (declared > limit || !readAtMost(source, buffer, limit) && !source.exhausted()) {
          throw new ResponseTooLargeException(response.code(), contentType, limit, head(source, buffer));
        }
      }
      MediaType mediaType = body.contentType();
      return response.newBuilder().body(ResponseBody.create(buffer, mediaType, buffer.size())).build();
    }
  }

  /** Reads until the end or {@code limit} bytes; true when the end came first. */
  private static boolean readAtMost(BufferedSource source, Buffer buffer, long limit) throws IOException {
    while (buffer.size() < limit) {
      if (source.read(buffer, Math.min(8192, limit - buffer.size())) == -1) {
        return true;
      }
    }
    return false;
  }

  /** The first bytes read, or else those already buffered: never waits for more (a body may not come). */
  private static byte[] head(BufferedSource source, Buffer read) {
    Buffer from = read.size() > 0 ? read : source.getBuffer();
    return from.snapshot((int) Math.min(HEAD_BYTES, from.size())).toByteArray(); // an error path: no need to spare it
  }

  /**
   * Whether a Content-Type is JSON. Asana's own {@code application/json; charset=UTF-8} is matched
   * without parsing (this runs once per response); anything else is parsed.
   */
  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    if (contentType.regionMatches(true, 0, "application/json", 0, 16)
        && (contentType.length() == 16 || contentType.charAt(16) == ';' || contentType.charAt(16) == ' ')) {
      return true;
    }
    MediaType type = MediaType.parse(contentType);
    return type != null && "json".equalsIgnoreCase(type.subtype());
  }
}
