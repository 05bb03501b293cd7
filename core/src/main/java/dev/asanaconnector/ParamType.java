package dev.asanaconnector;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kinds of parameter values the connector accepts, each with its validation (run before any
 * request) and its JSON Schema.
 */
enum ParamType {
  /** Free text; only a {@code String} (a number or boolean would be sent as Java prints it). */
  STRING("string"),
  /** Text sent as an HTTP header value: no control characters (a line break would start another header). */
  HEADER("string"),
  /**
   * One Asana gid: a string of digits only, so it can never change a request's path or query. A number is
   * refused: gids are 16+ digits, beyond what a JSON number (a double) keeps exactly.
   */
  GID("string"),
  /** A gid, or {@code me} for the authenticated user. */
  GID_OR_ME("string"),
  /** A comma-separated list of gids (a {@code Collection} of gids is accepted too). */
  GID_LIST("string"),
  /** A page size, 1 to 100 as Asana allows. */
  LIMIT("integer"),
  BOOLEAN("boolean"),
  /** An ISO 8601 date-time. */
  DATE_TIME("string"),
  /** An ISO 8601 date-time, or {@code now} (Asana's {@code completed_since=now}: incomplete tasks only). */
  DATE_TIME_OR_NOW("string"),
  /** An ISO 8601 date. */
  DATE("string"),
  /** An HTTP Range header value for bytes: {@code bytes=0-99}, {@code bytes=100-}. */
  BYTE_RANGE("string"),
  /** Field names for {@code opt_fields}: a comma-separated string or a collection. */
  FIELD_LIST("string"),
  /** A user: a gid, {@code me}, or an email address (as Asana's write endpoints accept). */
  USER_REF("string"),
  /** An http(s) URL (an external attachment's link). */
  URL("string"),
  /**
   * A local file to upload: a {@code Path} or a path string, naming a readable regular file of at most
   * Asana's 100 MB, checked before anything is sent.
   */
  FILE("string");

  /** Asana's limit on an uploaded attachment. */
  static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
  private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

  private static final Pattern GID_PATTERN = Pattern.compile("[0-9]{1,40}");
  private static final Pattern FIELD_PATTERN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
  // At most 18 digits each: every such number fits in a long, so comparing them never overflows.
  private static final Pattern RANGE_PATTERN = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

  private final String jsonType;

  ParamType(String jsonType) {
    this.jsonType = jsonType;
  }

  String jsonType() {
    return jsonType;
  }

