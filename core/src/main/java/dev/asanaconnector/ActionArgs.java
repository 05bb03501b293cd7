package dev.asanaconnector;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The validated parameters of one action call, by seed name, in their normal Java types. */
final class ActionArgs {
  private final Map<String, Object> values;
  private final List<String> optFields;

  ActionArgs(Map<String, Object> values, List<String> optFields) {
    this.values = values;
    this.optFields = optFields;
  }

  Object raw(String name) {
    return values.get(name);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name) {
    return text(values.get(name));
  }

  /** Query text of a value: date-times in full ISO 8601 (toString would drop zero seconds). */
  private static String text(Object value) {
    if (value instanceof OffsetDateTime time) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
    return value == null ? null : value.toString();
  }

  Integer integer(String name) {
    return (Integer) values.get(name);
  }

  Boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  OffsetDateTime dateTime(String name) {
    return (OffsetDateTime) values.get(name);
  }

  LocalDate date(String name) {
    return (LocalDate) values.get(name);
  }

  /** The {@code opt_fields} to send, or {@code null} to let Asana return its default fields. */
  List<String> optFields() {
    return optFields;
  }

  Map<String, Object> values() {
    return values;
  }

  static List<String> union(List<String> defaults, List<String> requested) {
    List<String> fields = new ArrayList<>(defaults);
    for (String field : requested) {
      if (!fields.contains(field)) {
        fields.add(field);
      }
    }
    return fields;
  }
}
