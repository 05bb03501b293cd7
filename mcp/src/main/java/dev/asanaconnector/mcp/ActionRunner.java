package dev.asanaconnector.mcp;

import java.util.Map;

/**
 * Runs one catalog action: {@code AsanaClient::execute} in the server, a stand-in in tests. Failures are
 * the connector's {@code AsanaException}s.
 */
@FunctionalInterface
public interface ActionRunner {
  /**
   * Runs {@code entity action} with {@code params}; returns what {@code AsanaClient.execute} returns (a list
   * page map, a record map, an {@code AttachmentDownload}, or a write's result).
   */
  Object run(String entity, String action, Map<String, Object> params);
}
