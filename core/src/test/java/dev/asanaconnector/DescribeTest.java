package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The machine-readable description covers every entity and action, from the dispatcher's definitions. */
class DescribeTest {
  private static final Set<String> SEED_ACTIONS = Set.of("tasks list", "tasks get", "project_tasks list",
      "workspace_task_search list", "projects list", "projects get", "task_projects list", "team_projects list",
      "workspace_projects list", "workspaces list", "workspaces get", "users list", "users get",
      "workspace_users list", "team_users list", "teams get", "workspace_teams list", "user_teams list",
      "attachments list", "attachments get", "attachments download", "workspace_tags list", "tags get",
      "project_sections list", "sections get", "task_subtasks list", "task_dependencies list",
      "task_dependents list", "section_tasks list", "tag_tasks list", "task_stories list");

  @Test
  void everySeedActionIsDescribedAsAJsonSchemaTool() {
    List<Map<String, Object>> tools = AsanaClient.describe();
    // The reference's actions and the lists that came with the writes; the writes come on top of them.
    List<Map<String, Object>> reads = tools.stream().filter(t -> Boolean.TRUE.equals(t.get("readOnly"))).toList();
    assertEquals(SEED_ACTIONS, reads.stream().map(t -> t.get("entity") + " " + t.get("action"))
        .collect(Collectors.toSet()));
    assertEquals(25, reads.stream().map(t -> t.get("entity")).distinct().count());
    for (Map<String, Object> tool : tools) {
      Map<?, ?> parameters = (Map<?, ?>) tool.get("parameters");
      assertEquals("object", parameters.get("type"));
      assertEquals(false, parameters.get("additionalProperties"));
      Map<?, ?> properties = (Map<?, ?>) parameters.get("properties");
      for (Object required : (List<?>) parameters.get("required")) {
        assertTrue(properties.containsKey(required), tool.get("name") + " requires " + required);
      }
    }
  }

  @Test
  void schemaMatchesWhatTheDispatcherAccepts() {
    Map<String, Object> search = AsanaClient.describe().stream()
        .filter(t -> t.get("name").equals("workspace_task_search_list")).findFirst().orElseThrow();
    Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) search.get("parameters")).get("properties");
    for (String seedParam : List.of("workspace_gid", "limit", "offset", "text", "completed", "assignee.any",
        "projects.any", "sections.any", "teams.any", "followers.any", "created_at.after", "created_at.before",
        "modified_at.after", "modified_at.before", "due_on.after", "due_on.before", "resource_subtype", "sort_by",
        "sort_ascending")) {
      assertTrue(properties.containsKey(seedParam), seedParam);
    }
    assertEquals(Map.of("type", "integer", "minimum", 1, "maximum", 100, "description",
        "Number of items to return per page"), properties.get("limit"));
    assertTrue(AsanaClient.describeJson().startsWith("[\n  {\n    \"name\": \"tasks_list\""));
  }
}
