package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;

/**
 * An in-process stand-in for Asana's REST API, on two MockWebServers: the API (with the OAuth token
 * endpoint) on 127.0.0.1, and an S3-like attachment download host on 127.0.0.2 (falling back to
 * 127.0.0.1 on another port where 127.0.0.2 cannot be bound, so download URLs always point at a
 * different origin than the API).
 *
 * <pre>{@code
 * try (AsanaSandbox sandbox = AsanaSandbox.builder().seed(42).build()) {
 *   sandbox.start();
 *   HttpUrl base = sandbox.baseUrl();     // http://127.0.0.1:PORT/api/1.0/
 *   String token = sandbox.token();       // a valid personal access token
 *   String project = sandbox.data().projectGids().get(0);
 *   sandbox.faults().rateLimit429(2, Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * <p>The data is generated deterministically from the seed when the sandbox is built. The write
 * endpoints change it (reads see every write at once; created objects get gids of their own), record
 * events for {@code GET /events} ({@link #events()}) and deliver them to webhooks ({@link #webhooks()}).
 * The big project ({@link Builder#bigProjectTasks}) is generated on the fly and read-only. All methods
 * are thread-safe.
 */
public final class AsanaSandbox implements AutoCloseable {
  /** The default personal access token. */
  public static final String DEFAULT_TOKEN = "sandbox-token";
  static final String API_PREFIX = "/api/1.0/";
  static final String TOKEN_PATH = "/-/oauth_token";

  private static final Logger MWS_LOGGER = Logger.getLogger(MockWebServer.class.getName());

  static {
    // MockWebServer warns about connections that end without a request; cut connections and
    // clients that give up are routine here. Only quieten it when nobody configured that logger.
    if (MWS_LOGGER.getLevel() == null) {
      MWS_LOGGER.setLevel(Level.SEVERE);
    }
  }

  /** Responses that could not be streamed from the connection and were buffered instead (should stay 0). */
  private static final AtomicInteger BUFFERED = new AtomicInteger();

  private final String token;
  private final int port;
  private final Model model;
  private final SandboxData data;
  private final Tokens tokens;
  private final SandboxFaults faults;
  private final SandboxOAuth oauth;
  private final Render render;
  private final SandboxEvents events;
  private final SandboxWebhooks webhooks;
  private final Uploads uploads;
  private final WriteHandler writes;
  private final ApiHandler api;
  private final DownloadHandler downloads;
  private final AtomicInteger apiRequests = new AtomicInteger();
  private final AtomicInteger downloadRequests = new AtomicInteger();
  private final AtomicInteger downloadAuthorized = new AtomicInteger();
  private final AtomicLong requestIds = new AtomicLong();
  private final long requestIdSalt;

  private MockWebServer apiServer;
  private MockWebServer downloadServer;
  private volatile HttpUrl root;
  private volatile HttpUrl downloadRoot;
  private boolean started;
  private boolean closed;

  private AsanaSandbox(Builder b) {
    this.token = b.token;
    this.port = b.port;
    this.model = DataGenerator.generate(b.seed, b.tasksPerProject, b.bigProjectTasks, b.bigAttachmentBytes, b.premium);
    this.data = new SandboxData(model);
    this.tokens = new Tokens(Mix.mix64(b.seed ^ 0x70C3E5L), b.offsetTtl, b.downloadUrlTtl);
    this.faults = new SandboxFaults(tokens);
    this.oauth = new SandboxOAuth(b.seed, model.me);
    this.render = new Render(model.me, this::downloadUrl);
    Graph graph = new Graph(model);
    Refs refs = new Refs(model);
    this.webhooks = new SandboxWebhooks(model, b.seed);
    this.events = new SandboxEvents(model, graph, Mix.mix64(b.seed ^ 0xE7E475L), webhooks::onEvent);
    this.uploads = new Uploads(model, graph, events, b.maxUploadBytes);
    this.writes = new WriteHandler(model, render, new TaskWrites(model, graph, refs, events),
        new ContainerWrites(model, graph, refs, events), uploads, webhooks);
    this.api = new ApiHandler(model, render, tokens, events, webhooks);
    this.downloads = new DownloadHandler(model, tokens);
    this.requestIdSalt = Mix.mix64(b.seed ^ 0x12E9L);
  }

