package dev.asanaconnector.mcp;

import static dev.asanaconnector.mcp.TestServers.call;
import static dev.asanaconnector.mcp.TestServers.errorLine;
import static dev.asanaconnector.mcp.TestServers.nextOffset;
import static dev.asanaconnector.mcp.TestServers.parse;
import static dev.asanaconnector.mcp.TestServers.records;
import static dev.asanaconnector.mcp.TestServers.structured;
import static dev.asanaconnector.mcp.TestServers.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What an MCP client sees of {@code scripts/asana-mcp --sandbox}, whatever the transport: each subclass
 * provides an initialized SDK client of a server on the default sandbox (seed 42).
 */
abstract class McpClientContract {
  /** The client under test, initialized. */
  abstract McpSyncClient client();

  @Test
  void initializeNamesTheServerAndOffersTools() {
    McpSchema.InitializeResult init = client().getCurrentInitializationResult();

    assertEquals(ToolServer.NAME, init.serverInfo().name());
    assertNotNull(init.capabilities().tools(), "the tools capability");
    assertEquals(ToolServer.INSTRUCTIONS, init.instructions());
  }

  @Test
  void listToolsHasOneToolPerCatalogActionWithTheActionsSchema() {
    List<McpSchema.Tool> tools = client().listTools().tools();

    List<Map<String, Object>> catalog = AsanaClient.describe();
    assertEquals(catalog.stream().filter(CatalogTools::isReadOnly).count(), tools.size(),
        "one tool per read: writes are not offered without --allow-writes");
    assertTrue(tools.stream().noneMatch(tool -> tool.name().equals("tasks_create")));
    McpSchema.Tool projectTasks = tools.stream().filter(t -> t.name().equals("project_tasks_list")).findFirst()
        .orElseThrow();
    Map<String, Object> expected = catalog.stream().filter(e -> e.get("name").equals("project_tasks_list"))
        .findFirst().orElseThrow();
    assertEquals(parse(write(expected.get("parameters"))), parse(write(projectTasks.inputSchema())),
        "the input schema is describe()'s, as it went over the wire");
    assertEquals(List.of("project_gid"), projectTasks.inputSchema().get("required"));
    assertEquals(Boolean.TRUE, projectTasks.annotations().readOnlyHint());
    assertEquals(Boolean.FALSE, projectTasks.annotations().destructiveHint());
    assertTrue(projectTasks.description().contains("meta.next_page.offset"), projectTasks.description());
  }

  @Test
  void aListAndAGetAnswerWithStructuredContent() {
    Map<?, ?> workspaces = structured(call(client(), "workspaces_list", Map.of()));
    String workspace = gid(records(workspaces).get(0));
    Map<?, ?> projects = structured(call(client(), "workspace_projects_list", Map.of("workspace_gid", workspace)));
    String project = gid(records(projects).get(0));
    Map<?, ?> tasks = structured(call(client(), "project_tasks_list", Map.of("project_gid", project, "limit", 5)));
    Map<?, ?> firstTask = (Map<?, ?>) records(tasks).get(0);

    Map<?, ?> task = (Map<?, ?>) structured(call(client(), "tasks_get", Map.of("task_gid", gid(firstTask)))).get("data");

    assertEquals(5, records(tasks).size());
    assertEquals(firstTask.get("gid"), task.get("gid"));
    assertEquals(firstTask.get("name"), task.get("name"));
    assertNotNull(task.get("workspace"), "a get brings the whole task");
  }

  @Test
  void nextPageOffsetsWalkTheWholeListOnce() {
    String workspace = gid(records(structured(call(client(), "workspaces_list", Map.of()))).get(0));
    String project = gid(records(structured(call(client(), "workspace_projects_list",
        Map.of("workspace_gid", workspace)))).get(0));
    Map<String, Object> params = new LinkedHashMap<>(Map.of("project_gid", project, "limit", 100));

    List<String> gids = new ArrayList<>();
    int pages = 0;
    String offset;
    do {
      Map<?, ?> page = structured(call(client(), "project_tasks_list", params));
      records(page).forEach(record -> gids.add(gid(record)));
      pages++;
      offset = nextOffset(page);
      params.put("offset", offset);
    } while (offset != null && pages < 20);

    assertTrue(pages >= 3, "a project of the default sandbox has more than 200 tasks: " + gids.size());
    assertNull(offset, "the last page says there is no next one");
    Set<String> distinct = new HashSet<>(gids);
    assertEquals(gids.size(), distinct.size(), "no task twice");
  }

  @Test
  void aBadParameterIsAnErrorResultNamingIt() {
    String line = errorLine(call(client(), "tasks_get", Map.of("task_gid", "12ab")));

    assertEquals("invalid parameter task_gid: must be a gid (digits only), was '12ab'", line);
  }

  @Test
  void aWriteToolIsUnknownWithoutAllowWritesAndThatIsAProtocolError() {
    McpError unknown = assertThrows(McpError.class,
        () -> call(client(), "tasks_create", Map.of("name", "Write the launch plan")));

    assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, unknown.getJsonRpcError().code());
    assertFalse(client().listTools().tools().stream().anyMatch(tool -> !tool.annotations().readOnlyHint()),
        "no tool that writes is offered");
  }

  static String gid(Object record) {
    return (String) ((Map<?, ?>) record).get("gid");
  }
}
