package dev.asanaconnector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ServerSocketFactory;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Checks that the contenders ask for the same pages and get the same bytes: a pass-through proxy in
 * front of the sandbox that records each request's path, decoded query and response size. Used once
 * before measuring (never in the measured path) and by the module's test.
 */
final class RecordingProxy implements AutoCloseable {
  /** One request as the server saw it. */
  record Exchange(String method, String path, Map<String, String> query, long responseBytes, int status) {
    /** The query without the offset (opaque, and different for every page). */
    Map<String, String> shape() {
      Map<String, String> shape = new TreeMap<>(query);
      shape.computeIfPresent("offset", (k, v) -> "*");
      return shape;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient upstream = new OkHttpClient();
  private final HttpUrl target;
  private final List<Exchange> exchanges = new ArrayList<>();

  /** @param targetBase the sandbox's API base URL */
  RecordingProxy(HttpUrl targetBase) {
    this.target = targetBase;
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        server.takeRequest(0, java.util.concurrent.TimeUnit.NANOSECONDS); // keep memory flat
        return forward(request);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lists {@code target}'s project and gets its task once per contender through a recording proxy, and
   * describes what each sent and received: the number of list requests, the response bytes, and the
   * request shapes (path with gids elided, query with the offset elided). Identical descriptions mean
   * the same pages and the same bytes.
   */
  static Map<Contender, String> summarize(Target target) {
    Map<Contender, String> summaries = new java.util.EnumMap<>(Contender.class);
    try (RecordingProxy proxy = new RecordingProxy(HttpUrl.get(target.baseUrl()))) {
      Target proxied = new Target(proxy.baseUrl().toString(), target.token(), target.projectGid(),
          target.taskGid(), target.attachmentGid());
      for (Contender contender : List.of(Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL)) {
        try (TaskReads reads = contender.open(proxied)) {
          long count = reads.listProjectTasks(target.projectGid(), task -> { });
          reads.getTask(target.taskGid());
          List<Exchange> exchanges = proxy.takeExchanges();
          long bytes = exchanges.stream().mapToLong(Exchange::responseBytes).sum();
          java.util.Set<String> shapes = new java.util.TreeSet<>();
          for (Exchange exchange : exchanges) {
            shapes.add(exchange.method() + " " + exchange.path().replaceAll("/\\d{6,}", "/{gid}") + exchange.shape());
          }
          summaries.put(contender, count + " tasks in " + (exchanges.size() - 1) + " list requests + 1 get, "
              + bytes + " response bytes, requests " + shapes);
        }
      }
    }
    return summaries;
  }

  /** The proxy's API base URL, with the sandbox's path. */
  HttpUrl baseUrl() {
    return server.url(target.encodedPath());
  }

  synchronized List<Exchange> takeExchanges() {
    List<Exchange> taken = new ArrayList<>(exchanges);
    exchanges.clear();
    return taken;
  }

  private MockResponse forward(RecordedRequest request) {
    HttpUrl in = request.getUrl();
    HttpUrl out = target.newBuilder().encodedPath(in.encodedPath()).encodedQuery(in.encodedQuery()).build();
    Request.Builder upstreamRequest = new Request.Builder().url(out);
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null) {
      upstreamRequest.header("Authorization", authorization);
    }
    try (Response response = upstream.newCall(upstreamRequest.build()).execute()) {
      byte[] body = response.body().bytes();
      Map<String, String> query = new TreeMap<>();
      for (String name : in.queryParameterNames()) {
        query.put(name, in.queryParameter(name));
      }
      synchronized (this) {
        exchanges.add(new Exchange(request.getMethod(), in.encodedPath(), query, body.length, response.code()));
      }
      Headers.Builder headers = new Headers.Builder();
      headers.add("Content-Type", response.header("Content-Type", "application/json; charset=UTF-8"));
      return new MockResponse.Builder().code(response.code()).headers(headers.build())
          .body(new Buffer().write(body)).build();
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).body("proxy: " + e).build();
    }
  }

  @Override
  public void close() {
    server.close();
    upstream.dispatcher().executorService().shutdown();
    upstream.connectionPool().evictAll();
  }

  /** Accepted sockets get TCP_NODELAY, or every small answer would wait for the client's delayed ACK. */
  static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return createServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }
}
