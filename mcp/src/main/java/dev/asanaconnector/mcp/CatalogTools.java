package dev.asanaconnector.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the catalog's action descriptions ({@code AsanaClient.describe()}) into MCP tools: one tool per
 * action under the description's name, its input schema the description's JSON Schema unchanged, a
 * description written for a model, and annotations derived from the description's {@code readOnly} and
 * {@code destructive} keys. An entry without {@code readOnly} is a read. Writes ({@code readOnly: false})
 * are offered only when writes are allowed.
 */
public final class CatalogTools {
  /** The page size sent when the model gives no {@code limit}: Asana's largest, so every list is paged. */
  static final int DEFAULT_LIMIT = 100;

  /** Parameters every list or get takes, which narrow nothing. */
  private static final Set<String> NON_FILTERS = Set.of("limit", "offset", "opt_fields", "asana_enable",
      "asana_disable");

  /** Which tool lists the gids a parameter takes, so the model knows where to find them. */
  private static final Map<String, String> GID_SOURCES = Map.ofEntries(
      Map.entry("workspace_gid", "workspaces_list"), Map.entry("workspace", "workspaces_list"),
      Map.entry("organization", "workspaces_list"), Map.entry("project_gid", "workspace_projects_list"),
      Map.entry("project", "workspace_projects_list"), Map.entry("team_gid", "workspace_teams_list"),
      Map.entry("team", "workspace_teams_list"), Map.entry("user_gid", "workspace_users_list"),
      Map.entry("assignee", "workspace_users_list"), Map.entry("task_gid", "project_tasks_list"),
      Map.entry("parent", "project_tasks_list"), Map.entry("section_gid", "project_sections_list"),
      Map.entry("section", "project_sections_list"), Map.entry("tag_gid", "workspace_tags_list"),
      Map.entry("attachment_gid", "attachments_list"));

  private CatalogTools() {
  }

  /**
   * The tools for {@code descriptions} (entries shaped like {@code AsanaClient.describe()}'s), in their
   * order.
   *
   * @param allowWrites whether entries with {@code readOnly: false} become tools; without it they are left out
   * @param maxOutputChars the output cap, which the descriptions mention
   * @throws IllegalArgumentException when an entry lacks its name, entity, action or parameters
   */
  public static List<CatalogTool> from(List<Map<String, Object>> descriptions, boolean allowWrites,
      int maxOutputChars) {
    List<Map<String, Object>> offered = descriptions.stream()
        .filter(entry -> allowWrites || isReadOnly(entry))
        .toList();
    Set<String> names = offered.stream().map(entry -> text(entry, "name")).collect(Collectors.toSet());
    List<CatalogTool> tools = new ArrayList<>();
    for (Map<String, Object> entry : offered) {
      tools.add(toTool(entry, names, maxOutputChars));
    }
    return List.copyOf(tools);
  }

  /** A catalog entry is a read unless it says {@code readOnly: false}. */
  static boolean isReadOnly(Map<String, Object> entry) {
    return !Boolean.FALSE.equals(entry.get("readOnly"));
  }

  private static CatalogTool toTool(Map<String, Object> entry, Set<String> toolNames, int maxOutputChars) {
    String name = text(entry, "name");
    String entity = text(entry, "entity");
    String action = text(entry, "action");
    Map<String, Object> schema = map(entry.get("parameters"), name + ": parameters");
    Map<String, Object> properties = map(schema.getOrDefault("properties", Map.of()), name + ": properties");
    boolean readOnly = isReadOnly(entry);
    boolean destructive = Boolean.TRUE.equals(entry.get("destructive"));
    // Reads change nothing, so repeating one changes nothing; a write is idempotent only when the catalog says so.
    boolean idempotent = entry.get("idempotent") instanceof Boolean declared ? declared : readOnly;
    boolean paged = properties.containsKey("limit");
    String title = entity.replace('_', ' ') + ": " + action;
    McpSchema.ToolAnnotations annotations = McpSchema.ToolAnnotations.builder()
        .title(title)
        .readOnlyHint(readOnly)
        .destructiveHint(!readOnly && destructive)
        .idempotentHint(idempotent)
        .openWorldHint(true) // every call reaches Asana, a system outside this server
        .build();
    McpSchema.Tool definition = McpSchema.Tool.builder(name, schema)
        .title(title)
        .description(describe(entry, name, action, schema, properties, readOnly, destructive, paged, toolNames,
            maxOutputChars))
        .outputSchema(outputSchema(action))
        .annotations(annotations)
        .build();
    return new CatalogTool(entity, action, readOnly, paged, definition);
  }

