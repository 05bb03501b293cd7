package dev.asanaconnector.mcp;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.http.BaseUrls;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.mcp.ServerOptions.UsageException;
import dev.asanaconnector.sandbox.AsanaSandbox;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/asana-mcp}: the connector's catalog as an MCP server, over stdio (the default) or
 * Streamable HTTP.
 *
 * <pre>
 * scripts/asana-mcp [--sandbox] [--allow-writes] [--token T] [--base-url URL] [--max-output-chars N]
 * scripts/asana-mcp --http PORT [--host HOST] [--http-secret S] [--allow-origin ORIGIN ...] [...]
 * </pre>
 *
 * Credentials: {@code --token} or {@code ASANA_TOKEN}; or OAuth with {@code ASANA_CLIENT_ID},
 * {@code ASANA_CLIENT_SECRET} and {@code ASANA_REFRESH_TOKEN} (and optionally {@code ASANA_TOKEN_ENDPOINT});
 * {@code --sandbox} needs none. The HTTP secret may come from {@code ASANA_MCP_SECRET}. Over stdio, stdout
 * carries only protocol messages: logs and errors go to stderr. Exit status: 0 when the client has gone (or
 * on {@code --help}), 2 on bad usage (one line on stderr), 1 when the server cannot start.
 */
public final class AsanaMcpServer {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  /** The smallest output cap that leaves room for a record besides the envelope. */
  static final int MIN_OUTPUT_CHARS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(AsanaMcpServer.class);

  private AsanaMcpServer() {
  }

  /** Runs the server until its client goes (stdio) or the process is stopped (HTTP). */
  public static void main(String[] args) {
    // The protocol owns stdout: anything else printing there (a library, a stray println) goes to stderr.
    PrintStream protocol = System.out;
    System.setOut(System.err);
    int status = run(args, System.in, protocol, System.err, System.getenv());
    System.exit(status);
  }

