package dev.asanaconnector.mcp;

import static dev.asanaconnector.mcp.TestServers.call;
import static dev.asanaconnector.mcp.TestServers.records;
import static dev.asanaconnector.mcp.TestServers.structured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.sandbox.AsanaSandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Write gating over a real transport, against the stateful sandbox: the server is built as
 * {@code scripts/asana-mcp} builds it, its client read-only unless writes are allowed.
 */
class McpWriteGatingTest {
  private static AsanaSandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void withoutAllowWritesAWriteIsNeitherListedNorCallable() {
    try (Served served = serve(false)) {
      List<String> names = served.client.listTools().tools().stream().map(McpSchema.Tool::name).toList();

      assertFalse(names.contains("tasks_create") || names.contains("tasks_delete"), names.toString());
      assertEquals(AsanaClient.describe().stream().filter(CatalogTools::isReadOnly).count(), names.size());
      String workspace = firstWorkspace(served.client);
      int requestsBefore = sandbox.requestCount();
      McpError refused = assertThrows(McpError.class, () -> call(served.client, "tasks_create",
          Map.of("workspace", workspace, "name", "Write the launch plan")));
      assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, refused.getJsonRpcError().code());
      assertEquals(requestsBefore, sandbox.requestCount(), "nothing was sent to Asana");
    }
  }

  @Test
  void withAllowWritesAWriteIsListedWithItsHintsAndReachesAsana() {
    try (Served served = serve(true)) {
      Map<String, McpSchema.Tool> tools = new HashMap<>();
      served.client.listTools().tools().forEach(tool -> tools.put(tool.name(), tool));

      assertEquals(AsanaClient.describe().size(), tools.size());
      assertEquals(Boolean.FALSE, tools.get("tasks_create").annotations().readOnlyHint());
      assertEquals(Boolean.FALSE, tools.get("tasks_create").annotations().destructiveHint());
      assertEquals(Boolean.TRUE, tools.get("tasks_delete").annotations().destructiveHint());
      String workspace = firstWorkspace(served.client);
      Map<?, ?> created = (Map<?, ?>) structured(call(served.client, "tasks_create",
          Map.of("workspace", workspace, "name", "Write the launch plan"))).get("data");
      assertEquals("Write the launch plan", created.get("name"));
      String gid = (String) created.get("gid");

      Map<?, ?> fetched = (Map<?, ?>) structured(call(served.client, "tasks_get", Map.of("task_gid", gid)))
          .get("data");
      assertEquals("Write the launch plan", fetched.get("name"), "the task exists in Asana now");
      structured(call(served.client, "tasks_delete", Map.of("task_gid", gid)));
      McpSchema.CallToolResult gone = served.client.callTool(new McpSchema.CallToolRequest("tasks_get",
          Map.of("task_gid", gid)));
      assertEquals(Boolean.TRUE, gone.isError(), "deleted: " + gone);
    }
  }

  private static String firstWorkspace(McpSyncClient client) {
    return (String) ((Map<?, ?>) records(structured(call(client, "workspaces_list", Map.of()))).get(0)).get("gid");
  }

  private static Served serve(boolean allowWrites) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token()).readOnly(!allowWrites);
    AsanaClient asana = builder.build();
    ToolServer tools = TestServers.toolServer(asana::execute, AsanaClient.describe(), allowWrites,
        TestServers.DEFAULT_CAP);
    HttpServing http = HttpServing.start(tools, TestServers.JSON, "127.0.0.1", 0, null, List.of());
    return new Served(http, TestServers.httpClient(http.port(), null));
  }

  private record Served(HttpServing http, McpSyncClient client) implements AutoCloseable {
    @Override
    public void close() {
      client.closeGracefully();
      http.close();
    }
  }
}
