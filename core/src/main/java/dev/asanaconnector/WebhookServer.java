package dev.asanaconnector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server for {@link WebhookReceiver}s, on the JDK's own ({@code com.sun.net.httpserver}),
 * for applications without a server of their own. Each receiver answers POSTs to its exact path; other
 * methods get 405, other paths 404, bodies over {@link WebhookReceiver#MAX_BODY_BYTES} 413.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.start(new InetSocketAddress(8443))) {
 *   server.register("/asana/project-events", receiver);
 *   ...
 * }
 * }</pre>
 *
 * <p>It speaks plain HTTP, and Asana calls only HTTPS targets: put it behind the TLS proxy or load
 * balancer that serves the public URL, and give Asana that URL. It logs nothing.
 */
public final class WebhookServer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, WebhookReceiver> receivers = new ConcurrentHashMap<>();

  private WebhookServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server on {@code address} (port 0: any free port).
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static WebhookServer start(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    HttpServer http;
    try {
      http = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    // Two threads: a handler that takes its time does not hold up heartbeats or the handshake.
    ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "asana-webhooks-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    WebhookServer server = new WebhookServer(http, executor);
    http.createContext("/", server::exchange);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  /**
   * Routes POSTs to {@code path} to {@code receiver} and returns the local URL of that path (for a
   * server behind a proxy, the target to give Asana is the proxy's public URL instead).
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /} or has a receiver
   */
  public URI register(String path, WebhookReceiver receiver) {
    Objects.requireNonNull(receiver, "receiver");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    if (receivers.putIfAbsent(path, receiver) != null) {
      throw new IllegalArgumentException("path already has a receiver: " + path);
    }
    return url(path);
  }

  /** Stops routing {@code path}; its requests get 404 from now on. */
  public void unregister(String path) {
    receivers.remove(path);
  }

  /** The local URL of {@code path} on this server. */
  public URI url(String path) {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + path);
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      WebhookReceiver receiver = receivers.get(exchange.getRequestURI().getRawPath());
      if (receiver == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = read(exchange.getRequestBody());
      WebhookReceiver.Answer answer = body == null ? new WebhookReceiver.Answer(413, Map.of())
          : receiver.handle(exchange.getRequestHeaders(), body);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(answer.status(), -1);
    }
  }

  /** The body, or null when it is larger than a receiver accepts (not read past that). */
  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(WebhookReceiver.MAX_BODY_BYTES + 1);
    return body.length > WebhookReceiver.MAX_BODY_BYTES ? null : body;
  }

  /** Stops listening at once and ends the server's threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "WebhookServer[" + url("/") + ", paths " + receivers.keySet() + "]";
  }
}
