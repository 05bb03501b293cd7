package dev.asanaconnector.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tool list built from the catalog's descriptions: names, schemas, annotations, descriptions, write gating. */
class McpToolCatalogTest {
  private static final List<Map<String, Object>> CATALOG = AsanaClient.describe();
  private static final List<Map<String, Object>> READS = CATALOG.stream().filter(CatalogTools::isReadOnly).toList();

  @Test
  void everyReadActionIsOneToolUnderItsNameWithItsSchemaUnchanged() {
    List<CatalogTool> tools = CatalogTools.from(CATALOG, false, TestServers.DEFAULT_CAP);

    assertTrue(READS.size() >= 28 && READS.size() < CATALOG.size(), "the catalog has reads and writes");
    assertEquals(READS.stream().map(entry -> entry.get("name")).toList(),
        tools.stream().map(CatalogTool::name).toList(), "without writes allowed, every read and only reads");
    for (int i = 0; i < tools.size(); i++) {
      assertEquals(READS.get(i).get("parameters"), tools.get(i).definition().inputSchema(), tools.get(i).name());
      assertEquals(READS.get(i).get("entity"), tools.get(i).entity());
      assertEquals(READS.get(i).get("action"), tools.get(i).action());
    }
    List<String> names = tools.stream().map(CatalogTool::name).toList();
    assertTrue(names.containsAll(List.of("tasks_list", "tasks_get", "workspace_task_search_list",
        "attachments_download")), names.toString());
  }

  @Test
  void readsAreAnnotatedReadOnlyIdempotentAndNotDestructive() {
    for (CatalogTool tool : CatalogTools.from(CATALOG, false, TestServers.DEFAULT_CAP)) {
      McpSchema.ToolAnnotations hints = tool.definition().annotations();
      assertEquals(Boolean.TRUE, hints.readOnlyHint(), tool.name());
      assertEquals(Boolean.FALSE, hints.destructiveHint(), tool.name());
      assertEquals(Boolean.TRUE, hints.idempotentHint(), tool.name());
      assertEquals(Boolean.TRUE, hints.openWorldHint(), tool.name());
    }
  }

  @Test
  void descriptionsSayWhatComesBackWhatNarrowsItAndHowToPage() {
    Map<String, String> descriptions = CatalogTools.from(CATALOG, false, 40_000).stream()
        .collect(Collectors.toMap(CatalogTool::name, tool -> tool.definition().description()));

    String projectTasks = descriptions.get("project_tasks_list");
    assertTrue(projectTasks.startsWith("Returns all tasks in a project."), projectTasks);
    assertTrue(projectTasks.contains("each record has gid, resource_type, name, resource_subtype, created_by"),
        projectTasks);
    assertTrue(projectTasks.contains("Requires project_gid."), projectTasks);
    assertTrue(projectTasks.contains("project_gid from workspace_projects_list"), projectTasks);
    assertTrue(projectTasks.contains("Narrow it with: completed_since."), projectTasks);
    assertTrue(projectTasks.contains("offset set to meta.next_page.offset"), projectTasks);
    assertTrue(projectTasks.contains("Output over 40000 characters is cut at a record boundary"), projectTasks);

    String search = descriptions.get("workspace_task_search_list");
    assertTrue(search.contains("no next_page: to see others, narrow the filters"), search);
    assertTrue(search.contains("assignee.any"), search);

    String taskGet = descriptions.get("tasks_get");
    assertTrue(taskGet.contains("Result: {data: record}"), taskGet);
    assertFalse(taskGet.contains("Paging"), "a get does not page: " + taskGet);

    String download = descriptions.get("attachments_download");
    assertTrue(download.contains("embedded resource (base64)") && download.contains("range_header"), download);
  }

  @Test
  void theReadmeShowsADescriptionAsItIs() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String description = CatalogTools.from(CATALOG, false, TestServers.DEFAULT_CAP).stream()
        .filter(tool -> tool.name().equals("project_tasks_list")).findFirst().orElseThrow()
        .definition().description();