  /** What {@code structuredContent} holds: a list's page, or {@code {data}} for anything else. */
  private static Map<String, Object> outputSchema(String action) {
    if (action.equals("list")) {
      Map<String, Object> nextPage = Map.of("type", List.of("object", "null"),
          "properties", Map.of("offset", Map.of("type", "string")));
      return Map.of("type", "object",
          "properties", Map.of(
              "data", Map.of("type", "array", "items", Map.of("type", "object")),
              "meta", Map.of("type", "object", "properties", Map.of("next_page", nextPage))),
          "required", List.of("data", "meta"));
    }
    return Map.of("type", "object", "properties", Map.of("data", Map.of()), "required", List.of("data"));
  }

  private static String describe(Map<String, Object> entry, String name, String action, Map<String, Object> schema,
      Map<String, Object> properties, boolean readOnly, boolean destructive, boolean paged, Set<String> toolNames,
      int maxOutputChars) {
    StringBuilder text = new StringBuilder(sentence(String.valueOf(entry.getOrDefault("description", ""))));
    if (!readOnly) {
      text.append(destructive ? " Deletes or removes data in Asana: this cannot be undone."
          : " Changes data in Asana.");
    }
    List<String> fields = entry.get("record_fields") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : List.of();
    boolean optFields = properties.containsKey("opt_fields");
    if (action.equals("list")) {
      text.append(" Result: {data: [records], meta: {next_page}}");
      if (!fields.isEmpty()) {
        text.append("; each record has ").append(String.join(", ", fields));
      }
      text.append(optFields ? " (opt_fields asks for more fields)." : ".");
    } else if (action.equals("download")) {
      text.append(" Result: the file as an embedded resource (base64) with its name, size and type in "
          + "{data}; files whose base64 exceeds ").append(maxOutputChars).append(" characters are refused "
          + "(range_header fetches a part).");
    } else {
      text.append(" Result: {data: record}");
      if (!fields.isEmpty()) {
        text.append(", with ").append(String.join(", ", fields)).append(" among its fields");
      }
      text.append(optFields ? " (opt_fields picks the fields)." : ".");
    }
    List<String> required = schema.get("required") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : List.of();
    if (!required.isEmpty()) {
      text.append(" Requires ").append(String.join(", ", required)).append('.');
      List<String> sources = new ArrayList<>();
      for (String parameter : required) {
        String source = GID_SOURCES.get(parameter);
        if (source != null && !source.equals(name) && toolNames.contains(source)) {
          sources.add(parameter + " from " + source);
        }
      }
      if (!sources.isEmpty()) {
        text.append(" Gids are strings of digits: ").append(String.join(", ", sources)).append('.');
      }
    }
    List<String> filters = properties.keySet().stream()
        .filter(parameter -> !NON_FILTERS.contains(parameter) && !required.contains(parameter))
        .toList();
    if (!filters.isEmpty() && readOnly) {
      text.append(" Narrow it with: ").append(String.join(", ", filters)).append('.');
    } else if (!filters.isEmpty()) {
      text.append(" Optional: ").append(String.join(", ", filters)).append('.');
    }
    if (paged) {
      if (name.equals("workspace_task_search_list")) {
        text.append(" Paging: up to limit results per call (1-100, ").append(DEFAULT_LIMIT)
            .append(" if not given) and no next_page: to see others, narrow the filters.");
      } else {
        text.append(" Paging: up to limit records per call (1-100, ").append(DEFAULT_LIMIT)
            .append(" if not given); while meta.next_page is not null, call again with the same arguments "
                + "and offset set to meta.next_page.offset.");
      }
      text.append(" Output over ").append(maxOutputChars).append(" characters is cut at a record boundary "
          + "(meta.cut says so) and meta.next_page then continues after the last record returned.");
    }
    return text.toString();
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  private static String text(Map<String, Object> entry, String key) {
    if (entry.get(key) instanceof String value && !value.isEmpty()) {
      return value;
    }
    throw new IllegalArgumentException("catalog entry without '" + key + "': " + entry.get("name"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return new LinkedHashMap<>((Map<String, Object>) map);
    }
    throw new IllegalArgumentException("catalog entry " + what + " is not an object");
  }
}
