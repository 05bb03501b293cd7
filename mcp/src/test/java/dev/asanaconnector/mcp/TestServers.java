package dev.asanaconnector.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the MCP tests share: clients on the sandbox, servers built as the main class builds them, SDK clients. */
final class TestServers {
  static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  static final int DEFAULT_CAP = 100_000;

  private TestServers() {
  }

  /** A client of {@code sandbox} that fails at once instead of retrying (so error tests are quick). */
  static AsanaClient client(AsanaSandbox sandbox) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().retryPolicy(RetryPolicy.none()).rateLimits(RateLimits.builder().searchRequestsPerMinute(0).build());
    return builder.build();
  }

  /** The catalog's tools over {@code runner}, as {@code scripts/asana-mcp} builds them. */
  static ToolServer toolServer(ActionRunner runner, List<Map<String, Object>> descriptions, boolean allowWrites,
      int maxOutputChars, String... secrets) {
    return AsanaMcpServer.toolServer(runner, descriptions, allowWrites, maxOutputChars, JSON, List.of(secrets));
  }

  /** An initialized SDK client of the Streamable HTTP server on {@code port}, sending {@code secret} if not null. */
  static McpSyncClient httpClient(int port, String secret) {
    HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
        .builder("http://127.0.0.1:" + port)
        .endpoint(HttpServing.ENDPOINT)
        .jsonMapper(JSON);
    if (secret != null) {
      transport.addHttpRequestCustomizer((request, method, uri, body, context) ->
          request.header("Authorization", "Bearer " + secret));
    }
    McpSyncClient client = McpClient.sync(transport.build())
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .build();
    client.initialize();
    return client;
  }

  /** Calls {@code tool} with {@code arguments}. */
  static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  /** A successful result's structured content, after checking its text is the same JSON. */
  static Map<?, ?> structured(McpSchema.CallToolResult result) {
    assertFalse(Boolean.TRUE.equals(result.isError()), () -> "expected success, got " + text(result));
    Map<?, ?> structured = assertInstanceOf(Map.class, result.structuredContent());
    // Compared as JSON: core reads whole numbers as Long, Jackson as Integer.
    assertEquals(parse(write(structured)), parse(text(result)), "the text is the structured content as JSON");
    return structured;
  }

  /** A failed result's one line, after checking it is marked as an error and is one line. */
  static String errorLine(McpSchema.CallToolResult result) {
    assertEquals(Boolean.TRUE, result.isError(), () -> "expected isError, got " + text(result));
    String line = text(result);
    assertFalse(line.contains("\n"), "one line: " + line);
    assertFalse(line.contains("\tat "), "no stack trace: " + line);
    return line;
  }

  /** The text of a result's first content item. */
  static String text(McpSchema.CallToolResult result) {
    assertTrue(!result.content().isEmpty(), "a result has content");
    return assertInstanceOf(McpSchema.TextContent.class, result.content().get(0)).text();
  }

  static List<?> records(Map<?, ?> page) {
    return (List<?>) page.get("data");
  }

  /** A list page's next_page offset, or null on the last page. */
  static String nextOffset(Map<?, ?> page) {
    Map<?, ?> nextPage = (Map<?, ?>) ((Map<?, ?>) page.get("meta")).get("next_page");
    return nextPage == null ? null : (String) nextPage.get("offset");
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<?, ?> parse(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON object: " + json, e);
    }
  }
}
