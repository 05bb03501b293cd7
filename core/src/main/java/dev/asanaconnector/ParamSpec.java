package dev.asanaconnector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parameter of an action, under the connector's (seed) name.
 *
 * @param name the parameter name, e.g. {@code project_gid}, {@code assignee.any}
 * @param type its kind of value
 * @param required whether the action needs it
 * @param description what it means
 */
record ParamSpec(String name, ParamType type, boolean required, String description) {
  static ParamSpec required(String name, ParamType type, String description) {
    return new ParamSpec(name, type, true, description);
  }

  static ParamSpec optional(String name, ParamType type, String description) {
    return new ParamSpec(name, type, false, description);
  }

  Map<String, Object> schema() {
    Map<String, Object> schema = new LinkedHashMap<>(type.schema());
    schema.merge("description", description, (typeNote, own) -> own + " (" + typeNote + ")");
    return schema;
  }
}
