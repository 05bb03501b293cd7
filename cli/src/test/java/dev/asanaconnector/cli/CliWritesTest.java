package dev.asanaconnector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.cli.CliRun.Result;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes from the command line against the sandbox, which keeps state: every write action round-trips,
 * {@code --dry-run} prints the request and sends nothing, {@code null} clears only what can be cleared,
 * and failures keep the reads' exit codes.
 */
class CliWritesTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private final Set<String> writesRun = new TreeSet<>();

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

  private static Result api(String... words) {
    return CliRun.api(sandbox, false, words);
  }

  /** A command that must succeed: its {@code data}. */
  private static Object ok(String... words) {
    Result result = api(words);
    assertEquals(0, result.status(), String.join(" ", words) + ": " + result.stderr());
    assertEquals("", result.stderr());
    return result.json().get("data");
  }

  /** A write that must succeed, counted towards "every write action": the record it printed. */
  private Map<?, ?> write(String... words) {
    writesRun.add(words[0] + " " + words[1]);
    return (Map<?, ?>) ok(words);
  }

  private static Map<?, ?> get(String entity, String gidParam, String gid, String... more) {
    List<String> words = new ArrayList<>(List.of(entity, "get", "--" + gidParam, gid));
    words.addAll(List.of(more));
    return (Map<?, ?>) ok(words.toArray(new String[0]));
  }

  /** The gids of every record of a list, all pages. */
  private static List<Object> gids(String... words) {
    List<String> all = new ArrayList<>(List.of("--all"));
    all.addAll(List.of(words));
    return ((List<?>) ok(all.toArray(new String[0]))).stream().<Object>map(r -> ((Map<?, ?>) r).get("gid")).toList();
  }

  private static void assertNotFound(String entity, String gidParam, String gid) {
    Result result = api(entity, "get", "--" + gidParam, gid);
    assertEquals(1, result.status(), entity + " " + gid + " after its delete: " + result.out());
    assertTrue(result.stderr().startsWith("asana: HTTP 404: "), result.stderr());
  }

  private static Set<String> writeActionsInTheCatalog() {
    return AsanaClient.describe().stream().filter(tool -> Boolean.FALSE.equals(tool.get("readOnly")))
        .map(tool -> tool.get("entity") + " " + tool.get("action")).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyWriteActionCreatesReadsBackUpdatesAndDeletesWith404After(@TempDir Path dir) throws IOException {
    String workspace = data.workspaceGid();
    String team = data.teamGids().get(0);
    String existingProject = data.projectGids().get(0);
    String user1 = data.userGids().get(1);
    String user2 = data.userGids().get(2);

    // A project, cleared colour read back.
    String project = (String) write("projects", "create", "--workspace", workspace, "--team", team, "--name", "Launch",
        "--color", "dark-green", "--default_view", "board").get("gid");
    assertEquals("dark-green", get("projects", "project_gid", project).get("color"));
    assertNull(write("projects", "update", "--project_gid", project, "--notes", "Q3", "--color", "null").get("color"));
    Map<?, ?> projectAfter = get("projects", "project_gid", project);
    assertEquals("Q3", projectAfter.get("notes"));
    assertTrue(projectAfter.containsKey("color") && projectAfter.get("color") == null, "color cleared: " + projectAfter);

    // A section of it.
    String section = (String) write("project_sections", "create", "--project_gid", project, "--name", "Doing").get("gid");
    assertEquals("Doing", get("sections", "section_gid", section).get("name"));
    write("sections", "update", "--section_gid", section, "--name", "Done");
    assertEquals("Done", get("sections", "section_gid", section).get("name"));

    // A tag.
    String tag = (String) write("workspace_tags", "create", "--workspace_gid", workspace, "--name", "urgent",
        "--color", "light-red").get("gid");
    assertEquals("light-red", get("tags", "tag_gid", tag).get("color"));
    write("tags", "update", "--tag_gid", tag, "--color", "null", "--notes", "for today");
    Map<?, ?> tagAfter = get("tags", "tag_gid", tag);
    assertNull(tagAfter.get("color"));
    assertEquals("for today", tagAfter.get("notes"));

    // The issue's task: in two projects at once (comma-separated gids), then updated with a field cleared.
    String task = (String) write("tasks", "create", "--workspace", workspace, "--name", "Write the plan",
        "--projects", project + "," + existingProject, "--due_on", "2030-01-31", "--notes", "first draft").get("gid");
    assertEquals("2030-01-31", get("tasks", "task_gid", task).get("due_on"));
    assertEquals(Set.of(project, existingProject), Set.copyOf(gids("task_projects", "list", "--task_gid", task)));
    assertEquals("Write the launch plan", write("tasks", "update", "--task_gid", task, "--name", "Write the launch plan",
        "--due_on", "null", "--completed", "true").get("name"));
    Map<?, ?> taskAfter = get("tasks", "task_gid", task);
    assertNull(taskAfter.get("due_on"), "due_on cleared: " + taskAfter);
    assertEquals(Boolean.TRUE, taskAfter.get("completed"));
    assertEquals("first draft", taskAfter.get("notes"), "a field left out stays unchanged");
    String other = (String) write("tasks", "create", "--workspace", workspace, "--name", "Test the plan").get("gid");

    // Relations: each added, read back, and (where there is a delete) removed and read back again.
    write("section_tasks", "create", "--section_gid", section, "--task", task);
    assertEquals(List.of(task), gids("section_tasks", "list", "--section_gid", section));
    write("task_projects", "create", "--task_gid", other, "--project", project, "--section", section);
    assertEquals(Set.of(task, other), Set.copyOf(gids("section_tasks", "list", "--section_gid", section)));
    write("task_projects", "delete", "--task_gid", task, "--project", existingProject);
    assertEquals(List.of(project), gids("task_projects", "list", "--task_gid", task));

    write("task_tags", "create", "--task_gid", task, "--tag", tag);
    assertEquals(List.of(task), gids("tag_tasks", "list", "--tag_gid", tag));
    assertEquals(Map.of(), write("task_tags", "delete", "--task_gid", task, "--tag", tag));
    assertEquals(List.of(), gids("tag_tasks", "list", "--tag_gid", tag));

    write("task_dependencies", "create", "--task_gid", task, "--dependencies", other);
    assertEquals(List.of(other), gids("task_dependencies", "list", "--task_gid", task));
    write("task_dependencies", "delete", "--task_gid", task, "--dependencies", other);
    assertEquals(List.of(), gids("task_dependencies", "list", "--task_gid", task));

    write("task_followers", "create", "--task_gid", task, "--followers", user1 + "," + user2);
    assertTrue(followers(task).containsAll(List.of(user1, user2)), "followers: " + followers(task));
    write("task_followers", "delete", "--task_gid", task, "--followers", user1 + "," + user2);
    assertFalse(followers(task).contains(user1) || followers(task).contains(user2), "followers: " + followers(task));

    String story = (String) write("task_stories", "create", "--task_gid", task, "--text", "Looks good").get("gid");
    assertTrue(gids("task_stories", "list", "--task_gid", task).contains(story));
    String subtask = (String) write("task_subtasks", "create", "--task_gid", task, "--name", "Step one").get("gid");
    assertEquals(List.of(subtask), gids("task_subtasks", "list", "--task_gid", task));

    // Uploads: a file (downloaded back byte for byte) and a link.
    byte[] bytes = new byte[300_000];
    new Random(11).nextBytes(bytes);
    Path report = Files.write(dir.resolve("report.pdf"), bytes);
    Map<?, ?> upload = write("attachments", "create", "--parent", task, "--file", report.toString());
    assertEquals("report.pdf", upload.get("name"));
    Result download = api("attachments", "download", "--attachment_gid", (String) upload.get("gid"));
    assertEquals(0, download.status(), download.stderr());
    assertArrayEquals(bytes, download.stdout());
    String link = (String) write("attachments", "create", "--parent", task, "--url", "https://example.com/spec.pdf",
        "--name", "Spec").get("gid");
    assertEquals(Set.of(upload.get("gid"), link), Set.copyOf(gids("attachments", "list", "--parent", task)));

    String newcomer = (String) write("workspace_memberships", "create", "--workspace_gid", workspace,
        "--user", "new.person@example.com").get("gid");
    assertTrue(gids("workspace_users", "list", "--workspace_gid", workspace).contains(newcomer));

    // Asana refuses to delete a section that still has tasks: exit 1 with its status and message.
    Result refused = api("sections", "delete", "--section_gid", section);
    assertEquals(1, refused.status(), refused.out());
    assertTrue(refused.stderr().startsWith("asana: HTTP 400: "), refused.stderr());
    assertEquals(1, refused.stderr().lines().count(), refused.stderr());
    assertEquals(0, refused.stdout().length);

    // Deletes print {"data": {}}; the record is gone after.
    for (String gone : List.of(task, other)) {
      assertEquals(Map.of(), write("tasks", "delete", "--task_gid", gone));
      assertNotFound("tasks", "task_gid", gone);
    }
    assertNotFound("tasks", "task_gid", subtask);
    assertEquals(Map.of(), write("sections", "delete", "--section_gid", section));
    assertNotFound("sections", "section_gid", section);
    assertEquals(Map.of(), write("tags", "delete", "--tag_gid", tag));
    assertNotFound("tags", "tag_gid", tag);
    assertEquals(Map.of(), write("projects", "delete", "--project_gid", project));
    assertNotFound("projects", "project_gid", project);

    // A write action added to the catalog fails here until this test runs it.
    assertEquals(writeActionsInTheCatalog(), writesRun);
  }

  private static List<Object> followers(String task) {
    return ((List<?>) get("tasks", "task_gid", task, "--opt_fields", "followers").get("followers")).stream()
        .<Object>map(f -> ((Map<?, ?>) f).get("gid")).toList();
  }

  @Test
  void theIssuesExampleCreatesATaskInBothProjectsAndPrintsIt() {
    String p1 = data.projectGids().get(0);
    String p2 = data.projectGids().get(1);
    Result result = api("tasks", "create", "--workspace", data.workspaceGid(), "--name", "Write the plan",
        "--projects", p1 + "," + p2);
    assertEquals(0, result.status(), result.stderr());
    Map<?, ?> task = (Map<?, ?>) result.json().get("data");
    assertEquals(Set.of("data"), result.json().keySet(), "one document: {\"data\": {...}}");
    assertEquals("Write the plan", task.get("name"));
    assertEquals(Set.of(p1, p2), ((List<?>) task.get("projects")).stream().map(p -> ((Map<?, ?>) p).get("gid"))
        .collect(Collectors.toSet()));
  }

  @Test
  void dryRunPrintsTheRequestInAnyPositionAndSendsNothing() {
    String workspace = data.workspaceGid();
    int before = sandbox.requestCount();

    Result create = api("tasks", "create", "--workspace", workspace, "--name", "Plan", "--dry-run",
        "--projects", "11,12", "--due_on", "2030-01-31");
    assertEquals(0, create.status(), create.stderr());
    assertEquals("", create.stderr());
    Map<?, ?> request = (Map<?, ?>) create.json().get("dry_run");
    assertEquals(Set.of("dry_run"), create.json().keySet());
    assertEquals("POST", request.get("method"));
    assertEquals(sandbox.baseUrl().resolve("tasks").toString(), request.get("url"));
    assertEquals(Map.of("data", Map.of("workspace", workspace, "name", "Plan", "projects", List.of("11", "12"),
        "due_on", "2030-01-31")), request.get("body"), "the body as JSON, lists of gids as arrays");

    Result clear = api("--dry-run", "tasks", "update", "--task_gid", "77", "--due_on", "null");
    assertEquals(0, clear.status(), clear.stderr());
    Map<?, ?> update = (Map<?, ?>) clear.json().get("dry_run");
    assertEquals("PUT", update.get("method"));
    assertTrue(((String) update.get("url")).endsWith("/tasks/77"), clear.out());
    Map<?, ?> fields = (Map<?, ?>) ((Map<?, ?>) update.get("body")).get("data");
    assertTrue(fields.containsKey("due_on") && fields.get("due_on") == null, "a clear is JSON null: " + clear.out());

    Result delete = api("tasks", "delete", "--task_gid", "77", "--dry-run");
    assertEquals(0, delete.status(), delete.stderr());
    Map<?, ?> deleteRequest = (Map<?, ?>) delete.json().get("dry_run");
    assertEquals("DELETE", deleteRequest.get("method"));
    assertTrue(deleteRequest.containsKey("body") && deleteRequest.get("body") == null, delete.out());

    Result oneLine = api("--dry-run", "--jsonl", "task_tags", "create", "--task_gid", "77", "--tag", "5");
    assertEquals(0, oneLine.status(), oneLine.stderr());
    assertEquals(1, oneLine.out().lines().count(), oneLine.out());
    assertEquals(Map.of("data", Map.of("tag", "5")), ((Map<?, ?>) oneLine.json().get("dry_run")).get("body"));

    assertEquals(before, sandbox.requestCount(), "a dry run sends nothing");
  }

  @Test
  void dryRunOfAnUploadDescribesTheFormAndSendsNothing(@TempDir Path dir) throws IOException {
    Path report = Files.write(dir.resolve("report.pdf"), new byte[1234]);
    int before = sandbox.requestCount();
    Result result = api("--dry-run", "attachments", "create", "--parent", "42", "--file", report.toString());
    assertEquals(0, result.status(), result.stderr());
    Map<?, ?> request = (Map<?, ?>) result.json().get("dry_run");
    assertEquals("POST", request.get("method"));
    String body = assertInstanceOf(String.class, request.get("body"), "a multipart description as text");
    assertTrue(body.startsWith("multipart/form-data:") && body.contains("filename=\"report.pdf\"")
        && body.contains("(1234 bytes)"), body);
    assertEquals(before, sandbox.requestCount());
  }

  @Test
  void dryRunNeedsNoTokenAndNeverPrintsOne() {
    String token = "dry-5ecret-token-314159";
    int before = sandbox.requestCount();
    for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("ASANA_TOKEN", token))) {
      Result result = CliRun.run(false, env, "--base-url", sandbox.baseUrl().toString(), "--dry-run", "tasks",
          "create", "--workspace", data.workspaceGid(), "--name", "x");
      assertEquals(0, result.status(), result.stderr());
      assertEquals("POST", ((Map<?, ?>) result.json().get("dry_run")).get("method"));
      assertFalse(result.out().contains("5ecret") || result.stderr().contains("5ecret"), result.out());
    }
    Result withFlag = CliRun.run(false, Map.of(), "--token", token, "--base-url", sandbox.baseUrl().toString(),
        "tags", "delete", "--tag_gid", "9", "--dry-run");
    assertEquals(0, withFlag.status(), withFlag.stderr());
    assertFalse(withFlag.out().contains("5ecret"), withFlag.out());
    assertEquals(before, sandbox.requestCount());
  }

  static Stream<Arguments> reads() {
    return Stream.of(
        Arguments.of((Object) new String[] {"tasks", "get", "--task_gid", "1", "--dry-run"}),
        Arguments.of((Object) new String[] {"--dry-run", "workspaces", "list"}),
        Arguments.of((Object) new String[] {"attachments", "download", "--dry-run", "--attachment_gid", "1"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void dryRunOnAReadIsAUsageErrorNamingIt(String[] words) {
    int before = sandbox.requestCount();
    Result result = api(words);
    assertEquals(2, result.status(), result.stderr());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertTrue(result.stderr().startsWith("asana: dry-run: --dry-run is only for writes"), result.stderr());
    assertEquals(0, result.stdout().length);
    assertEquals(before, sandbox.requestCount());
  }

  static Stream<Arguments> refusedWrites() {
    return Stream.of(
        Arguments.of(new String[] {"tasks", "update", "--task_gid", "1", "--name", "null"},
            "asana: name: cannot be cleared"),
        Arguments.of(new String[] {"tasks", "update", "--task_gid", "1", "--completed", "null"},
            "asana: completed: cannot be cleared"),
        Arguments.of(new String[] {"sections", "update", "--section_gid", "1", "--name", "null"},
            "asana: name: cannot be cleared"),
        Arguments.of(new String[] {"tasks", "create", "--workspace", "1", "--name", "x", "--due_on", "null"},
            "asana: due_on: must be an ISO 8601 date"),
        Arguments.of(new String[] {"tasks", "create", "--workspace", "1"}, "asana: name: is required"),
        Arguments.of(new String[] {"tasks", "create", "--workspace", "1", "--name", "x", "--projects", "12,x"},
            "asana: projects: "),
        Arguments.of(new String[] {"tasks", "create", "--workspace", "1", "--name", "x", "--due_on", "2030-01-01",
            "--due_at", "2030-01-01T09:00:00Z"}, "asana: due_at: cannot be combined with due_on"),
        Arguments.of(new String[] {"attachments", "create", "--parent", "1", "--file", "/no/such/report.pdf"},
            "asana: file: must be a readable file"),
        Arguments.of(new String[] {"tasks", "update", "--task_gid", "1", "--colour", "null"},
            "asana: colour: is not a parameter"),
        Arguments.of(new String[] {"--dry-run", "tasks", "update", "--task_gid", "1", "--notes", "null"},
            "asana: notes: cannot be cleared"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refusedWrites")
  void badWriteInputExitsTwoNamingTheParameterBeforeAnythingIsSent(String[] words, String message) {
    int before = sandbox.requestCount();
    Result result = api(words);
    assertEquals(2, result.status(), Arrays.toString(words) + ": " + result.stderr());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertTrue(result.stderr().startsWith(message), result.stderr());
    assertEquals(0, result.stdout().length);
    assertEquals(before, sandbox.requestCount(), "nothing was sent");
  }

  @Test
  void nullIsAnOrdinaryValueOutsideUpdates() {
    Map<?, ?> task = (Map<?, ?>) ok("tasks", "create", "--workspace", data.workspaceGid(), "--name", "null");
    assertEquals("null", task.get("name"), "in a create, null is the text it is");
  }

  @Test
  void aFailedWriteExitsOneWithAsanasStatusAndMessage() {
    Result missing = api("tasks", "update", "--task_gid", "999999999", "--name", "x");
    assertEquals(1, missing.status(), missing.out());
    assertTrue(missing.stderr().startsWith("asana: HTTP 404: "), missing.stderr());
    assertEquals(1, missing.stderr().lines().count(), missing.stderr());
    assertEquals(0, missing.stdout().length);
  }

  @Test
  void helpListsTheWriteActionsAndAWritesParameters() {
    Result all = CliRun.run(false, Map.of(), "--help");
    assertEquals(0, all.status());
    assertTrue(all.out().lines().anyMatch(line -> line.matches("\\s+tasks\\s+list, get, create, update, delete")),
        all.out());
    assertTrue(all.out().contains("[--dry-run]") && all.out().contains("workspace_memberships"), all.out());

    Result update = CliRun.run(false, Map.of(), "tasks", "update", "--help");
    assertEquals(0, update.status(), update.stderr());
    assertTrue(update.out().contains("sends PUT /tasks/{task_gid}"), update.out());
    assertTrue(update.out().lines().anyMatch(line -> line.matches("\\s+--due_on\\s+string\\|null\\s.*null clears it.*")),
        update.out());
    assertTrue(update.out().lines().anyMatch(line -> line.matches("\\s+--task_gid\\s+string\\s+\\(required\\).*")),
        update.out());

    Result delete = CliRun.run(false, Map.of(), "--help", "tasks", "delete");
    assertEquals(0, delete.status());
    assertTrue(delete.out().contains("DELETE /tasks/{task_gid} (destructive)"), delete.out());
    Result read = CliRun.run(false, Map.of(), "tasks", "get", "--help");
    assertFalse(read.out().contains("A write"), read.out());
  }
}
