package dev.asanaconnector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import dev.asanaconnector.cli.CliRun.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parts of the command line's contract an audit found broken: search past 100 results with
 * {@code --all}, progress only with {@code --all}, global options in any position, {@code --output} checks
 * and exit codes, and valid output when a page after the first fails.
 */
class CliContractTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  private static Result run(boolean terminal, Map<String, String> env, String... args) {
    return CliRun.run(terminal, env, args);
  }

  private static Result api(boolean terminal, String... words) {
    return CliRun.api(sandbox, terminal, words);
  }

  private static Result api(String... words) {
    return api(false, words);
  }

  private static List<String> gids(List<?> records) {
    return records.stream().map(r -> (String) ((Map<?, ?>) r).get("gid")).toList();
  }

  private static List<String> openWorkspaceTasks() {
    return data.tasks().stream()
        .filter(t -> t.workspaceGid().equals(data.workspaceGid()) && !t.completed())
        .map(SandboxData.TaskInfo::gid).sorted().toList();
  }

  // 1. workspace_task_search list --all pages past Asana's 100 results per call.

  @Test
  void searchAllReturnsEveryMatchOnceNotJustTheFirstHundred() {
    List<String> expected = openWorkspaceTasks();
    assertTrue(expected.size() > 300, "the seed has more than 3 calls' worth: " + expected.size());

    // --sandbox: the embedded sandbox, same seed, where search is not paced at Asana's 60 calls a minute.
    Result one = run(false, Map.of(), "--sandbox", "workspace_task_search", "list", "--workspace_gid", data.workspaceGid(), "--completed", "false");
    assertEquals(0, one.status(), one.stderr());
    assertEquals(100, one.records().size(), "without --all: one call, Asana's cap");

    Result all = run(false, Map.of(), "--sandbox", "workspace_task_search", "list", "--workspace_gid",
        data.workspaceGid(), "--completed", "false", "--all");
    assertEquals(0, all.status(), all.stderr());
    List<String> got = gids(all.records());
    assertEquals(got.size(), got.stream().distinct().count(), "no task twice");
    assertEquals(expected, got.stream().sorted().toList());
    assertNull(all.meta().get("next_page"));
    Map<?, ?> first = (Map<?, ?>) all.records().get(0);
    assertTrue(first.containsKey("name") && first.containsKey("resource_type"), "compact records: " + first);

    Result lines = run(false, Map.of(), "--sandbox", "--jsonl", "--all", "workspace_task_search", "list", "--workspace_gid", data.workspaceGid(),
        "--completed", "false");
    assertEquals(0, lines.status(), lines.stderr());
    assertEquals(expected, lines.out().lines().map(l -> (String) CliRun.parse(l).get("gid")).sorted().toList());
  }

  @Test
  void searchAllPagesThroughTasksThatShareACreatedAt() {
    String tied = data.tiedCreatedAt();
    int ties = data.tiedCreatedAtCount();
    Result all = run(false, Map.of(), "--sandbox", "--all", "workspace_task_search", "list", "--workspace_gid",
        data.workspaceGid(), "--created_at.before", java.time.OffsetDateTime.parse(tied).plusNanos(1_000_000).toString());
    assertEquals(0, all.status(), all.stderr());
    List<String> got = gids(all.records());
    List<String> expected = data.tasks().stream()
        .filter(t -> t.workspaceGid().equals(data.workspaceGid()) && t.createdAt() != null
            && !java.time.OffsetDateTime.parse(t.createdAt()).isAfter(java.time.OffsetDateTime.parse(tied)))
        .map(SandboxData.TaskInfo::gid).sorted().toList();
    assertTrue(ties > 1 && expected.size() > 100, ties + " ties, " + expected.size() + " tasks");
    assertEquals(expected, got.stream().sorted().toList());
  }

  static Stream<Arguments> searchAllRefusals() {
    return Stream.of(
        Arguments.of(new String[] {"--sort_by", "modified_at"}, "asana: sort_by: must be created_at"),
        Arguments.of(new String[] {"--sort_ascending", "false"}, "asana: sort_ascending: must be true"),
        Arguments.of(new String[] {"--opt_fields", "notes"}, "asana: opt_fields: is not available with --all"),
        Arguments.of(new String[] {"--limit", "500"}, "asana: limit: must be between 1 and 100"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("searchAllRefusals")
  void searchAllRefusesWhatItCouldOnlyDropSilently(String[] extra, String message) {
    List<String> words = new ArrayList<>(List.of("--all", "workspace_task_search", "list", "--workspace_gid",
        data.workspaceGid(), "--completed", "false"));
    words.addAll(List.of(extra));
    Result result = api(words.toArray(new String[0]));
    assertEquals(2, result.status(), result.stderr());
    assertTrue(result.stderr().startsWith(message), result.stderr());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertEquals(0, result.stdout().length);
  }

  @Test
  void searchAllOnANonPremiumWorkspaceIsAnApiFailureWithNothingOnStdout() {
    Result result = api("--all", "workspace_task_search", "list", "--workspace_gid", data.personalWorkspaceGid(),
        "--completed", "false");
    assertEquals(1, result.status(), result.stderr());
    assertTrue(result.stderr().startsWith("asana: HTTP 402: "), result.stderr());
    assertEquals(0, result.stdout().length);
  }

  // 2. The progress line: on stderr, only when stderr is a terminal, only for --all and downloads.

  @Test
  void progressOnlyWithAllAndOnlyOnATerminal() {
    String project = data.projectGids().get(0);
    Result onePage = api(true, "project_tasks", "list", "--project_gid", project, "--limit", "5");
    assertEquals(0, onePage.status(), onePage.stderr());
    assertEquals("", onePage.stderr(), "no progress without --all");
    Result get = api(true, "tasks", "get", "--task_gid", data.richTaskGid());
    assertEquals("", get.stderr(), "no progress for a get");

    Result all = api(true, "--all", "project_tasks", "list", "--project_gid", project, "--limit", "7");
    assertEquals(0, all.status(), all.stderr());
    int count = data.taskGids(project).size();
    assertTrue(all.stderr().contains(String.format("%,d records", count)) && all.stderr().contains("records/s"),
        all.stderr());
    assertTrue(all.stderr().endsWith("\n"), "the progress line is ended");
    assertEquals(count, all.records().size(), "stdout is still just the document");

    Result notTerminal = api(false, "--all", "project_tasks", "list", "--project_gid", project, "--limit", "7");
    assertEquals("", notTerminal.stderr());

    String attachment = data.downloadableAttachmentGids().get(0);
    Result download = api(true, "attachments", "download", "--attachment_gid", attachment);
    assertArrayEquals(data.attachmentBytes(attachment), download.stdout());
    assertTrue(download.stderr().contains("MiB/s"), download.stderr());
  }

  // 3. Options in any position; errors name the option; no option-like word taken as a value.

  @Test
  void globalOptionsWorkAfterEntityAndAction(@TempDir Path dir) throws IOException {
    String project = data.projectGids().get(0);
    Result after = run(false, Map.of(), "project_tasks", "list", "--project_gid", project, "--limit", "7",
        "--token", sandbox.token(), "--base-url", sandbox.baseUrl().toString(), "--all");
    assertEquals(0, after.status(), after.stderr());
    assertEquals(data.taskGids(project).size(), after.records().size());

    Result sandboxLast = run(false, Map.of(), "workspaces", "list", "--sandbox");
    assertEquals(0, sandboxLast.status(), sandboxLast.stderr());
    assertEquals(2, sandboxLast.records().size());

    Result mixed = run(false, Map.of(), "--jsonl", "tasks", "--sandbox", "get", "--task_gid", data.richTaskGid());
    assertEquals(0, mixed.status(), mixed.stderr());
    assertEquals(data.richTaskGid(), CliRun.parse(mixed.out()).get("gid"));

    Path file = dir.resolve("w.json");
    Result output = run(false, Map.of(), "workspaces", "list", "--output", file.toString(), "--sandbox");
    assertEquals(0, output.status(), output.stderr());
    assertEquals(0, output.stdout().length);
    assertEquals(2, ((List<?>) CliRun.parse(Files.readString(file)).get("data")).size());

    Result help = run(false, Map.of(), "workspace_task_search", "list", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--assignee.any"), help.out());

    Result valueWithDashes = run(false, Map.of(), "--sandbox", "workspace_task_search", "list", "--workspace_gid",
        data.workspaceGid(), "--text=--no-such-text");
    assertEquals(0, valueWithDashes.status(), valueWithDashes.stderr());
    assertEquals(List.of(), valueWithDashes.records());
  }

  static Stream<Arguments> badOptions() {
    String ws = "1";
    return Stream.of(
        Arguments.of(new String[] {"--bogus", "workspaces", "list"}, "asana: --bogus: unknown option"),
        Arguments.of(new String[] {"--bogus=1", "workspaces", "list"}, "asana: --bogus: unknown option"),
        Arguments.of(new String[] {"-x", "workspaces", "list"}, "asana: -x: unknown option"),
        Arguments.of(new String[] {"workspaces", "--bogus", "list"}, "asana: --bogus: unknown option"),
        Arguments.of(new String[] {"--token", "--sandbox", "workspaces", "list"},
            "asana: Expected parameter for option '--token' but found '--sandbox'"),
        Arguments.of(new String[] {"--base-url", "--nope", "workspaces", "list"},
            "asana: Unknown option: '--nope'; Expected parameter for option '--base-url'"),
        Arguments.of(new String[] {"workspaces", "list", "--output"},
            "asana: Missing required parameter for option '--output'"),
        Arguments.of(new String[] {"--sandbox", "--sandbox", "workspaces", "list"},
            "asana: option '--sandbox' should be specified only once"),
        Arguments.of(new String[] {"--sandbox", "projects", "list", "--workspace", "--archived", "false"},
            "asana: workspace: needs a value but is followed by the option '--archived'"),
        Arguments.of(new String[] {"--sandbox", "workspace_task_search", "list", "--workspace_gid", ws, "--text",
            "--all"}, "asana: text: needs a value"),
        Arguments.of(new String[] {"--sandbox", "projects", "list", "--workspace", "--limit=5"},
            "asana: workspace: needs a value but is followed by the option '--limit'"),
        Arguments.of(new String[] {"--sandbox", "workspaces", "list", "extra"}, "asana: extra: unexpected word"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badOptions")
  void badOptionsExitTwoNamingTheOption(String[] args, String message) {
    Result result = run(false, Map.of(), args);
    assertEquals(2, result.status(), result.stderr());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertTrue(result.stderr().startsWith(message), result.stderr());
    assertEquals(0, result.stdout().length);
  }

  @Test
  void aTokenGivenTwiceIsRefusedWithoutEchoingIt() {
    Result result = run(false, Map.of(), "--token", "s3cret-one-111", "workspaces", "list", "--token",
        "s3cret-two-222");
    assertEquals(2, result.status());
    assertTrue(result.stderr().startsWith("asana: option '--token'"), result.stderr());
    assertFalse(result.stderr().contains("s3cret"), result.stderr());
  }

  // 4. An --output that cannot be written is bad input: exit 2, naming output, before any request.

  @Test
  void unwritableOutputExitsTwoBeforeAnyRequest(@TempDir Path dir) throws IOException {
    String attachment = data.downloadableAttachmentGids().get(0);
    Path regularFile = Files.writeString(dir.resolve("plain.txt"), "x");
    Map<String, String> cases = Map.of(
        dir.resolve("missing").resolve("f.bin").toString(), "asana: output: cannot write",
        dir.toString(), "asana: output: '" + dir + "' is a directory",
        regularFile.resolve("f.bin").toString(), "asana: output: cannot write",
        "", "asana: output: needs a file name");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      AtomicInteger before = new AtomicInteger(sandbox.requestCount());
      Result result = api("--output", c.getKey(), "attachments", "download", "--attachment_gid", attachment);
      assertEquals(2, result.status(), c.getKey() + ": " + result.stderr());
      assertTrue(result.stderr().startsWith(c.getValue()), result.stderr());
      assertEquals(1, result.stderr().lines().count(), result.stderr());
      assertEquals(before.get(), sandbox.requestCount(), "no request was sent for " + c.getKey());
    }
    assertEquals("x", Files.readString(regularFile));
  }

  // 5. A failure after the first page: stdout stays one valid document (or whole lines), --output untouched.

  @Test
  void aFailureMidAllLeavesAValidDocumentAndTheResumePoint() {
    String project = data.projectGids().get(0);
    sandbox.faults().offsetTtl(Duration.ZERO);
    Result result = api(true, "--all", "project_tasks", "list", "--project_gid", project, "--limit", "7");
    assertEquals(1, result.status(), result.stderr());
    List<String> stderr = result.stderr().lines().toList();
    assertTrue(stderr.get(stderr.size() - 1).startsWith("asana: HTTP 400: "), result.stderr());
    assertTrue(stderr.get(stderr.size() - 1).contains("expired"), result.stderr());
    assertEquals(data.taskGids(project).subList(0, 7), gids(result.records()), "the records before the failure");
    Map<?, ?> meta = result.meta();
    assertEquals(Boolean.TRUE, meta.get("incomplete"));
    assertTrue(((Map<?, ?>) meta.get("next_page")).get("offset") instanceof String, "where to resume: " + meta);

    Result lines = api("--all", "--jsonl", "project_tasks", "list", "--project_gid", project, "--limit", "7");
    assertEquals(1, lines.status(), lines.stderr());
    assertEquals(data.taskGids(project).subList(0, 7),
        lines.out().lines().map(l -> (String) CliRun.parse(l).get("gid")).toList(), "whole lines only");
  }

  @Test
  void aFailureMidSearchAllLeavesAValidDocumentAndAnUntouchedOutputFile(@TempDir Path dir) throws IOException {
    AtomicInteger calls = new AtomicInteger();
    try (MockWebServer asana = new MockWebServer()) {
      asana.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (calls.incrementAndGet() > 1) {
            return new MockResponse.Builder().code(403)
                .body("{\"errors\":[{\"message\":\"Search went away\",\"phrase\":\"x\"}]}").build();
          }
          String page = java.util.stream.IntStream.range(0, 100)
              .mapToObj(i -> String.format("{\"gid\":\"%d\",\"resource_type\":\"task\",\"name\":\"t%d\","
                  + "\"created_at\":\"2024-01-01T00:00:%02d.%03dZ\"}", 1000 + i, i, i / 10, i))
              .collect(Collectors.joining(",", "{\"data\":[", "]}"));
          return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(page).build();
        }
      });
      asana.start();
      String base = asana.url("/api/1.0/").toString();
      String[] search = {"--base-url", base, "--token", "test-token-4711", "--all", "workspace_task_search", "list",
          "--workspace_gid", "1", "--completed", "false"};

      Result result = run(false, Map.of(), search);
      assertEquals(1, result.status(), result.stderr());
      assertTrue(result.stderr().startsWith("asana: HTTP 403: Search went away"), result.stderr());
      assertEquals(100, result.records().size());
      assertEquals(Boolean.TRUE, result.meta().get("incomplete"));
      assertNull(result.meta().get("next_page"));
      assertTrue(result.meta().containsKey("next_page"));

      calls.set(0);
      Path file = Files.writeString(dir.resolve("tasks.json"), "previous");
      List<String> toFile = new ArrayList<>(List.of(search));
      toFile.addAll(List.of("--output", file.toString()));
      Result failed = run(false, Map.of(), toFile.toArray(new String[0]));
      assertEquals(1, failed.status(), failed.stderr());
      assertEquals(0, failed.stdout().length);
      assertEquals("previous", Files.readString(file), "--output is replaced only by a complete result");
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(file), files.toList(), "no temporary file left behind");
      }
    }
  }

  @Test
  void allLoopsForever_aServerRepeatingAnOffsetEndsTheListingWithTheRecordsSoFar() throws IOException {
    // Every page says the next one is at the same offset: the library's pager stops at the repeat
    // instead of fetching it forever, and the output is a valid document marked incomplete.
    AtomicInteger calls = new AtomicInteger();
    try (MockWebServer asana = new MockWebServer()) {
      asana.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          int call = calls.incrementAndGet();
          return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(
              "{\"data\":[{\"gid\":\"" + call + "\",\"resource_type\":\"project\",\"name\":\"p\"}],"
              + "\"next_page\":{\"offset\":\"same\",\"path\":\"/projects?offset=same\",\"uri\":\"x\"}}").build();
        }
      });
      asana.start();
      Result result = run(false, Map.of(), "--base-url", asana.url("/api/1.0/").toString(), "--token",
          "test-token-4711", "--all", "projects", "list", "--workspace", "1");
      assertEquals(1, result.status(), result.stderr());
      assertTrue(result.stderr().contains("'same' a second time"), result.stderr());
      assertEquals(2, calls.get(), "the first page and the one at 'same', then no more");
      assertEquals(2, result.records().size());
      assertEquals(Boolean.TRUE, result.meta().get("incomplete"));
    }
  }
}
