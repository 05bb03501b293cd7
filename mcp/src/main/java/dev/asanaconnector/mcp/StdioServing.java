package dev.asanaconnector.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import reactor.core.publisher.Mono;

/**
 * Serves one client over stdin/stdout with the SDK's stdio transport until the client goes: stdin ends (once
 * the requests read before have their answers, see {@link StdioDrain}), or the SDK ends the session (it stops
 * reading after a line that is not JSON-RPC). The SDK gives no signal for that, so its session transport is
 * wrapped to report being closed.
 */
final class StdioServing {
  /** How long answers to requests read before the end of stdin are waited for (retries included). */
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

  private StdioServing() {
  }

  /**
   * Serves until the session ends; {@code out} carries nothing but protocol messages.
   *
   * @param prerequisite work the tools need (the Asana client being built): its failure ends serving, and is
   *     thrown from here
   */
  static void serve(ToolServer tools, McpJsonMapper json, InputStream in, OutputStream out,
      CompletableFuture<?> prerequisite) throws InterruptedException {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    prerequisite.whenComplete((ready, failure) -> {
      if (failure != null) {
        ended.completeExceptionally(failure);
      }
    });
    StdioDrain drain = new StdioDrain(json, DRAIN_LIMIT);
    StdioServerTransportProvider stdio = new StdioServerTransportProvider(json, drain.input(in), drain.output(out));
    McpSyncServer server = tools.build(McpServer.sync(new EndReportingProvider(stdio, () -> ended.complete(null))));
    try {
      ended.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
    } finally {
      server.close();
    }
  }

  /** The stdio provider, its sessions' transports reporting their closing. */
  private static final class EndReportingProvider implements McpServerTransportProvider {
    private final StdioServerTransportProvider delegate;
    private final Runnable onEnd;

    EndReportingProvider(StdioServerTransportProvider delegate, Runnable onEnd) {
      this.delegate = delegate;
      this.onEnd = onEnd;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
      delegate.setSessionFactory(transport -> factory.create(new EndReportingTransport(transport, onEnd)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
      return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
      return delegate.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
      return delegate.protocolVersions();
    }
  }

  private static final class EndReportingTransport implements McpServerTransport {
    private final McpServerTransport delegate;
    private final Runnable onEnd;

    EndReportingTransport(McpServerTransport delegate, Runnable onEnd) {
      this.delegate = delegate;
      this.onEnd = onEnd;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return delegate.sendMessage(message);
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      return delegate.unmarshalFrom(data, type);
    }

    @Override
    public void close() {
      delegate.close();
      onEnd.run();
    }

    @Override
    public Mono<Void> closeGracefully() {
      return delegate.closeGracefully().doFinally(signal -> onEnd.run());
    }

    @Override
    public List<String> protocolVersions() {
      return delegate.protocolVersions();
    }
  }
}
