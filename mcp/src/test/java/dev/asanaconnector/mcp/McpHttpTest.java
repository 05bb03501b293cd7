package dev.asanaconnector.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.sandbox.AsanaSandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Streamable HTTP transport on loopback with a bearer secret: the SDK's HTTP client (the shared
 * contract), and raw requests to see what is refused: a missing or wrong secret, a foreign {@code Origin},
 * a foreign {@code Host} (DNS rebinding), on every request, not only the first.
 */
class McpHttpTest extends McpClientContract {
  private static final String SECRET = "test-secret-0123456789abcdef";
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private static AsanaSandbox sandbox;
  private static HttpServing http;
  private static McpSyncClient client;

  @BeforeAll
  static void startServer() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    AsanaClient asana = TestServers.client(sandbox);
    ToolServer tools = TestServers.toolServer(asana::execute, AsanaClient.describe(), false,
        TestServers.DEFAULT_CAP, sandbox.token(), SECRET);
    http = HttpServing.start(tools, TestServers.JSON, "127.0.0.1", 0, SECRET, List.of());
    client = TestServers.httpClient(http.port(), SECRET);
  }

  @AfterAll
  static void stopServer() {
    client.closeGracefully();
    http.close();
    sandbox.close();
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Test
  void aRequestWithoutTheSecretIsRefusedAndSoIsTheSdkClient() throws IOException {
    Reply reply = post(Map.of(), INITIALIZE);

    assertEquals(401, reply.status());
    assertEquals("Bearer realm=\"asana-mcp\"", reply.header("www-authenticate"));
    assertThrows(RuntimeException.class, () -> TestServers.httpClient(http.port(), null));
  }

  @Test
  void aWrongSecretIsRefusedWithoutEchoingIt() throws IOException {
    Reply reply = post(Map.of("Authorization", "Bearer not-the-secret-0123456789"), INITIALIZE);

    assertEquals(401, reply.status());
    assertFalse(reply.raw().contains("not-the-secret") || reply.raw().contains(SECRET), reply.raw());
  }

  @Test
  void theSecretIsCheckedOnEveryRequestNotOnlyTheFirst() throws IOException {
    Reply initialized = post(Map.of("Authorization", "Bearer " + SECRET), INITIALIZE);
    String session = initialized.header("mcp-session-id");
    assertEquals(200, initialized.status());
    assertNotNull(session, "the transport gives a session id");

    Reply withoutSecret = post(Map.of("Mcp-Session-Id", session),
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

    assertEquals(401, withoutSecret.status());
  }

  @Test
  void aForeignOriginIsRefusedAndALoopbackOneAccepted() throws IOException {
    Map<String, String> foreign = Map.of("Authorization", "Bearer " + SECRET, "Origin", "http://evil.example");
    Map<String, String> local = Map.of("Authorization", "Bearer " + SECRET, "Origin", "http://localhost:6274");

    assertEquals(403, post(foreign, INITIALIZE).status());
    assertEquals(200, post(local, INITIALIZE).status());
  }

  @Test
  void aForeignHostIsRefusedOnALoopbackBind() throws IOException {
    Map<String, String> rebound = new LinkedHashMap<>();
    rebound.put("Host", "evil.example:" + http.port());
    rebound.put("Authorization", "Bearer " + SECRET);

    assertEquals(421, post(rebound, INITIALIZE).status());
  }

  /** One status line and headers, as received. */
  record Reply(int status, String raw) {
    String header(String name) {
      for (String line : raw.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  /** POSTs {@code body} to /mcp over a plain socket, so that any header (Host included) can be sent. */
  private static Reply post(Map<String, String> headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder("POST /mcp HTTP/1.1\r\n");
    if (!headers.containsKey("Host")) {
      request.append("Host: 127.0.0.1:").append(http.port()).append("\r\n");
    }
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
        .append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", http.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 "), head);
      return new Reply(Integer.parseInt(head.substring(9, 12)), head);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }
}
