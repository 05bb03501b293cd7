package dev.asanaconnector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable description of every entity, action and parameter: one JSON Schema per action,
 * in the shape AI-agent tool-calling frameworks take, built from the same definitions the dispatcher
 * validates against.
 */
final class ActionSchemas {
  private ActionSchemas() {
  }

  static List<Map<String, Object>> all() {
    List<Map<String, Object>> tools = new ArrayList<>();
    for (Map<ActionKind, ActionSpec> actions : Catalog.entities().values()) {
      for (ActionSpec spec : actions.values()) {
        tools.add(of(spec));
      }
    }
    return tools;
  }

  static Map<String, Object> of(ActionSpec spec) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (ParamSpec param : spec.params.values()) {
      properties.put(param.name(), param.schema());
      if (param.required()) {
        required.add(param.name());
      }
    }
    Dispatcher.commonParams(spec).values().stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(param -> properties.put(param.name(), param.schema()));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("type", "object");
    parameters.put("properties", properties);
    parameters.put("required", required);
    // Search also takes custom_fields.{gid}.{operator} filters, whose names are not fixed.
    if (spec.entity.equals("workspace_task_search")) {
      parameters.put("patternProperties", Map.of(TaskSearch.CUSTOM_FIELD_FILTER.pattern(), Map.of("type", "string")));
    }
    parameters.put("additionalProperties", false);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", spec.entity + "_" + spec.kind.seedName());
    tool.put("entity", spec.entity);
    tool.put("action", spec.kind.seedName());
    tool.put("description", spec.description);
    // Hints for tool-calling frameworks (MCP's readOnlyHint, destructiveHint, idempotentHint).
    tool.put("readOnly", !spec.kind.isWrite());
    tool.put("destructive", spec.destructive);
    tool.put("idempotent", !spec.kind.isWrite() || spec.kind == ActionKind.UPDATE || spec.kind == ActionKind.DELETE);
    tool.put("http", spec.route.method() + " /" + spec.route.path());
    tool.put("parameters", parameters);
    if (!spec.recordFields.isEmpty()) {
      tool.put("record_fields", spec.recordFields);
    }
    return tool;
  }
}
