package dev.asanaconnector.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser for request bodies: objects become {@link LinkedHashMap}s (an explicit
 * {@code null} is kept as a key mapped to null, so "clear this field" differs from "absent"), arrays
 * {@link ArrayList}s, numbers {@link Long} or {@link Double}. Malformed input is a 400, like Asana's.
 */
final class JsonIn {
  static final String INVALID = "Could not parse request data, invalid JSON";
  private static final int MAX_DEPTH = 64;

  private final String s;
  private int i;

  private JsonIn(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    JsonIn p = new JsonIn(text);
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.i != text.length()) {
      throw p.fail();
    }
    return v;
  }

  private ApiError fail() {
    return ApiError.badRequest(INVALID);
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw fail();
    }
    return s.charAt(i);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail();
    }
    i++;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail();
    }
    char c = peek();
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw fail();
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw fail();
    }
    i += word.length();
    return v;
  }

  private Map<String, Object> object(int depth) {
    expect('{');
    Map<String, Object> out = new LinkedHashMap<>();
    ws();
    if (peek() == '}') {
      i++;
      return out;
    }
    while (true) {
      ws();
      String key = string();
      ws();
      expect(':');
      ws();
      out.put(key, value(depth + 1));
      ws();
      char c = peek();
      i++;
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw fail();
      }
    }
  }

  private List<Object> array(int depth) {
    expect('[');
    List<Object> out = new ArrayList<>();
    ws();
    if (peek() == ']') {
      i++;
      return out;
    }
    while (true) {
      ws();
      out.add(value(depth + 1));
      ws();
      char c = peek();
      i++;
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw fail();
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = null;
    int start = i;
    while (true) {
      char c = peek();
      if (c == '"') {
        String tail = s.substring(start, i++);
        return sb == null ? tail : sb.append(tail).toString();
      }
      if (c < 0x20) {
        throw fail();
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(s, start, i);
      i++;
      char e = peek();
      i++;
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw fail();
          }
          try {
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException ex) {
            throw fail();
          }
          i += 4;
        }
        default -> throw fail();
      }
      start = i;
    }
  }

  private Object number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    digits();
    boolean integral = true;
    if (i < s.length() && s.charAt(i) == '.') {
      integral = false;
      i++;
      digits();
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integral = false;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      digits();
    }
    String n = s.substring(start, i);
    if (integral) {
      try {
        return Long.parseLong(n);
      } catch (NumberFormatException e) {
        // too long for a long: keep it as a double
      }
    }
    return Double.parseDouble(n);
  }

  private void digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      throw fail();
    }
  }
}
