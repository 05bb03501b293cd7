package dev.asanaconnector.generated;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The first difference between two generic JSON values, as a readable path, or null. */
final class JsonDiff {
  private JsonDiff() {
  }

  static String first(Object expected, Object actual, String path) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      TreeSet<String> keys = new TreeSet<>();
      e.keySet().forEach(k -> keys.add((String) k));
      a.keySet().forEach(k -> keys.add((String) k));
      for (String key : keys) {
        if (!a.containsKey(key)) {
          return path + "." + key + " was dropped (was " + e.get(key) + ")";
        }
        if (!e.containsKey(key)) {
          return path + "." + key + " appeared (" + a.get(key) + ")";
        }
        String difference = first(e.get(key), a.get(key), path + "." + key);
        if (difference != null) {
          return difference;
        }
      }
      return null;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return path + " had " + e.size() + " elements, now " + a.size();
      }
      for (int i = 0; i < e.size(); i++) {
        String difference = first(e.get(i), a.get(i), path + "[" + i + "]");
        if (difference != null) {
          return difference;
        }
      }
      return null;
    }
    if (Objects.equals(expected, actual) || sameInstant(expected, actual)) {
      return null;
    }
    return path + " was " + expected + ", now " + actual;
  }

  /** Two spellings of one date-time ({@code .100Z} and {@code .1Z}) are the same value. */
  private static boolean sameInstant(Object expected, Object actual) {
    if (!(expected instanceof String e) || !(actual instanceof String a)) {
      return false;
    }
    try {
      return OffsetDateTime.parse(e).isEqual(OffsetDateTime.parse(a));
    } catch (DateTimeParseException ex) {
      return false;
    }
  }
}