  /** A builder with the defaults: seed 42, 250 tasks in each of 20 projects, premium, no big project or attachment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts both servers. Throws {@link UncheckedIOException} when a port cannot be bound and
   * {@link IllegalStateException} when already started or closed.
   */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "sandbox closed" : "sandbox already started");
    }
    started = true;
    try {
      InetAddress apiAddress = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
      apiServer = newServer(apiAddress, this::dispatchApi);
      // Request bodies are held in memory: keep no more than the largest acceptable upload.
      apiServer.setBodyLimit(uploads.bodyLimit());
      apiServer.start(apiAddress, port);
      root = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(apiServer.getPort()).build();

      InetAddress dl = InetAddress.getByAddress("127.0.0.2", new byte[] {127, 0, 0, 2});
      downloadServer = newServer(dl, this::dispatchDownload);
      try {
        downloadServer.start(dl, 0);
      } catch (IOException e) {
        // 127.0.0.2 is loopback on Linux but not bindable everywhere (e.g. macOS without an alias):
        // use 127.0.0.1 on another port, still a different origin from the API.
        dl = apiAddress;
        downloadServer = newServer(dl, this::dispatchDownload);
        downloadServer.start(dl, 0);
      }
      downloadRoot = new HttpUrl.Builder().scheme("http").host(dl.getHostAddress())
          .port(downloadServer.getPort()).build();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot start the Asana sandbox", e);
    }
  }

  /** The request's body; empty when it has none (MockWebServer 3 records no body as null). */
  static ByteString body(RecordedRequest request) {
    ByteString body = request.getBody();
    return body == null ? ByteString.EMPTY : body;
  }

  /** Rethrows a checked exception unchanged where MockWebServer 3's Kotlin dispatcher declares none. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  private interface Handler {
    MockResponse dispatch(RecordedRequest request) throws InterruptedException;
  }

  private static MockWebServer newServer(InetAddress address, Handler handler) throws UnknownHostException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new Wire.Factory(address));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          // MockWebServer records every request in an unbounded queue; drop one per request so that
          // benchmarks making millions of calls run in constant memory.
          server.takeRequest(0, TimeUnit.NANOSECONDS);
          return handler.dispatch(request);
        } catch (InterruptedException e) {
          // The server is closing (MockWebServer 4 let this through the dispatcher's throws clause):
          // end the connection as an I/O failure, which MockWebServer 3 closes quietly.
          Thread.currentThread().interrupt();
          InterruptedIOException end = new InterruptedIOException("sandbox closing");
          end.initCause(e);
          throw AsanaSandbox.<RuntimeException>sneakyThrow(end);
        }
      }
    });
    return server;
  }

  /** Stops both servers. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    webhooks.close();
    for (MockWebServer s : new MockWebServer[] {apiServer, downloadServer}) {
      if (s != null) {
        try {
          s.close();
        } catch (RuntimeException | AssertionError e) {
          // MockWebServer 3 throws AssertionError when a connection thread outlives its 5 s shutdown wait.
          // best effort
        }
      }
    }
  }

  private HttpUrl root() {
    HttpUrl r = root;
    if (r == null) {
      throw new IllegalStateException("sandbox not started");
    }
    return r;
  }

  /** The API base URL with a trailing slash, e.g. {@code http://127.0.0.1:PORT/api/1.0/}. */
  public HttpUrl baseUrl() {
    return root().resolve(API_PREFIX);
  }

  /** The OAuth token endpoint, e.g. {@code http://127.0.0.1:PORT/-/oauth_token}. */
  public HttpUrl tokenUrl() {
    return root().resolve(TOKEN_PATH);
  }

  /** The root of the attachment download host (normally {@code http://127.0.0.2:PORT/}). */
  public HttpUrl downloadBaseUrl() {
    HttpUrl r = downloadRoot;
    if (r == null) {
      throw new IllegalStateException("sandbox not started");
    }
    return r;
  }

  /** The valid personal access token (also: any unexpired access token issued by {@link #oauth()}). */
  public String token() {
    return token;
  }

  /** The seeded gids and the attachment byte helpers. Available before {@link #start()}. */
  public SandboxData data() {
    return data;
  }

  /** Switchable faults and limits. */
  public SandboxFaults faults() {
    return faults;
  }

  /** The event stream behind GET /events: sync-token expiry for tests. */
  public SandboxEvents events() {
    return events;
  }

  /** Webhooks: delivery retry timing, heartbeats, waiting for deliveries. */
  public SandboxWebhooks webhooks() {
    return webhooks;
  }

  /** The OAuth token endpoint's settings and counters. */
  public SandboxOAuth oauth() {
    return oauth;
  }

  /** Requests received by the API server (API calls, token calls and unknown paths, rejected ones too). */
  public int requestCount() {
    return apiRequests.get();
  }

  /** Calls to the OAuth token endpoint. */
  public int tokenRequestCount() {
    return oauth.tokenRequestCount();
  }

  /** Requests received by the download host. */
  public int downloadRequestCount() {
    return downloadRequests.get();
  }

  /** Download requests that carried an Authorization header (a client should never send one there). */
  public int downloadRequestsWithAuthorization() {
    return downloadAuthorized.get();
  }

  /** For tests: how many responses in this JVM had to be buffered in memory instead of streamed. */
  static int bufferedResponses() {
    return BUFFERED.get();
  }

  // ---- request handling ----

  private String downloadUrl(Attachment a) {
    return DownloadHandler.url(downloadBaseUrl(), tokens, a).toString();
  }

  private String requestId() {
    return Mix.hex(Mix.mix64(requestIdSalt + requestIds.incrementAndGet()));
  }

  private boolean authorized(RecordedRequest request) {
    String h = request.getHeaders().get("Authorization");
    if (h == null || h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String t = h.substring(7).trim();
    return t.equals(token) || oauth.isValidAccessToken(t);
  }

  private MockResponse dispatchApi(RecordedRequest request) throws InterruptedException {
    apiRequests.incrementAndGet();
    String requestId = requestId();
    SandboxFaults.Injected injected = faults.admit(SandboxFaults.Target.API);
    if (injected != null) {
      Reply r = injected.status() == 429
          ? Reply.error(429, "You have made too many requests recently. Please, be chill.")
          : Reply.error(injected.status(), "Server Error");
      if (injected.status() == 429) {
        r.header("Retry-After", Long.toString(injected.retryAfterSeconds()));
      }
      return respond(r, requestId, false, -1, null);
    }
    Reply reply;
    String method = request.getMethod();
    try {
      faults.delay(SandboxFaults.Target.API);
      String path = request.getTarget();
      HttpUrl url = request.getUrl();
      if (path == null || url == null) {
        reply = Reply.error(400, "Bad request");
      } else if (path.startsWith(TOKEN_PATH) && (path.length() == TOKEN_PATH.length()
          || path.charAt(TOKEN_PATH.length()) == '?')) {
        reply = oauth.handle(request);
      } else if (path.startsWith(API_PREFIX)) {
        if (!authorized(request)) {
          reply = Reply.error(401, "Not Authorized");
        } else if ("GET".equals(method) || "HEAD".equals(method)) {
          reply = model.read(() -> api.handle(method, url));
        } else {
          reply = writes.handle(method, url, request);
        }
      } else {
        reply = Reply.error(404, ApiHandler.NO_ROUTE);
      }
    } catch (ApiError e) {
      reply = Reply.error(e.status, e.getMessage());
    } catch (InterruptedException e) {
      faults.release(SandboxFaults.Target.API);
      throw e;
    } catch (RuntimeException e) {
      reply = Reply.error(500, "Server Error");
    }
    long cut = faults.cutAfter(SandboxFaults.Target.API, reply.body.length());
    return respond(reply, requestId, "HEAD".equals(method), cut, () -> faults.release(SandboxFaults.Target.API));
  }

  private MockResponse dispatchDownload(RecordedRequest request) throws InterruptedException {
    downloadRequests.incrementAndGet();
    if (request.getHeaders().get("Authorization") != null) {
      downloadAuthorized.incrementAndGet();
    }
    String requestId = requestId();
    SandboxFaults.Injected injected = faults.admit(SandboxFaults.Target.DOWNLOAD);
    if (injected != null) {
      Reply r = injected.status() == 429
          ? DownloadHandler.s3Error(429, "SlowDown", "Please reduce your request rate.", requestId)
          : DownloadHandler.s3Error(injected.status(), injected.status() == 503 ? "ServiceUnavailable"
              : "InternalError", "We encountered an internal error. Please try again.", requestId);
      if (injected.status() == 429) {
        r.header("Retry-After", Long.toString(injected.retryAfterSeconds()));
      }
      return respond(r, requestId, false, -1, null);
    }
    Reply reply;
    String method = request.getMethod();
    try {
      faults.delay(SandboxFaults.Target.DOWNLOAD);
      HttpUrl url = request.getUrl();
      reply = url == null
          ? DownloadHandler.s3Error(400, "InvalidRequest", "Bad request", requestId)
          : downloads.handle(method, url, request.getHeaders().get("Range"), requestId);
    } catch (InterruptedException e) {
      faults.release(SandboxFaults.Target.DOWNLOAD);
      throw e;
    } catch (RuntimeException e) {
      reply = DownloadHandler.s3Error(500, "InternalError", "We encountered an internal error.", requestId);
    }
    long cut = faults.cutAfter(SandboxFaults.Target.DOWNLOAD, reply.body.length());
    return respond(reply, requestId, "HEAD".equals(method), cut, () -> faults.release(SandboxFaults.Target.DOWNLOAD));
  }

  /**
   * A header-only MockResponse carrying the real Content-Length; the body is parked on the connection
   * and streamed right after the headers (see {@link Wire}). {@code done} runs once it has been sent.
   */
  private static MockResponse respond(Reply reply, String requestId, boolean head, long cutAfter, Runnable done) {
    MockResponse.Builder r = new MockResponse.Builder();
    r.status("HTTP/1.1 " + reply.status + " " + Reply.reason(reply.status));
    r.setHeader("Content-Type", reply.contentType);
    r.setHeader("X-Request-Id", requestId);
    for (String[] h : reply.headers) {
      r.addHeader(h[0], h[1]);
    }
    long length = reply.body.length();
    r.setHeader("Content-Length", Long.toString(length));
    if (head || length == 0) {
      if (done != null) {
        done.run();
      }
      return r.build();
    }
    Wire.Pending pending = new Wire.Pending(reply.body, cutAfter, done);
    if (!Wire.park(pending)) {
      // Not on a hooked connection (should not happen): fall back to an in-memory body.
      Buffer buffer = new Buffer();
      try {
        reply.body.writeTo(buffer.outputStream(), length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      r.body(buffer);
      BUFFERED.incrementAndGet();
      pending.finish();
    }
    return r.build();
  }


  /** Configures an {@link AsanaSandbox}. */
  public static final class Builder {
    private long seed = 42;
    private int tasksPerProject = 250;
    private int bigProjectTasks;
    private long bigAttachmentBytes;
    private boolean premium = true;
    private String token = DEFAULT_TOKEN;
    private Duration offsetTtl = Duration.ofMinutes(30);
    private Duration downloadUrlTtl = Duration.ofMinutes(10);
    private long maxUploadBytes = Uploads.DEFAULT_MAX_BYTES;
    private int port;

    private Builder() {}

    /** Seed for all generated data (default 42): same seed, same gids, names and values. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Tasks generated in each of the 20 projects (default 250, so 5,000 in all; subtasks come on top). */
    public Builder tasksPerProject(int n) {
      if (n < 6) {
        throw new IllegalArgumentException("tasksPerProject must be at least 6");
      }
      this.tasksPerProject = n;
      return this;
    }

    /** Adds a project with {@code n} tasks generated on the fly from their index (0 = none). */
    public Builder bigProjectTasks(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("bigProjectTasks must be >= 0");
      }
      this.bigProjectTasks = n;
      return this;
    }

    /** Adds an attachment of {@code n} bytes generated on the fly (0 = none). */
    public Builder bigAttachmentBytes(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("bigAttachmentBytes must be >= 0");
      }
      this.bigAttachmentBytes = n;
      return this;
    }

    /** Whether the organization workspace is premium (default true); false makes its search answer 402. */
    public Builder premium(boolean premium) {
      this.premium = premium;
      return this;
    }

    /** The personal access token the API accepts (default {@value #DEFAULT_TOKEN}). */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token);
      return this;
    }

    /** How long pagination offsets stay valid (default 30 minutes; changeable later via faults()). */
    public Builder offsetTtl(Duration ttl) {
      this.offsetTtl = Objects.requireNonNull(ttl);
      return this;
    }

    /** How long download URLs stay valid (default 10 minutes; changeable later via faults()). */
    public Builder downloadUrlTtl(Duration ttl) {
      this.downloadUrlTtl = Objects.requireNonNull(ttl);
      return this;
    }

    /**
     * The largest file POST /attachments accepts (default Asana's 100 MB, 104,857,600 bytes); larger
     * ones get 413. Request bodies up to this plus 1 MiB are held in memory.
     */
    public Builder maxUploadBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxUploadBytes must be at least 1");
      }
      this.maxUploadBytes = bytes;
      return this;
    }

    /** The API server's port (default 0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Generates the data (not yet listening: call {@link AsanaSandbox#start()}). */
    public AsanaSandbox build() {
      return new AsanaSandbox(this);
    }
  }
}
