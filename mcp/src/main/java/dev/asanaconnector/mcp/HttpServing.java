package dev.asanaconnector.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Serves MCP over Streamable HTTP at {@code /mcp}: the SDK's servlet transport on embedded Tomcat, behind an
 * {@link AccessFilter}. Bound to one address (loopback unless told otherwise); a bind that is not loopback
 * must have a bearer secret, which the caller checks before starting.
 */
final class HttpServing implements AutoCloseable {
  /** The MCP endpoint's path. */
  static final String ENDPOINT = "/mcp";

  // Tomcat logs through java.util.logging, whose console handler writes to stderr; its INFO lines on every
  // start are noise here. Held in fields: java.util.logging keeps only weak references to its loggers.
  private static final java.util.logging.Logger TOMCAT_LOG = java.util.logging.Logger.getLogger("org.apache");
  /** Its check for threads a stopped web application left behind names Reactor's shared ones, which outlive any server. */
  private static final java.util.logging.Logger LEAK_CHECK_LOG =
      java.util.logging.Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");

  private final Tomcat tomcat;
  private final McpSyncServer server;
  private final Path baseDir;
  private final int port;

  private HttpServing(Tomcat tomcat, McpSyncServer server, Path baseDir, int port) {
    this.tomcat = tomcat;
    this.server = server;
    this.baseDir = baseDir;
    this.port = port;
  }

  /**
   * Starts serving {@code tools} on {@code host}:{@code port} (0: any free port).
   *
   * @param secret the bearer secret every request must carry, or null for none (loopback only)
   * @param extraOrigins browser origins allowed besides the loopback ones
   */
  static HttpServing start(ToolServer tools, McpJsonMapper json, String host, int port, String secret,
      List<String> extraOrigins) {
    TOMCAT_LOG.setLevel(Level.WARNING);
    LEAK_CHECK_LOG.setLevel(Level.SEVERE);
    DefaultServerTransportSecurityValidator originAndHost = validator(host, extraOrigins);
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(json)
        .mcpEndpoint(ENDPOINT)
        .httpHeaderValidator(originAndHost) // checked by AccessFilter first, for every path and method too
        .build();
    McpSyncServer server = tools.build(McpServer.sync(transport));
    Path baseDir = null;
    Tomcat tomcat = new Tomcat();
    try {
      // Tomcat needs a folder of its own for its work files, though this server has no web application.
      baseDir = Files.createTempDirectory("asana-mcp-http-");
      tomcat.setBaseDir(baseDir.toString());
      Connector connector = new Connector();
      connector.setPort(port);
      connector.setProperty("address", host);
      tomcat.setConnector(connector);

      StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
      // Tomcat's leak checks on stop are for redeployed web applications; here they only warn about Reactor's
      // shared threads and ask for --add-opens.
      context.setClearReferencesRmiTargets(false);
      context.setClearReferencesThreadLocals(false);
      Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
      servlet.setAsyncSupported(true); // the transport streams answers as server-sent events
      context.addServletMapping(ENDPOINT, "mcp");

      FilterDef access = new FilterDef();
      access.setFilterName("access");
      access.setFilter(new AccessFilter(originAndHost, secret));
      access.setAsyncSupported("true");
      context.addFilterDef(access);
      FilterMap everything = new FilterMap();
      everything.setFilterName("access");
      everything.addURLPattern("/*");
      context.addFilterMap(everything);

      tomcat.start();
      if (connector.getLocalPort() <= 0) {
        throw new IllegalStateException("could not listen on " + host + ":" + port);
      }
      return new HttpServing(tomcat, server, baseDir, connector.getLocalPort());
    } catch (IOException | LifecycleException | RuntimeException e) {
      server.close();
      stop(tomcat);
      delete(baseDir);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("could not start the HTTP server on " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Origins: the loopback ones on any port, plus those given. Hosts: checked only on a loopback bind, where
   * a rebound DNS name would otherwise reach an unauthenticated server; elsewhere the bearer secret guards.
   */
  static DefaultServerTransportSecurityValidator validator(String host, List<String> extraOrigins) {
    DefaultServerTransportSecurityValidator.Builder builder = DefaultServerTransportSecurityValidator.builder();
    for (String scheme : List.of("http", "https")) {
      for (String name : List.of("localhost", "127.0.0.1", "[::1]")) {
        builder.allowedOrigin(scheme + "://" + name + ":*");
      }
    }
    builder.allowedOrigins(new ArrayList<>(extraOrigins));
    if (isLoopback(host)) {
      builder.allowedHosts(List.of("localhost:*", "127.0.0.1:*", "[::1]:*"));
    }
    return builder.build();
  }

  /** Whether {@code host} names only this machine (so no other machine can connect). */
  static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The port listened on. */
  int port() {
    return port;
  }

  @Override
  public void close() {
    server.close();
    stop(tomcat);
    delete(baseDir);
  }

  private static void stop(Tomcat tomcat) {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      TOMCAT_LOG.log(Level.WARNING, "Tomcat did not stop cleanly", e);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
