package dev.asanaconnector.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * The MCP server's content, independent of the transport: the catalog's tools and what answers their calls,
 * applied to an SDK server specification (stdio or Streamable HTTP).
 */
final class ToolServer {
  static final String NAME = "asana-connector";

  /** What a model reads first: where gids come from and how lists page. */
  static final String INSTRUCTIONS = "Asana through asana-connector's catalog. Gids are strings of digits: start "
      + "with workspaces_list, then workspace_projects_list, project_tasks_list, tasks_get and so on (users_get "
      + "takes 'me'). Lists return {data: [records], meta: {next_page}}: while next_page is not null, call the "
      + "same tool again with offset = meta.next_page.offset. Failures come back as one line saying what to fix.";

  private final List<CatalogTool> tools;
  private final ToolCalls calls;
  private final McpJsonMapper json;

  ToolServer(List<CatalogTool> tools, ToolCalls calls, McpJsonMapper json) {
    this.tools = List.copyOf(tools);
    this.calls = calls;
    this.json = json;
  }

  List<CatalogTool> tools() {
    return tools;
  }

  /** Completes {@code spec} with this server's identity and tools, and builds it (which starts serving). */
  McpSyncServer build(McpServer.SyncSpecification<?> spec) {
    List<McpServerFeatures.SyncToolSpecification> specifications = tools.stream()
        .map(tool -> McpServerFeatures.SyncToolSpecification.builder()
            .tool(tool.definition())
            .callHandler((exchange, request) -> calls.call(tool, request.arguments()))
            .build())
        .toList();
    return spec
        .serverInfo(NAME, version())
        .instructions(INSTRUCTIONS)
        .jsonMapper(json)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        // Core checks every argument before any request, from the same definitions the input schemas come
        // from, and names the parameter and what is wrong; the SDK's own check would only say it less plainly
        // (and would refuse "10" for a limit, which core takes).
        .validateToolInputs(false)
        .tools(specifications)
        .build();
  }

  static String version() {
    String version = ToolServer.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }
}
