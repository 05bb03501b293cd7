package dev.asanaconnector.mcp;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * One catalog action offered as an MCP tool: the entity and action {@code AsanaClient.execute} takes, what
 * kind of answer it gives, and the tool definition clients see in {@code tools/list}.
 *
 * @param entity the reference's entity name, e.g. {@code project_tasks}
 * @param action the reference's action name, e.g. {@code list}
 * @param readOnly whether the action only reads (a catalog entry without a {@code readOnly} key is a read)
 * @param paged whether the action takes {@code limit}: its result can be cut at a record boundary and paged
 * @param definition the MCP tool definition: name, description, input schema, annotations
 */
public record CatalogTool(String entity, String action, boolean readOnly, boolean paged, McpSchema.Tool definition) {
  /** The tool's name, as clients call it: {@code entity_action}. */
  public String name() {
    return definition.name();
  }
}
