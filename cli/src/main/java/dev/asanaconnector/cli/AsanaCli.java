package dev.asanaconnector.cli;

import com.squareup.moshi.JsonAdapter;
import dev.asanaconnector.AsanaApiException;
import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.AttachmentDownload;
import dev.asanaconnector.InvalidParameterException;
import dev.asanaconnector.Params;
import dev.asanaconnector.PreparedWrite;
import dev.asanaconnector.TaskSearch;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/asana}: the connector's entities and actions as a command.
 *
 * <pre>
 * scripts/asana [--token T] [--base-url URL] [--sandbox] [--all] [--jsonl] [--output FILE] [--dry-run] ENTITY ACTION [--PARAM VALUE ...]
 * </pre>
 *
 * The global options may stand anywhere, before or after ENTITY ACTION. A write prints the record created
 * or updated ({@code {"data": {}}} for a delete); with {@code --dry-run} it prints the request instead
 * and sends nothing. Exit status: 0 on success, 2 on bad usage or input (one line on stderr naming the
 * option or parameter; an {@code --output} that cannot be written is bad input), 1 on an API or network
 * failure (the HTTP status and Asana's message). Never a stack trace, never the token.
 */
@Command(name = "asana", mixinStandardHelpOptions = false, sortOptions = false,
    description = "Runs an Asana connector action and prints its result as JSON.")
public final class AsanaCli {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  /** The credential a dry run's client holds: never the user's token, and never sent. */
  private static final String DRY_RUN_CREDENTIAL = "dry-run-sends-nothing";
  private static final JsonAdapter<Object> BODY = AsanaJson.moshi().adapter(Object.class);

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

  @Option(names = "--output", description = "Write the result to FILE instead of stdout")
  String output;

  @Option(names = "--dry-run", description = "For a write: print the request it would send (method, URL, body) "
      + "and send nothing")
  boolean dryRun;

  @Option(names = {"-h", "--help"}, description = "List the entities and actions, or an action's parameters")
  boolean help;

  @Parameters(description = "ENTITY ACTION [--PARAM VALUE ...]")
  List<String> words = new ArrayList<>();

  private final OutputStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final boolean terminal;

  /** @param terminal whether stderr is a terminal (then {@code --all} and downloads show progress) */
  AsanaCli(OutputStream out, PrintStream err, Map<String, String> env, boolean terminal) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    boolean terminal = Boolean.getBoolean("asana.progress");
    int status = run(args, System.out, System.err, System.getenv(), terminal);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command; returns the exit status. */
  static int run(String[] args, OutputStream out, PrintStream err, Map<String, String> env, boolean terminal) {
    AsanaCli cli = new AsanaCli(out, err, env, terminal);
    CommandLine commandLine = new CommandLine(cli);
    // Global options are taken wherever they stand; the --PARAM VALUE words picocli does not know are
    // left, in order, for Invocation. An option's value never comes from an option-like word.
    commandLine.setUnmatchedOptionsArePositionalParams(true);
    commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
    try {
      commandLine.parseArgs(args);
      return cli.call();
    } catch (CommandLine.ParameterException e) {
      err.println("asana: " + oneLine(e.getMessage().lines().findFirst().orElse("bad usage")));
      return USAGE;
    } catch (InvalidParameterException e) {
      err.println("asana: " + oneLine(e.getMessage()));
      return USAGE;
    } catch (OutputFile.Unwritable e) {
      err.println("asana: output: " + oneLine(e.getMessage()));
      return USAGE;
    } catch (AsanaApiException e) {
      err.println("asana: HTTP " + e.status() + ": " + oneLine(String.join("; ", e.messages()))
          + e.requestId().map(id -> " (request id " + id + ")").orElse(""));
      return FAILURE;
    } catch (AsanaException e) {
      err.println("asana: " + oneLine(e.getMessage()));
      return FAILURE;
    } catch (Output.DownloadFailed e) {
      err.println("asana: download failed: " + oneLine(String.valueOf(e.getMessage())));
      return FAILURE;
    } catch (IOException e) {
      err.println("asana: writing stdout failed: " + oneLine(String.valueOf(e.getMessage())));
      return FAILURE;
    } catch (RuntimeException e) {
      err.println("asana: unexpected " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage())));
      return FAILURE;
    }
  }

  int call() throws IOException {
    Invocation invocation = Invocation.parse(words);
    if (help && EventsCommand.handles(invocation)) {
      return EventsCommand.help(out);
    }
    if (help) {
      String text = Help.text(invocation.entity, invocation.action);
      if (invocation.entity != null && !Help.known(invocation.entity, invocation.action)) {
        err.print(text);
        return USAGE;
      }
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return OK;
    }
    if (invocation.entity == null || invocation.action == null) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "ENTITY and ACTION are required (scripts/asana --help lists them)");
    }
    Map<String, Object> tool = Help.find(invocation.entity, invocation.action);
    if (dryRun && tool != null && Boolean.TRUE.equals(tool.get("readOnly"))) {
      throw new InvalidParameterException("dry-run", "--dry-run is only for writes (create, update, delete); '"
          + invocation.entity + " " + invocation.action + "' is a read");
    }
    Map<String, Object> params = Invocation.withClears(invocation.params, tool);
    OutputFile target = output == null ? null : OutputFile.check(output);
    if (sandbox) {
      try (AsanaSandbox server = AsanaSandbox.builder().build()) {
        server.start();
        // Asana allows 60 searches a minute, and the client keeps to that; the embedded sandbox has no such
        // limit, so search --all is not paced there.
        AsanaClient.Builder builder = builder(server.baseUrl().toString(), server.token());
        builder.http().rateLimits(RateLimits.builder().searchRequestsPerMinute(0).build());
        return execute(build(builder), invocation, params, target);
      }
    }
    // A dry run sends nothing, so it needs no token, and is never given one: it cannot print what it lacks.
    String credential = dryRun ? DRY_RUN_CREDENTIAL : token != null ? token : env.get("ASANA_TOKEN");
    if (credential == null || credential.isBlank()) {
      throw new InvalidParameterException("token", "no Asana token: pass --token or set ASANA_TOKEN "
          + "(or use --sandbox)");
    }
    return execute(build(builder(baseUrl != null ? baseUrl : AsanaClient.DEFAULT_BASE_URL, credential)),
        invocation, params, target);
  }

  private static AsanaClient.Builder builder(String url, String credential) {
    AsanaClient.Builder builder;
    try {
      builder = AsanaClient.builder().personalAccessToken(credential);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("token", e.getMessage()); // names the problem, never echoes the token
    }
    try {
      return builder.baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("base-url", e.getMessage());
    }
  }

  private static AsanaClient build(AsanaClient.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("base-url", e.getMessage());
    }
  }

  private int execute(AsanaClient asana, Invocation invocation, Map<String, Object> params, OutputFile target)
      throws IOException {
    if (EventsCommand.handles(invocation)) {
      return new EventsCommand(out, err, all).run(asana, invocation, jsonl, target != null);
    }
    String entity = invocation.entity;
    String action = invocation.action;
    if (dryRun) {
      Map<String, Object> request = dryRunRequest(asana.prepareWrite(entity, action, params));
      emit(target, false, printer -> printer.dryRun(request, jsonl));
      return OK;
    }
    boolean searchAll = all && entity.equals("workspace_task_search") && action.equals("list");
    Output.Records records = null;
    Object result = null;
    if (searchAll) {
      records = searchRecords(asana, params);
    } else if (action.equals("list")) {
      // The library's pager: the first page now (a failure there is reported before any output), the
      // others with --all, and a server repeating an offset ends the listing instead of looping.
      records = new PagedRecords(asana.executePages(entity, action, params).iterator(), all);
    } else {
      result = asana.execute(entity, action, params);
    }
    boolean download = result instanceof AttachmentDownload;
    Output.Records pages = records;
    Object single = result;
    emit(target, terminal && (all || download), printer -> write(printer, pages, single));
    return OK;
  }

  private interface Printing {
    void print(Output printer) throws IOException;
  }

  /** Prints to stdout, or to the {@code --output} file (replaced only once the result is complete). */
  private void emit(OutputFile target, boolean showProgress, Printing printing) throws IOException {
    if (target == null) {
      printing.print(new Output(out, err, showProgress));
    } else {
      target.write(file -> printing.print(new Output(file, err, showProgress)));
    }
  }

  /**
   * {@code {"method", "url", "body"}}: a JSON body as JSON (so it reads as it will be sent), an upload's
   * multipart description as text, null for a request without a body (a DELETE).
   */
  static Map<String, Object> dryRunRequest(PreparedWrite write) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", write.method());
    request.put("url", write.url());
    String body = write.body();
    Object json = null;
    if (body != null && body.startsWith("{")) {
      try {
        json = BODY.fromJson(body);
      } catch (IOException | RuntimeException notJson) {
        json = null; // shown as the text it is
      }
    }
    request.put("body", json != null ? json : body);
    return request;
  }

  private void write(Output printer, Output.Records records, Object result) throws IOException {
    if (records != null) {
      printer.list(records, jsonl);
    } else if (result instanceof AttachmentDownload download) {
      try (InputStream in = download.openStream()) {
        printer.copy(in);
      }
    } else {
      printer.record((Map<?, ?>) result, jsonl);
    }
  }

  /**
   * {@code workspace_task_search list --all}: Asana's search returns at most 100 results and no offsets, so
   * this pages with core's search iterator (sorted by created_at, continuing from the last one's). That
   * iterator yields compact task records and sets the sort itself, so a different sort or extra
   * {@code opt_fields} are refused rather than silently dropped.
   */
  private static Output.Records searchRecords(AsanaClient asana, Map<String, Object> given) {
    Map<String, Object> params = new LinkedHashMap<>(given);
    Object workspace = params.remove("workspace_gid");
    Object sortBy = params.remove("sort_by");
    if (sortBy != null && !sortBy.equals("created_at")) {
      throw new InvalidParameterException("sort_by", "must be created_at (or left out) with --all: search pages "
          + "by created_at, ascending; was '" + sortBy + "'");
    }
    Object ascending = params.remove("sort_ascending");
    if (ascending != null && !ascending.toString().equalsIgnoreCase("true")) {
      throw new InvalidParameterException("sort_ascending", "must be true (or left out) with --all: search pages "
          + "by created_at, ascending; was '" + ascending + "'");
    }
    if (params.containsKey("opt_fields")) {
      throw new InvalidParameterException("opt_fields", "is not available with --all on workspace_task_search: "
          + "its pages are compact task records (gid, resource_type, name, resource_subtype, created_by); "
          + "leave out --all for one page of up to 100 with opt_fields");
    }
    Iterator<TaskCompact> tasks = asana.workspaceTaskSearch()
        .iterate(workspace == null ? null : workspace.toString(), TaskSearch.builder().build(),
            Params.builder().putAll(params).build())
        .iterator();
    JsonAdapter<TaskCompact> adapter = AsanaJson.moshi().adapter(TaskCompact.class);
    return new Output.Records() {
      @Override
      public boolean hasNext() {
        return tasks.hasNext();
      }

      @Override
      public Object next() {
        return adapter.toJsonValue(tasks.next());
      }

      @Override
      public Object nextPage() {
        return null; // search has no offsets to resume from
      }
    };
  }

  /** An offset-paged list: the first page, then with {@code all} each page after it in turn. */
  static final class PagedRecords implements Output.Records {
    private final Iterator<Map<String, Object>> pages;
    private final boolean all;
    private Map<String, Object> page;
    private Iterator<?> records;

    PagedRecords(Iterator<Map<String, Object>> pages, boolean all) {
      this.pages = pages;
      this.all = all;
      this.page = pages.next();
      this.records = ((List<?>) page.get("data")).iterator();
    }

    @Override
    public boolean hasNext() {
      while (!records.hasNext()) {
        if (!all || !pages.hasNext()) {
          return false;
        }
        Map<String, Object> fetched = pages.next();
        page = fetched; // only once it arrived: after a failure nextPage() is still where to resume
        records = ((List<?>) fetched.get("data")).iterator();
      }
      return true;
    }

    @Override
    public Object next() {
      return records.next();
    }

    @Override
    public Object nextPage() {
      return ((Map<?, ?>) page.get("meta")).get("next_page");
    }
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
