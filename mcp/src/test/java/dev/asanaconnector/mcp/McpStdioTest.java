package dev.asanaconnector.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stdio transport, as a desktop client runs it: {@code AsanaMcpServer --sandbox} in a process of its own,
 * spoken to by the SDK's stdio client (the shared contract), and by hand to see stdout carry nothing but
 * protocol messages and the process end with its input.
 */
class McpStdioTest extends McpClientContract {
  private static McpSyncClient client;

  @BeforeAll
  static void startServerProcess() {
    StdioClientTransport transport = new StdioClientTransport(
        ServerParameters.builder(java()).args(serverCommand("--sandbox")).build(), TestServers.JSON);
    client = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(60))
        .build();
    client.initialize();
  }

  @AfterAll
  static void stopServerProcess() {
    client.closeGracefully();
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Test
  void stdoutCarriesOnlyProtocolMessagesAndRequestsSentBeforeStdinClosesAreAnswered() throws Exception {
    Process server = new ProcessBuilder(command("--sandbox")).start();
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(server.getErrorStream()));
    try (OutputStream in = server.getOutputStream()) {
      in.write(("""
          {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
          {"jsonrpc":"2.0","method":"notifications/initialized"}
          {"jsonrpc":"2.0","id":2,"method":"tools/list"}
          {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"workspaces_list","arguments":{}}}
          """).getBytes(StandardCharsets.UTF_8));
    } // closing stdin right away, as a script piping its requests in does
    String stdout = new String(readAll(server.getInputStream()), StandardCharsets.UTF_8);

    assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server ends when its input does");
    assertEquals(0, server.exitValue());
    List<Object> ids = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      Map<?, ?> message = TestServers.parse(line);
      assertEquals("2.0", message.get("jsonrpc"), line);
      ids.add(message.get("id"));
    }
    assertEquals(List.of(1, 2, 3), ids.stream().sorted((a, b) -> Integer.compare((int) a, (int) b)).toList(),
        "one answer per request, none dropped: " + stdout);
    String log = new String(stderr.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    assertTrue(log.contains("serving " + dev.asanaconnector.AsanaClient.describe().stream()
        .filter(CatalogTools::isReadOnly).count() + " tools over stdio (sandbox)"), "the log goes to stderr: " + log);
  }

  @Test
  void aLineThatIsNotJsonRpcEndsTheServerInsteadOfLeavingItHanging() throws Exception {
    Process server = new ProcessBuilder(command("--sandbox")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    OutputStream in = server.getOutputStream();
    in.write("this is not JSON\n".getBytes(StandardCharsets.UTF_8));
    in.flush(); // stdin stays open: only the bad line can end the session

    try {
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the SDK stops reading after a bad line; the server ends");
      assertEquals(0, server.exitValue());
    } finally {
      server.destroyForcibly();
      in.close();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The arguments of {@code java} that run the server with {@code args}, on this test's class path. */
  private static List<String> serverCommand(String... args) {
    List<String> command = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), AsanaMcpServer.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(serverCommand(args));
    return command;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
