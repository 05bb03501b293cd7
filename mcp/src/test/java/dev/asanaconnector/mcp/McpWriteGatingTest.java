package dev.asanaconnector.mcp;

import static dev.asanaconnector.mcp.TestServers.call;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Write gating over a real transport. Core has no write actions yet, so the catalog here is describe()'s plus
 * two stand-in write entries shaped as core will describe them ({@code readOnly: false}, and
 * {@code destructive: true} for the delete), answered by a recording stand-in; reads still go to the sandbox.
 */
class McpWriteGatingTest {
  private static final List<List<Object>> WRITES = new CopyOnWriteArrayList<>();
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
    WRITES.clear();
    try (Served served = serve(false)) {
      List<String> names = served.client.listTools().tools().stream().map(McpSchema.Tool::name).toList();

      assertFalse(names.contains("tasks_create") || names.contains("tasks_delete"), names.toString());
      assertEquals(AsanaClient.describe().size(), names.size());
      McpError refused = assertThrows(McpError.class,
          () -> call(served.client, "tasks_create", Map.of("name", "Write the launch plan")));
      assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, refused.getJsonRpcError().code());
      assertTrue(WRITES.isEmpty(), "nothing reached the action: " + WRITES);
    }
  }

  @Test
  void withAllowWritesAWriteIsListedWithItsHintsAndAccepted() {
    WRITES.clear();
    try (Served served = serve(true)) {
      Map<String, McpSchema.Tool> tools = new java.util.HashMap<>();
      served.client.listTools().tools().forEach(tool -> tools.put(tool.name(), tool));

      assertEquals(AsanaClient.describe().size() + 2, tools.size());
      assertEquals(Boolean.FALSE, tools.get("tasks_create").annotations().readOnlyHint());
      assertEquals(Boolean.FALSE, tools.get("tasks_create").annotations().destructiveHint());
      assertEquals(Boolean.TRUE, tools.get("tasks_delete").annotations().destructiveHint());
      Map<?, ?> created = structured(call(served.client, "tasks_create", Map.of("name", "Write the launch plan")));
      assertEquals(Map.of("gid", "1209", "name", "Write the launch plan"), created.get("data"));
      assertEquals(List.of(List.of("tasks", "create", Map.of("name", "Write the launch plan"))), WRITES);
      assertFalse(structured(call(served.client, "workspaces_list", Map.of())).isEmpty(), "reads still work");
    }
  }

  private static Served serve(boolean allowWrites) {
    AsanaClient asana = TestServers.client(sandbox);
    ActionRunner runner = (entity, action, params) -> {
      if (action.equals("create") || action.equals("delete")) {
        WRITES.add(List.of(entity, action, Map.copyOf(params)));
        return Map.of("gid", "1209", "name", params.getOrDefault("name", ""));
      }
      return asana.execute(entity, action, params);
    };
    List<Map<String, Object>> catalog = new ArrayList<>(AsanaClient.describe());
    catalog.add(McpToolCatalogTest.entry("tasks_create", "tasks", "create", Map.of("readOnly", false)));
    catalog.add(McpToolCatalogTest.entry("tasks_delete", "tasks", "delete",
        Map.of("readOnly", false, "destructive", true)));
    ToolServer tools = TestServers.toolServer(runner, catalog, allowWrites, TestServers.DEFAULT_CAP);
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
