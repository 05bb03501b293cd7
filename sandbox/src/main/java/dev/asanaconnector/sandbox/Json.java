package dev.asanaconnector.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal, allocation-light JSON writer straight into a growable UTF-8 byte array. Commas are
 * managed by a single flag: every container start or field name clears it, every value sets it.
 */
final class Json {
  private byte[] buf;
  private int len;
  private boolean comma;

  Json() {
    this(2048);
  }

  Json(int capacity) {
    buf = new byte[capacity];
  }

  byte[] array() {
    return buf;
  }

  int length() {
    return len;
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void sep() {
    if (comma) {
      put(',');
    }
  }

  Json beginObject() {
    sep();
    put('{');
    comma = false;
    return this;
  }

  Json endObject() {
    put('}');
    comma = true;
    return this;
  }

  Json beginArray() {
    sep();
    put('[');
    comma = false;
    return this;
  }

  Json endArray() {
    put(']');
    comma = true;
    return this;
  }

  /** A field name; names are plain ASCII identifiers and need no escaping. */
  Json name(String name) {
    sep();
    int n = name.length();
    ensure(n + 3);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) name.charAt(i);
    }
    buf[len++] = '"';
    buf[len++] = ':';
    comma = false;
    return this;
  }

  Json value(String s) {
    sep();
    if (s == null) {
      ascii("null");
    } else {
      string(s);
    }
    comma = true;
    return this;
  }

  Json value(long v) {
    sep();
    ascii(Long.toString(v));
    comma = true;
    return this;
  }

  Json value(boolean v) {
    sep();
    ascii(v ? "true" : "false");
    comma = true;
    return this;
  }

  Json nullValue() {
    sep();
    ascii("null");
    comma = true;
    return this;
  }

  /** Appends an already-encoded JSON value (e.g. a cached compact record). */
  Json raw(byte[] json) {
    sep();
    ensure(json.length);
    System.arraycopy(json, 0, buf, len, json.length);
    len += json.length;
    comma = true;
    return this;
  }

  Json raw(Json other) {
    sep();
    ensure(other.len);
    System.arraycopy(other.buf, 0, buf, len, other.len);
    len += other.len;
    comma = true;
    return this;
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private void string(String s) {
    int n = s.length();
    ensure(n * 3 + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '"' || c == '\\') {
          ensure(2 + (n - i) * 3);
          buf[len++] = '\\';
          buf[len++] = (byte) c;
        } else if (c < 0x20) {
          ensure(6 + (n - i) * 3);
          switch (c) {
            case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
            case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
            case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
            default -> {
              buf[len++] = '\\';
              buf[len++] = 'u';
              buf[len++] = '0';
              buf[len++] = '0';
              buf[len++] = HEX[c >> 4];
              buf[len++] = HEX[c & 0xF];
            }
          }
        } else {
          buf[len++] = (byte) c;
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4 + (n - i) * 3);
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        buf[len++] = '?';
      } else {
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    ensure(1);
    buf[len++] = '"';
  }
}
