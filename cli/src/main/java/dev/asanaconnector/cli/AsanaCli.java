package dev.asanaconnector.cli;

import dev.asanaconnector.AsanaApiException;
import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.AttachmentDownload;
import dev.asanaconnector.InvalidParameterException;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/asana}: the connector's entities and actions as a command.
 *
 * <pre>
 * scripts/asana [--token T] [--base-url URL] [--sandbox] [--all] [--jsonl] [--output FILE] ENTITY ACTION [--PARAM VALUE ...]
 * </pre>
 *
 * Exit status: 0 on success, 2 on bad usage or input (one line on stderr naming the parameter), 1 on an
 * API or network failure (the HTTP status and Asana's message). Never a stack trace, never the token.
 */
@Command(name = "asana", mixinStandardHelpOptions = false, sortOptions = false,
    description = "Runs an Asana connector action and prints its result as JSON.")
public final class AsanaCli implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  @Option(names = "--token", description = "Asana personal access token (default: $ASANA_TOKEN)")
  String token;

  @Option(names = "--base-url", description = "API base URL (default: " + AsanaClient.DEFAULT_BASE_URL + ")")
  String baseUrl;

  @Option(names = "--sandbox", description = "Serve everything from the embedded Asana sandbox (no token needed)")
  boolean sandbox;

  @Option(names = "--all", description = "Follow next_page to the end")
  boolean all;

  @Option(names = "--jsonl", description = "Stream one record per line")
  boolean jsonl;

  @Option(names = "--output", description = "Write a download to FILE instead of stdout")
  Path output;

  @Option(names = {"-h", "--help"}, description = "List the entities and actions, or an action's parameters")
  boolean help;

  @Parameters(description = "ENTITY ACTION [--PARAM VALUE ...]")
  List<String> words = new ArrayList<>();

  private final OutputStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final boolean progress;

  AsanaCli(OutputStream out, PrintStream err, Map<String, String> env, boolean progress) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.progress = progress;
  }

  public static void main(String[] args) {
    boolean progress = Boolean.getBoolean("asana.progress");
    int status = run(args, System.out, System.err, System.getenv(), progress);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command; returns the exit status. */
  static int run(String[] args, OutputStream out, PrintStream err, Map<String, String> env, boolean progress) {
    AsanaCli cli = new AsanaCli(out, err, env, progress);
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setStopAtPositional(true);
    commandLine.setUnmatchedOptionsArePositionalParams(true);
    try {
      commandLine.parseArgs(args);
      return cli.call();
    } catch (CommandLine.ParameterException e) {
      err.println("asana: " + e.getMessage().lines().findFirst().orElse("bad usage"));
      return USAGE;
    } catch (InvalidParameterException e) {
      err.println("asana: " + oneLine(e.getMessage()));
      return USAGE;
    } catch (AsanaApiException e) {
      err.println("asana: HTTP " + e.status() + ": " + oneLine(String.join("; ", e.messages()))
          + e.requestId().map(id -> " (request id " + id + ")").orElse(""));
      return FAILURE;
    } catch (AsanaException e) {
      err.println("asana: " + oneLine(e.getMessage()));
      return FAILURE;
    } catch (IOException e) {
      err.println("asana: output failed: " + oneLine(String.valueOf(e.getMessage())));
      return FAILURE;
    } catch (RuntimeException e) {
      err.println("asana: unexpected " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage())));
      return FAILURE;
    }
  }

  @Override
  public Integer call() throws IOException {
    Invocation invocation = Invocation.parse(words);
    all |= invocation.all;
    jsonl |= invocation.jsonl;
    help |= invocation.help;
    if (invocation.output != null) {
      output = invocation.output;
    }
    if (help) {
      String text = Help.text(invocation.entity, invocation.action);
      if (invocation.entity != null && !Help.known(invocation.entity, invocation.action)) {
        err.print(text);
        return USAGE;
      }
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return OK;
    }
    if (invocation.entity == null || invocation.action == null) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "ENTITY and ACTION are required (scripts/asana --help lists them)");
    }
    if (sandbox) {
      try (AsanaSandbox server = AsanaSandbox.builder().build()) {
        server.start();
        return execute(client(server.baseUrl().toString(), server.token()), invocation);
      }
    }
    String credential = token != null ? token : env.get("ASANA_TOKEN");
    if (credential == null || credential.isBlank()) {
      throw new InvalidParameterException("token", "no Asana token: pass --token or set ASANA_TOKEN "
          + "(or use --sandbox)");
    }
    return execute(client(baseUrl != null ? baseUrl : AsanaClient.DEFAULT_BASE_URL, credential), invocation);
  }

  private static AsanaClient client(String url, String credential) {
    AsanaClient.Builder builder;
    try {
      builder = AsanaClient.builder().personalAccessToken(credential);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("token", e.getMessage()); // names the problem, never echoes the token
    }
    try {
      return builder.baseUrl(url).build();
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("base-url", e.getMessage());
    }
  }

  private int execute(AsanaClient asana, Invocation invocation) throws IOException {
    Output printer = new Output(out, err, progress);
    Object result = asana.execute(invocation.entity, invocation.action, invocation.params);
    if (result instanceof AttachmentDownload download) {
      try (InputStream in = download.openStream()) {
        if (output != null) {
          Path temp = Files.createTempFile(output.toAbsolutePath().getParent(), ".asana-", ".part");
          try (OutputStream file = Files.newOutputStream(temp)) {
            printer.copy(in, file);
          } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
          }
          Files.move(temp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
          printer.copy(in, out);
        }
      }
      return OK;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) result;
    if (invocation.action.equals("list")) {
      printer.list(document, all, jsonl, offset -> {
        Map<String, Object> next = new LinkedHashMap<>(invocation.params);
        next.put("offset", offset);
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) asana.execute(invocation.entity, invocation.action, next);
        return page;
      });
    } else {
      printer.record(document, jsonl);
    }
    return OK;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
