package dev.asanaconnector.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;
import okio.ByteString;

/**
 * A multipart/form-data body, split without copying file contents: a part with a filename has its
 * bytes moved (okio segments, not copies) out of the request buffer into a buffer of its own; other
 * parts become strings. Malformed bodies are a 400.
 */
final class Multipart {
  /** A file part: its name as sent, content type, and bytes. */
  record FilePart(String filename, String contentType, Buffer content) {}

  static final String MALFORMED = "Request data must be multipart/form-data";
  private static final ByteString CRLF = ByteString.encodeUtf8("\r\n");
  private static final ByteString HEADERS_END = ByteString.encodeUtf8("\r\n\r\n");

  final Map<String, String> fields = new LinkedHashMap<>();
  final Map<String, FilePart> files = new LinkedHashMap<>();

  private Multipart() {}

  static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
        String b = p.substring(9).trim();
        if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        return b.isEmpty() ? null : b;
      }
    }
    return null;
  }

  /** Parses (and consumes) {@code body}. */
  static Multipart parse(String contentType, Buffer body) {
    String boundary = boundary(contentType);
    if (boundary == null) {
      throw ApiError.badRequest(MALFORMED);
    }
    ByteString delimiter = ByteString.encodeUtf8("--" + boundary);
    ByteString next = ByteString.encodeUtf8("\r\n--" + boundary);
    Multipart out = new Multipart();
    try {
      long start = body.indexOf(delimiter);
      if (start < 0) {
        throw ApiError.badRequest(MALFORMED);
      }
      body.skip(start + delimiter.size());
      while (true) {
        if (body.size() >= 2 && body.getByte(0) == '-' && body.getByte(1) == '-') {
          return out; // the closing delimiter
        }
        if (!body.rangeEquals(0, CRLF)) {
          throw ApiError.badRequest(MALFORMED);
        }
        body.skip(2);
        long headersEnd = body.indexOf(HEADERS_END);
        if (headersEnd < 0) {
          throw ApiError.badRequest(MALFORMED);
        }
        String headers = body.readUtf8(headersEnd);
        body.skip(4);
        long end = body.indexOf(next);
        if (end < 0) {
          throw ApiError.badRequest(MALFORMED);
        }
        String disposition = header(headers, "content-disposition");
        String name = disposition == null ? null : param(disposition, "name");
        if (name == null) {
          throw ApiError.badRequest(MALFORMED);
        }
        String filename = disposition == null ? null : filename(disposition);
        if (filename != null) {
          Buffer content = new Buffer();
          content.write(body, end);
          String type = header(headers, "content-type");
          out.files.put(name, new FilePart(filename, type == null ? "application/octet-stream" : type, content));
        } else {
          out.fields.put(name, body.readUtf8(end));
        }
        body.skip(next.size());
      }
    } catch (java.io.IOException e) {
      // A part that ends early (EOFException): the body is cut or malformed.
      throw ApiError.badRequest(MALFORMED);
    }
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** A parameter of a header value ({@code name="file"}), unquoted; null when absent. */
  static String param(String value, String name) {
    for (String part : value.split(";")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String v = p.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v;
      }
    }
    return null;
  }

  /**
   * The file name: {@code filename*=UTF-8''...} when given, else {@code filename}, percent-decoded as
   * Asana asks clients to encode non-ASCII names.
   */
  static String filename(String disposition) {
    String extended = param(disposition, "filename*");
    if (extended != null) {
      int quote = extended.indexOf("''");
      return percentDecode(quote >= 0 ? extended.substring(quote + 2) : extended);
    }
    String plain = param(disposition, "filename");
    return plain == null ? null : percentDecode(plain);
  }

  /** Decodes %XX escapes as UTF-8 (a '+' stays a '+'); a malformed escape is kept as it is. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
        run = i + 1;
      }
    }
    out.writeBytes(s.substring(run).getBytes(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
