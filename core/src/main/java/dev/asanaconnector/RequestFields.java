package dev.asanaconnector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a request type's builder has set, under the reference's names, in the order set. A field
 * set to {@code null} is one an update clears (sent as JSON null); a field never set is not sent. The
 * request types share this so that "unchanged" and "cleared" mean the same everywhere.
 */
final class RequestFields {
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** Sets {@code name}; a null value is refused, as it would silently mean "clear" or "unset". */
  void set(String name, Object value) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null: leave it unset to send nothing"
          + " (an update clears a clearable field with its clear method)");
    }
    values.put(name, value instanceof List<?> list ? List.copyOf(list) : value);
  }

  /** Marks {@code name} as cleared: sent as JSON null. */
  void clear(String name) {
    values.put(name, null);
  }

  /** An unmodifiable copy (keeping the nulls of cleared fields, which {@code Map.copyOf} would refuse). */
  Map<String, Object> snapshot() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
