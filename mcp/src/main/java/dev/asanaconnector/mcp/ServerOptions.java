package dev.asanaconnector.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code scripts/asana-mcp}, parsed by hand: picocli (which {@code scripts/asana} uses)
 * took a fifth of a second of every start here, and its Java 5 class files cannot go into the class-data
 * archive that makes the server start fast.
 */
final class ServerOptions {
  static final String HELP = """
      Usage: asana-mcp [--sandbox] [--allow-writes] [--token T] [--base-url URL] [--max-output-chars N]
             asana-mcp --http PORT [--host HOST] [--http-secret S] [--allow-origin ORIGIN]... [...]
      Serves Asana's entities and actions as MCP tools, over stdio (the default) or Streamable HTTP.
        --sandbox              Serve the embedded Asana sandbox (no token needed)
        --allow-writes         Offer the catalog's write actions too (reads only without it)
        --token T              Asana personal access token (default: $ASANA_TOKEN; or OAuth from
                               $ASANA_CLIENT_ID, $ASANA_CLIENT_SECRET, $ASANA_REFRESH_TOKEN)
        --base-url URL         API base URL (default: https://app.asana.com/api/1.0/)
        --max-output-chars N   Longest tool result, in characters (default: 100000)
        --http PORT            Serve Streamable HTTP at /mcp on PORT instead of stdio
        --host HOST            Address to bind with --http (default: 127.0.0.1); a non-loopback one
                               needs a secret
        --http-secret S        Bearer secret every HTTP request must carry (default: $ASANA_MCP_SECRET)
        --allow-origin ORIGIN  A browser origin allowed besides the loopback ones (repeatable)
        -h, --help             Show this help
      """;

  boolean sandbox;
  boolean allowWrites;
  boolean help;
  String token;
  String baseUrl;
  int maxOutputChars = 100_000;
  Integer httpPort;
  String host;
  String httpSecret;
  final List<String> allowedOrigins = new ArrayList<>();

  private ServerOptions() {
  }

  /**
   * Parses {@code args}: flags, and options as {@code --name value} or {@code --name=value}.
   *
   * @throws UsageException naming the option that is unknown, lacks its value or has a bad one
   */
  static ServerOptions parse(String[] args) {
    ServerOptions options = new ServerOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String inline = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inline = arg.substring(equals + 1);
      }
      switch (name) {
        case "--sandbox" -> options.sandbox = flag(name, inline);
        case "--allow-writes" -> options.allowWrites = flag(name, inline);
        case "-h", "--help" -> options.help = flag(name, inline);
        default -> {
          if (!isKnown(name)) {
            throw new UsageException("unknown option " + name + " (--help lists them)");
          }
          String value = inline;
          if (value == null) {
            // A value never comes from an option-like word: "--token --sandbox" is a missing token.
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
              throw new UsageException(name + " needs a value");
            }
            value = args[++i];
          }
          options.set(name, value);
        }
      }
    }
    return options;
  }

  private void set(String name, String value) {
    switch (name) {
      case "--token" -> token = value;
      case "--base-url" -> baseUrl = value;
      case "--max-output-chars" -> maxOutputChars = integer(name, value);
      case "--http" -> httpPort = integer(name, value);
      case "--host" -> host = value;
      case "--http-secret" -> httpSecret = value;
      case "--allow-origin" -> allowedOrigins.add(value);
      default -> throw new AssertionError(name);
    }
  }

  private static boolean isKnown(String name) {
    return List.of("--token", "--base-url", "--max-output-chars", "--http", "--host", "--http-secret",
        "--allow-origin").contains(name);
  }

  private static boolean flag(String name, String inline) {
    if (inline != null) {
      throw new UsageException(name + " takes no value");
    }
    return true;
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, was '" + value + "'");
    }
  }

  /** What is wrong with the options as given (they cannot work together), or null. */
  String problem(String secret) {
    if (maxOutputChars < AsanaMcpServer.MIN_OUTPUT_CHARS) {
      return "--max-output-chars must be at least " + AsanaMcpServer.MIN_OUTPUT_CHARS + ", was " + maxOutputChars;
    }
    if (httpPort == null) {
      if (host != null || httpSecret != null || !allowedOrigins.isEmpty()) {
        return "--host, --http-secret and --allow-origin go with --http PORT";
      }
      return null;
    }
    if (httpPort < 0 || httpPort > 65_535) {
      return "--http PORT must be between 0 and 65535, was " + httpPort;
    }
    if (secret != null && secret.strip().length() < 16) {
      return "the HTTP secret (--http-secret or ASANA_MCP_SECRET) must be at least 16 characters";
    }
    if (secret == null && !HttpServing.isLoopback(bindAddress())) {
      return "--host " + bindAddress() + " is not a loopback address: other machines could connect, so a bearer "
          + "secret is required (--http-secret or ASANA_MCP_SECRET)";
    }
    return null;
  }

  /** The address to bind with {@code --http}. */
  String bindAddress() {
    return host != null ? host : "127.0.0.1";
  }

  /** The HTTP secret: {@code --http-secret}, else {@code ASANA_MCP_SECRET}, else null. */
  String secret(Map<String, String> env) {
    return httpSecret != null ? httpSecret : env.get("ASANA_MCP_SECRET");
  }

  /** Options that are unknown, incomplete or cannot work together; the message is one line. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