  /** Validates {@code value} and returns its normal form (the Java type the dispatcher uses). */
  Object normalize(String name, Object value) {
    switch (this) {
      case STRING:
        return text(name, value);
      case HEADER: {
        String header = text(name, value);
        if (header.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
          throw new InvalidParameterException(name, "must not contain line breaks or other control characters");
        }
        return header;
      }
      case GID:
        return gid(name, gidText(name, value), false);
      case GID_OR_ME:
        return gid(name, gidText(name, value), true);
      case GID_LIST: {
        List<String> gids = new ArrayList<>();
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(gidText(name, value).split(",", -1));
        for (Object item : items) {
          gids.add(gid(name, gidText(name, item).strip(), false));
        }
        if (gids.isEmpty()) {
          throw new InvalidParameterException(name, "must list at least one gid");
        }
        return String.join(",", gids);
      }
      case LIMIT: {
        int limit = integer(name, value);
        if (limit < 1 || limit > 100) {
          throw new InvalidParameterException(name, "must be between 1 and 100, was " + limit);
        }
        return limit;
      }
      case BOOLEAN:
        return bool(name, value);
      case DATE_TIME:
        return dateTime(name, value);
      case DATE_TIME_OR_NOW:
        // ISO_OFFSET_DATE_TIME keeps zero seconds, which OffsetDateTime.toString drops (09:00Z).
        return "now".equals(value) ? "now" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime(name, value));
      case DATE:
        if (value instanceof LocalDate date) {
          return date;
        }
        try {
          return LocalDate.parse(text(name, value));
        } catch (DateTimeParseException e) {
          throw new InvalidParameterException(name, "must be an ISO 8601 date (2026-01-31), was '" + value + "'");
        }
      case BYTE_RANGE: {
        String range = text(name, value).strip();
        var matcher = RANGE_PATTERN.matcher(range);
        if (!matcher.matches() || (!matcher.group(2).isEmpty()
            && Long.parseLong(matcher.group(2)) < Long.parseLong(matcher.group(1)))) {
          throw new InvalidParameterException(name, "must be a byte range such as 'bytes=0-99' or 'bytes=100-', was '"
              + range + "'");
        }
        return range;
      }
      case FIELD_LIST: {
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(text(name, value).split(",", -1));
        List<String> fields = new ArrayList<>();
        for (Object item : items) {
          String field = text(name, item).strip();
          if (!FIELD_PATTERN.matcher(field).matches()) {
            throw new InvalidParameterException(name, "'" + field + "' is not a field name");
          }
          fields.add(field);
        }
        return List.copyOf(fields);
      }
      case USER_REF: {
        String user = gidText(name, value).strip();
        return EMAIL_PATTERN.matcher(user).matches() ? user : gid(name, user, true);
      }
      case URL: {
        String url = text(name, value).strip();
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url);
        if (parsed == null) {
          throw new InvalidParameterException(name, "must be an http(s) URL, was '" + printable(url) + "'");
        }
        return url;
      }
      case FILE:
        return file(name, value);
      default:
        throw new AssertionError(this);
    }
  }

  private static java.nio.file.Path file(String name, Object value) {
    java.nio.file.Path path;
    try {
      path = value instanceof java.nio.file.Path p ? p : java.nio.file.Path.of(text(name, value));
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidParameterException(name, "is not a valid path: " + printable(String.valueOf(value)));
    }
    if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
      throw new InvalidParameterException(name, "must be a readable file, was '" + printable(path.toString()) + "'");
    }
    long size;
    try {
      size = java.nio.file.Files.size(path);
    } catch (java.io.IOException e) {
      throw new InvalidParameterException(name, "could not be read: " + e.getClass().getSimpleName());
    }
    if (size > MAX_UPLOAD_BYTES) {
      throw new InvalidParameterException(name, "is " + size + " bytes (" + (size >> 20) + " MiB); Asana accepts "
          + "attachments of at most 100 MB (" + MAX_UPLOAD_BYTES + " bytes)");
    }
    return path;
  }

  /** The JSON Schema of this type, for agent tool descriptions. */
  Map<String, Object> schema() {
    switch (this) {
      case GID:
        return Map.of("type", "string", "pattern", "^[0-9]+$");
      case GID_OR_ME:
        return Map.of("type", "string", "pattern", "^([0-9]+|me)$");
      case GID_LIST:
        return Map.of("type", "string", "pattern", "^[0-9]+(,[0-9]+)*$");
      case LIMIT:
        return Map.of("type", "integer", "minimum", 1, "maximum", 100);
      case DATE_TIME:
        return Map.of("type", "string", "format", "date-time");
      case DATE_TIME_OR_NOW:
        return Map.of("type", "string", "description", "ISO 8601 date-time, or 'now'");
      case DATE:
        return Map.of("type", "string", "format", "date");
      case BYTE_RANGE:
        return Map.of("type", "string", "pattern", "^bytes=[0-9]+-[0-9]*$");
      case USER_REF:
        return Map.of("type", "string", "description", "a user gid, 'me', or an email address");
      case URL:
        return Map.of("type", "string", "format", "uri");
      case FILE:
        return Map.of("type", "string", "description", "path of a local file, at most 100 MB");
      default:
        return Map.of("type", jsonType);
    }
  }

  private static String text(String name, Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw new InvalidParameterException(name, "must be a string, was " + typeName(value));
  }

  private static String gidText(String name, Object value) {
    if (value instanceof Number) {
      throw new InvalidParameterException(name, "must be a string of digits such as \"1204\", was "
          + typeName(value) + " (a gid as a number can lose digits)");
    }
    return text(name, value);
  }

  private static String gid(String name, String text, boolean meAllowed) {
    if (text.isEmpty()) {
      throw new InvalidParameterException(name, "must not be empty");
    }
    if (meAllowed && text.equals("me")) {
      return text;
    }
    if (!GID_PATTERN.matcher(text).matches()) {
      throw new InvalidParameterException(name, "must be a gid (digits only" + (meAllowed ? ", or 'me'" : "")
          + "), was '" + printable(text) + "'");
    }
    return text;
  }

  private static int integer(String name, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long number = ((Number) value).longValue();
      if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        return (int) number;
      }
    }
    if (value instanceof String s) {
      try {
        return Integer.parseInt(s.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(name, "must be an integer, was '" + printable(s) + "'");
      }
    }
    throw new InvalidParameterException(name, "must be an integer, was " + typeName(value));
  }

  private static boolean bool(String name, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true":
          return true;
        case "false":
          return false;
        default:
          break;
      }
    }
    throw new InvalidParameterException(name, "must be true or false, was " + describe(value));
  }

  private static OffsetDateTime dateTime(String name, Object value) {
    if (value instanceof OffsetDateTime time) {
      return time;
    }
    String text = text(name, value);
    try {
      return OffsetDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name,
          "must be an ISO 8601 date-time with offset (2026-01-31T09:00:00Z), was '" + printable(text) + "'");
    }
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + printable(s) + "'" : typeName(value);
  }

  private static String typeName(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }

  /** Caps and de-controls user text echoed in an error message. */
  static String printable(String text) {
    String cleaned = text.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() <= 60 ? cleaned : cleaned.substring(0, 60) + "…";
  }
}