    assertTrue(readme.contains("\"description\": \"" + description + "\""),
        "README, What the tools look like, shows project_tasks_list's description: " + description);
    assertTrue(readme.contains("`attachments_download`: " + READS.size() + " reads today, and "
        + (CATALOG.size() - READS.size()) + " writes with `--allow-writes`"), "the README's tool counts");
  }

  @Test
  void writesAreLeftOutUnlessAllowedAndTheirHintsComeFromTheEntry() {
    List<Map<String, Object>> catalog = new ArrayList<>(CATALOG);
    catalog.add(entry("tags_explicit_read", "tags", "explicit_read", Map.of("readOnly", true)));
    catalog.add(entry("tags_unmarked", "tags", "unmarked", Map.of()));

    List<String> readOnly = CatalogTools.from(catalog, false, TestServers.DEFAULT_CAP).stream()
        .map(CatalogTool::name).toList();
    assertEquals(READS.size() + 2, readOnly.size(), "an entry without readOnly is a read");
    assertTrue(readOnly.containsAll(List.of("tags_explicit_read", "tags_unmarked")), readOnly.toString());
    assertFalse(readOnly.contains("tasks_create") || readOnly.contains("tasks_delete")
        || readOnly.contains("tasks_update") || readOnly.contains("task_stories_create"), readOnly.toString());

    Map<String, CatalogTool> all = CatalogTools.from(catalog, true, TestServers.DEFAULT_CAP).stream()
        .collect(Collectors.toMap(CatalogTool::name, Function.identity()));
    assertEquals(catalog.size(), all.size());
    McpSchema.ToolAnnotations create = all.get("tasks_create").definition().annotations();
    assertEquals(List.of(false, false, false), List.of(create.readOnlyHint(), create.destructiveHint(),
        create.idempotentHint()), "a create is not idempotent: repeating it makes a second task");
    McpSchema.ToolAnnotations delete = all.get("tasks_delete").definition().annotations();
    assertEquals(List.of(false, true), List.of(delete.readOnlyHint(), delete.destructiveHint()));
    assertTrue(all.get("tasks_delete").definition().description().contains("cannot be undone"));
    assertTrue(all.get("tasks_create").definition().description().contains("Changes data in Asana."));
    assertEquals(Boolean.TRUE, all.get("tasks_update").definition().annotations().idempotentHint());
    assertEquals(Boolean.FALSE, all.get("tasks_update").definition().annotations().destructiveHint());
    assertFalse(all.get("tasks_create").readOnly());
    assertTrue(all.get("tags_explicit_read").readOnly());
    for (Map<String, Object> entry : CATALOG) {
      CatalogTool tool = all.get((String) entry.get("name"));
      assertEquals(entry.get("readOnly"), tool.definition().annotations().readOnlyHint(), tool.name());
      assertEquals(entry.get("destructive"), tool.definition().annotations().destructiveHint(), tool.name());
      assertEquals(entry.get("idempotent"), tool.definition().annotations().idempotentHint(), tool.name());
      assertEquals(entry.get("parameters"), tool.definition().inputSchema(), tool.name());
    }
  }

  @Test
  void anEntryWithoutItsSchemaIsRefusedNamingIt() {
    Map<String, Object> broken = new LinkedHashMap<>(entry("tasks_broken", "tasks", "broken", Map.of()));
    broken.remove("parameters");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> CatalogTools.from(List.of(broken), true, TestServers.DEFAULT_CAP));
    assertTrue(refused.getMessage().contains("tasks_broken"), refused.getMessage());
  }

  /** A catalog entry shaped like describe()'s, with {@code extra} keys (readOnly, destructive...). */
  static Map<String, Object> entry(String name, String entity, String action, Map<String, Object> extra) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("entity", entity);
    entry.put("action", action);
    entry.put("description", "A stand-in " + action + " of " + entity);
    entry.put("parameters", Map.of("type", "object",
        "properties", Map.of("name", Map.of("type", "string", "description", "The name")),
        "required", List.of(), "additionalProperties", false));
    entry.putAll(extra);
    return entry;
  }
}
