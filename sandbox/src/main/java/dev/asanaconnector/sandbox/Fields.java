package dev.asanaconnector.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/**
 * The {@code data} object of a write request, with typed accessors whose errors are Asana's 400s naming
 * the field ({@code "name: Missing input"}). Bodies are JSON ({@code {"data": {...}}}) or, as Asana also
 * accepts, form-encoded fields (then every value is a string; arrays are comma-separated).
 */
final class Fields {
  private final Map<String, Object> data;

  private Fields(Map<String, Object> data) {
    this.data = data;
  }

  static Fields of(Map<String, Object> data) {
    return new Fields(data);
  }

  /** Reads the request's body (consuming it). An empty body is an empty data object. */
  @SuppressWarnings("unchecked")
  static Fields read(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    String text = AsanaSandbox.body(request).string(StandardCharsets.UTF_8);
    if (type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)) {
      return new Fields(new LinkedHashMap<>(SandboxOAuth.parseForm(text)));
    }
    if (text.isBlank()) {
      return new Fields(new LinkedHashMap<>());
    }
    Object root = JsonIn.parse(text);
    if (!(root instanceof Map)) {
      throw ApiError.badRequest(JsonIn.INVALID);
    }
    Map<String, Object> body = (Map<String, Object>) root;
    if (!body.containsKey("data")) {
      return new Fields(new LinkedHashMap<>());
    }
    if (!(body.get("data") instanceof Map)) {
      throw ApiError.badRequest("data: Not an object");
    }
    return new Fields((Map<String, Object>) body.get("data"));
  }

  static ApiError missing(String field) {
    return ApiError.badRequest(field + ": Missing input");
  }

  static ApiError unrecognized(String field, String value) {
    return ApiError.badRequest(field + ": Not a recognized ID: " + value);
  }

  /** Present, possibly as an explicit null. */
  boolean has(String field) {
    return data.containsKey(field);
  }

  /** Present as an explicit null ("clear it"). */
  boolean isNull(String field) {
    return data.containsKey(field) && data.get(field) == null;
  }

  /** A string (numbers are accepted for gids); null when absent or null. */
  String string(String field) {
    Object v = data.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof Long) {
      return v.toString();
    }
    throw ApiError.badRequest(field + ": Not a string: " + v);
  }

  /** A string that must be there and not null. */
  String required(String field) {
    String v = string(field);
    if (v == null) {
      throw missing(field);
    }
    return v;
  }

  /** A non-empty string, when present. */
  String nonEmpty(String field) {
    String v = string(field);
    if (v != null && v.isEmpty()) {
      throw ApiError.badRequest(field + ": Cannot be empty");
    }
    return v;
  }

  Boolean bool(String field) {
    Object v = data.get(field);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    if ("true".equals(v)) {
      return Boolean.TRUE;
    }
    if ("false".equals(v)) {
      return Boolean.FALSE;
    }
    throw ApiError.badRequest(field + ": Not a boolean: " + v);
  }

  /** A list of strings: a JSON array, or a comma-separated string. Null when absent or null. */
  List<String> strings(String field) {
    Object v = data.get(field);
    if (v == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (v instanceof String s) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
      return out;
    }
    if (!(v instanceof List<?> list)) {
      throw ApiError.badRequest(field + ": Not an array: " + v);
    }
    for (Object o : list) {
      if (o instanceof String || o instanceof Long) {
        out.add(o.toString());
      } else {
        throw ApiError.badRequest(field + ": Not a string: " + o);
      }
    }
    return out;
  }

  /** A list that must be there (an empty one is accepted). */
  List<String> requiredStrings(String field) {
    List<String> v = strings(field);
    if (v == null) {
      throw missing(field);
    }
    return v;
  }

  /** A value from a fixed set, or null when absent or null. */
  String oneOf(String field, List<String> allowed) {
    String v = string(field);
    if (v != null && !allowed.contains(v)) {
      throw ApiError.badRequest(field + ": Not a valid value: " + v + ". Should be one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** A yyyy-MM-dd date as an epoch day; {@link Times#NO_DAY} when absent or null. */
  int date(String field) {
    String v = string(field);
    if (v == null) {
      return Times.NO_DAY;
    }
    try {
      return Times.parseDate(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(field + ": Not a valid date: " + v);
    }
  }

  /** An ISO 8601 date-time in epoch millis; {@link Times#NONE} when absent or null. */
  long dateTime(String field) {
    String v = string(field);
    if (v == null) {
      return Times.NONE;
    }
    try {
      return Times.parseDateTime(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(field + ": Not a valid date-time: " + v);
    }
  }

  /** A nested object; null when absent or null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(String field) {
    Object v = data.get(field);
    if (v == null || v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw ApiError.badRequest(field + ": Not an object: " + v);
  }

  /** A nested list of objects (webhook filters). Null when absent or null. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> objects(String field) {
    Object v = data.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list)) {
      throw ApiError.badRequest(field + ": Not an array: " + v);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map)) {
        throw ApiError.badRequest(field + ": Not an object: " + o);
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }
}
