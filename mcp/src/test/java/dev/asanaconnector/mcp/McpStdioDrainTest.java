package dev.asanaconnector.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The end of stdin held back until the requests read before it are answered, and no longer than that. */
class McpStdioDrainTest {
  private static final String REQUESTS = """
      {"jsonrpc":"2.0","id":1,"method":"tools/list"}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      {"jsonrpc":"2.0","id":"two","method":"tools/call","params":{"name":"workspaces_list"}}
      """;

  @Test
  void theEndOfInputWaitsForAnAnswerToEachRequestButNotToNotifications() throws Exception {
    StdioDrain drain = new StdioDrain(TestServers.JSON, Duration.ofSeconds(30));
    InputStream in = drain.input(new ByteArrayInputStream(REQUESTS.getBytes(StandardCharsets.UTF_8)));
    OutputStream out = drain.output(new ByteArrayOutputStream());

    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(in));
    out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
    out.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThrows(TimeoutException.class, () -> read.get(300, TimeUnit.MILLISECONDS),
        "one request still has no answer: the end of input is held back");
    out.write("{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));

    assertEquals(REQUESTS, new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  @Test
  void aFailedOutputOrTheTimeLimitReleasesTheEndOfInput() throws Exception {
    StdioDrain broken = new StdioDrain(TestServers.JSON, Duration.ofSeconds(30));
    InputStream brokenIn = broken.input(new ByteArrayInputStream(REQUESTS.getBytes(StandardCharsets.UTF_8)));
    OutputStream brokenOut = broken.output(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    });
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(brokenIn));
    assertFalse(read.isDone());
    assertThrows(IOException.class, () -> brokenOut.write("{\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(REQUESTS.length(), read.get(10, TimeUnit.SECONDS).length, "the client is gone: nothing to wait for");

    StdioDrain limited = new StdioDrain(TestServers.JSON, Duration.ofMillis(200));
    long start = System.nanoTime();
    readAll(limited.input(new ByteArrayInputStream(REQUESTS.getBytes(StandardCharsets.UTF_8))));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= 150 && waited < 10_000, "waited about the limit: " + waited + " ms");
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