  static int run(String[] args, InputStream in, OutputStream protocol, PrintStream err, Map<String, String> env) {
    ServerOptions options;
    Plan plan;
    String secret;
    try {
      options = ServerOptions.parse(args);
      if (options.help) {
        err.print(ServerOptions.HELP);
        return OK;
      }
      secret = options.secret(env);
      String problem = options.problem(secret);
      if (problem != null) {
        throw new UsageException(problem);
      }
      plan = Plan.of(options, env);
    } catch (UsageException e) {
      err.println("asana-mcp: " + e.getMessage());
      return USAGE;
    }
    ToolErrors masking = new ToolErrors(plan.secrets(secret));
    // The sandbox and the client start on another core while the protocol side starts here: a client's
    // first requests (initialize, tools/list) need no Asana, and a tool call waits for the client.
    CompletableFuture<Connection> connecting = CompletableFuture.supplyAsync(plan::connect);
    try {
      McpJsonMapper json = McpJsonDefaults.getMapper();
      ToolServer tools = toolServer((entity, action, params) -> connecting.join().client().execute(entity, action,
          params), AsanaClient.describe(), options.allowWrites, options.maxOutputChars, json, plan.secrets(secret));
      if (options.httpPort == null) {
        log.info("serving {} tools over stdio{}", tools.tools().size(), options.sandbox ? " (sandbox)" : "");
        StdioServing.serve(tools, json, in, protocol, connecting);
      } else {
        connecting.join();
        serveHttp(tools, json, options, secret);
      }
      return OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OK;
    } catch (RuntimeException e) {
      Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      err.println("asana-mcp: " + masking.clean(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
      return FAILURE;
    } finally {
      connecting.thenAccept(Connection::close);
    }
  }

  /**
   * The server's tools over {@code descriptions} (shaped like {@code AsanaClient.describe()}'s), their calls
   * answered by {@code runner}.
   *
   * @param secrets values masked in every error message
   */
  static ToolServer toolServer(ActionRunner runner, List<Map<String, Object>> descriptions, boolean allowWrites,
      int maxOutputChars, McpJsonMapper json, List<String> secrets) {
    List<CatalogTool> tools = CatalogTools.from(descriptions, allowWrites, maxOutputChars);
    return new ToolServer(tools, new ToolCalls(runner, json, new ToolErrors(secrets), maxOutputChars), json);
  }

  private static void serveHttp(ToolServer tools, McpJsonMapper json, ServerOptions options, String secret)
      throws InterruptedException {
    String bind = options.bindAddress();
    HttpServing http = HttpServing.start(tools, json, bind, options.httpPort, secret, options.allowedOrigins);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.close();
      stopped.countDown();
    }, "asana-mcp-shutdown"));
    log.info("serving {} tools at http://{}:{}{}{}", tools.tools().size(), bind.contains(":") ? "[" + bind + "]" : bind,
        http.port(), HttpServing.ENDPOINT, secret != null ? " (bearer secret required)" : "");
    stopped.await();
  }

  /**
   * How to reach Asana, decided (and checked) before serving; {@link #connect} then starts the sandbox, if
   * any, and builds the client.
   */
  private record Plan(boolean sandbox, boolean allowWrites, String baseUrl, Credentials credentials, List<String> credentialSecrets) {
    static Plan of(ServerOptions options, Map<String, String> env) {
      if (options.sandbox) {
        return new Plan(true, options.allowWrites, null, null, List.of());
      }
      String baseUrl = options.baseUrl != null ? options.baseUrl : AsanaClient.DEFAULT_BASE_URL;
      try {
        BaseUrls.requireSecure(HttpUrl.get(baseUrl), "--base-url");
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage().startsWith("--base-url") ? e.getMessage()
            : "--base-url: " + e.getMessage());
      }
      String personal = options.token != null ? options.token : env.get("ASANA_TOKEN");
      String clientId = env.get("ASANA_CLIENT_ID");
      String clientSecret = env.get("ASANA_CLIENT_SECRET");
      String refreshToken = env.get("ASANA_REFRESH_TOKEN");
      List<String> secrets = new ArrayList<>();
      Credentials credentials;
      try {
        if (personal != null && !personal.isBlank()) {
          credentials = Credentials.personalAccessToken(personal);
          secrets.add(personal);
        } else if (clientId != null && clientSecret != null && refreshToken != null) {
          OAuth2Credentials.Builder oauth = OAuth2Credentials.builder()
              .clientId(clientId).clientSecret(clientSecret).refreshToken(refreshToken);
          if (env.get("ASANA_TOKEN_ENDPOINT") != null) {
            oauth.tokenEndpoint(env.get("ASANA_TOKEN_ENDPOINT"));
          }
          credentials = Credentials.oauth2(oauth.build());
          secrets.addAll(List.of(clientSecret, refreshToken));
        } else {
          throw new UsageException("no Asana credentials: pass --token or set ASANA_TOKEN, or set ASANA_CLIENT_ID, "
              + "ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN for OAuth (or use --sandbox)");
        }
      } catch (IllegalArgumentException e) {
        // Core's messages name what is wrong with a credential and never show it.
        throw new UsageException("credentials: " + e.getMessage());
      }
      return new Plan(false, options.allowWrites, baseUrl, credentials, List.copyOf(secrets));
    }

    /** The credentials and {@code httpSecret}: what no message may show. */
    List<String> secrets(String httpSecret) {
      List<String> all = new ArrayList<>(credentialSecrets);
      if (httpSecret != null) {
        all.add(httpSecret);
      }
      return all;
    }

    Connection connect() {
      if (!sandbox) {
        return new Connection(clientBuilder(baseUrl).credentials(credentials).build(), null);
      }
      AsanaSandbox server = AsanaSandbox.builder().build();
      server.start();
      AsanaClient.Builder builder = clientBuilder(server.baseUrl().toString())
          .personalAccessToken(server.token());
      // Asana allows 60 searches a minute, which the client keeps to; the embedded sandbox has no such limit.
      builder.http().rateLimits(RateLimits.builder().searchRequestsPerMinute(0).build());
      return new Connection(builder.build(), server);
    }

    /**
     * The one place every client of this server is configured: without {@code --allow-writes} the client
     * itself is read-only, so a write is refused before anything is sent, not only left out of the tools.
     */
    private AsanaClient.Builder clientBuilder(String url) {
      AsanaClient.Builder builder = AsanaClient.builder().baseUrl(url).readOnly(!allowWrites);
      builder.http().userAgentProduct("asana-mcp/" + ToolServer.version());
      return builder;
    }
  }

  /** The client and the sandbox behind it, when there is one. */
  private record Connection(AsanaClient client, AsanaSandbox sandbox) {
    void close() {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }
}
