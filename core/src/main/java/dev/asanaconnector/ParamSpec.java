package dev.asanaconnector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter of an action, under the connector's (seed) name.
 *
 * @param name the parameter name, e.g. {@code project_gid}, {@code assignee.any}
 * @param type its kind of value
 * @param required whether the action needs it
 * @param description what it means
 * @param allowed the only values it takes (Asana's enum), or empty for any value of its type
 * @param clearable whether an update may set it to null, which clears it in Asana (JSON {@code null})
 */
record ParamSpec(String name, ParamType type, boolean required, String description, List<String> allowed,
    boolean clearable) {
  ParamSpec {
    allowed = List.copyOf(allowed);
  }

  static ParamSpec required(String name, ParamType type, String description) {
    return new ParamSpec(name, type, true, description, List.of(), false);
  }

  static ParamSpec optional(String name, ParamType type, String description) {
    return new ParamSpec(name, type, false, description, List.of(), false);
  }

  /** An optional text parameter taking only {@code allowed} values. */
  static ParamSpec oneOf(String name, String description, List<String> allowed) {
    return new ParamSpec(name, ParamType.STRING, false, description, allowed, false);
  }

  /** This parameter, required. */
  ParamSpec asRequired() {
    return new ParamSpec(name, type, true, description, allowed, clearable);
  }

  /** This parameter, which an update may clear by passing null. */
  ParamSpec asClearable() {
    return new ParamSpec(name, type, required, description, allowed, true);
  }

  /** Validates {@code value} (type, then allowed values) and returns its normal form. */
  Object normalize(Object value) {
    Object normalized = type.normalize(name, value);
    if (!allowed.isEmpty() && !allowed.contains(normalized)) {
      throw new InvalidParameterException(name, "must be one of " + String.join(", ", allowed) + ", was '"
          + ParamType.printable(normalized.toString()) + "'");
    }
    return normalized;
  }

  Map<String, Object> schema() {
    Map<String, Object> schema = new LinkedHashMap<>(type.schema());
    if (!allowed.isEmpty()) {
      schema.put("enum", allowed);
    }
    schema.merge("description", description, (typeNote, own) -> own + " (" + typeNote + ")");
    if (clearable) {
      schema.put("type", List.of(schema.get("type"), "null"));
      schema.merge("description", "", (own, none) -> own + "; null clears it");
    }
    return schema;
  }
}
