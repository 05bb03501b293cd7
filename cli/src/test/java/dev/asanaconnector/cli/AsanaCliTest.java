package dev.asanaconnector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import dev.asanaconnector.cli.CliRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line's entry point against the sandbox: every entity and action, outputs and exit codes. */
class AsanaCliTest {
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

  private static Result run(Map<String, String> env, String... args) {
    return CliRun.run(false, env, args);
  }

  private static Result api(String... words) {
    return CliRun.api(sandbox, false, words);
  }

  static Stream<Arguments> everyListAndGet() {
    start();
    String task = data.richTaskGid();
    String project = data.projectGids().get(0);
    String team = data.teamGids().get(0);
    String workspace = data.workspaceGid();
    String attachment = data.downloadableAttachmentGids().get(0);
    return Stream.of(
        Arguments.of((Object) new String[] {"tasks", "list", "--project", project, "--limit", "5"}),
        Arguments.of((Object) new String[] {"tasks", "get", "--task_gid", task}),
        Arguments.of((Object) new String[] {"project_tasks", "list", "--project_gid", project}),
        Arguments.of((Object) new String[] {"workspace_task_search", "list", "--workspace_gid", workspace,
            "--completed", "false", "--sort_by", "created_at", "--sort_ascending", "true"}),
        Arguments.of((Object) new String[] {"projects", "list", "--workspace", workspace, "--archived", "false"}),
        Arguments.of((Object) new String[] {"projects", "get", "--project_gid", project}),
        Arguments.of((Object) new String[] {"task_projects", "list", "--task_gid", task}),
        Arguments.of((Object) new String[] {"team_projects", "list", "--team_gid", team}),
        Arguments.of((Object) new String[] {"workspace_projects", "list", "--workspace_gid", workspace}),
        Arguments.of((Object) new String[] {"workspaces", "list"}),
        Arguments.of((Object) new String[] {"workspaces", "get", "--workspace_gid", workspace}),
        Arguments.of((Object) new String[] {"users", "list", "--workspace", workspace}),
        Arguments.of((Object) new String[] {"users", "get", "--user_gid", "me"}),
        Arguments.of((Object) new String[] {"workspace_users", "list", "--workspace_gid", workspace}),
        Arguments.of((Object) new String[] {"team_users", "list", "--team_gid", team}),
        Arguments.of((Object) new String[] {"teams", "get", "--team_gid", team}),
        Arguments.of((Object) new String[] {"workspace_teams", "list", "--workspace_gid", workspace}),
        Arguments.of((Object) new String[] {"user_teams", "list", "--user_gid", "me", "--organization", workspace}),
        Arguments.of((Object) new String[] {"attachments", "list", "--parent", task}),
        Arguments.of((Object) new String[] {"attachments", "get", "--attachment_gid", attachment}),
        Arguments.of((Object) new String[] {"workspace_tags", "list", "--workspace_gid", workspace}),
        Arguments.of((Object) new String[] {"tags", "get", "--tag_gid", data.tagGids().get(0)}),
        Arguments.of((Object) new String[] {"project_sections", "list", "--project_gid", project}),
        Arguments.of((Object) new String[] {"sections", "get", "--section_gid", data.sectionGids(project).get(0)}),
        Arguments.of((Object) new String[] {"task_subtasks", "list", "--task_gid", task}),
        Arguments.of((Object) new String[] {"task_dependencies", "list", "--task_gid", task}),
        Arguments.of((Object) new String[] {"task_dependents", "list", "--task_gid", task}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyListAndGet")
  void everyEntityActionPrintsOneJsonDocument(String[] words) {
    Result result = api(words);
    assertEquals(0, result.status(), result.stderr());
    assertEquals("", result.stderr());
    Map<?, ?> document = result.json();
    if (words[1].equals("list")) {
      List<?> records = (List<?>) document.get("data");
      assertFalse(records.isEmpty(), "records for " + String.join(" ", words));
      assertNotNull(((Map<?, ?>) records.get(0)).get("gid"));
      assertTrue(((Map<?, ?>) document.get("meta")).containsKey("next_page"));
    } else {
      assertNotNull(((Map<?, ?>) document.get("data")).get("gid"));
    }
  }

  @Test
  void allFollowsNextPageToTheEnd() {
    String project = data.projectGids().get(0);
    Result result = api("--all", "project_tasks", "list", "--project_gid", project, "--limit", "7");
    assertEquals(0, result.status(), result.stderr());
    List<?> records = (List<?>) result.json().get("data");
    assertEquals(data.taskGids(project).size(), records.size());
    assertEquals(records.size(), records.stream().map(r -> ((Map<?, ?>) r).get("gid")).distinct().count());
    assertNull(((Map<?, ?>) result.json().get("meta")).get("next_page"));
  }

  @Test
  void jsonlStreamsOneRecordPerLine() throws IOException {
    String project = data.projectGids().get(1);
    Result result = api("--all", "--jsonl", "project_tasks", "list", "--project_gid", project, "--limit", "10");
    assertEquals(0, result.status(), result.stderr());
    List<String> lines = result.out().lines().toList();
    assertEquals(data.taskGids(project), lines.stream().map(line -> (String) CliRun.parse(line).get("gid")).toList());
  }

  @Test
  void downloadWritesExactlyTheBytes(@TempDir Path dir) throws IOException {
    String attachment = data.downloadableAttachmentGids().get(0);
    Result toStdout = api("attachments", "download", "--attachment_gid", attachment);
    assertEquals(0, toStdout.status(), toStdout.stderr());
    assertArrayEquals(data.attachmentBytes(attachment), toStdout.stdout());

    Path file = dir.resolve("file.bin");
    Result toFile = api("--output", file.toString(), "attachments", "download", "--attachment_gid", attachment,
        "--range_header", "bytes=10-99");
    assertEquals(0, toFile.status(), toFile.stderr());
    assertEquals(0, toFile.stdout().length, "nothing but the bytes on stdout");
    assertArrayEquals(data.attachmentBytes(attachment, 10, 90), Files.readAllBytes(file));
    assertEquals(0, sandbox.downloadRequestsWithAuthorization());
  }

  @Test
  void sandboxFlagNeedsNoToken() {
    Result result = run(Map.of(), "--sandbox", "workspaces", "list");
    assertEquals(0, result.status(), result.stderr());
    assertEquals(2, ((List<?>) result.json().get("data")).size());
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of(new String[] {"projects", "list", "--limit", "0"}, "asana: limit: must be between 1 and 100"),
        Arguments.of(new String[] {"tasks", "get", "--task_gid", "../users/me"}, "asana: task_gid: must be a gid"),
        Arguments.of(new String[] {"tasks", "get"}, "asana: task_gid: is required"),
        Arguments.of(new String[] {"nope", "list"}, "asana: entity: unknown entity 'nope'"),
        Arguments.of(new String[] {"tasks", "download"}, "asana: action: entity 'tasks' has no action 'download'"),
        Arguments.of(new String[] {"projects", "list", "--colour", "red"}, "asana: colour: is not a parameter"),
        Arguments.of(new String[] {"projects", "list", "--archived"}, "asana: archived: needs a value"),
        Arguments.of(new String[] {"projects", "list", "--archived", "maybe"}, "asana: archived: must be true or false"),
        Arguments.of(new String[] {"workspaces"}, "asana: ENTITY and ACTION are required"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInputs")
  void badInputExitsTwoWithOneLine(String[] words, String message) {
    Result result = api(words);
    assertEquals(2, result.status());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertTrue(result.stderr().startsWith(message), result.stderr());
    assertEquals(0, result.stdout().length);
  }

  @Test
  void missingTokenIsUsageError() {
    Result result = run(Map.of(), "workspaces", "list");
    assertEquals(2, result.status());
    assertTrue(result.stderr().startsWith("asana: token: no Asana token"), result.stderr());
  }

  @Test
  void apiFailureExitsOneWithStatusAndMessageButNeverTheToken() {
    Result wrongToken = run(Map.of("ASANA_TOKEN", "wrong-secret-token-123"), "--base-url",
        sandbox.baseUrl().toString(), "workspaces", "list");
    assertEquals(1, wrongToken.status());
    assertTrue(wrongToken.stderr().startsWith("asana: HTTP 401: "), wrongToken.stderr());
    assertFalse(wrongToken.stderr().contains("wrong-secret-token-123"));
    assertFalse(wrongToken.stderr().contains("\tat "), "no stack trace");

    Result missing = api("tasks", "get", "--task_gid", "999999999");
    assertEquals(1, missing.status());
    assertTrue(missing.stderr().startsWith("asana: HTTP 404: "), missing.stderr());
  }

  @Test
  void helpListsEntitiesAndParametersFromTheDescription() {
    Result all = run(Map.of(), "--help");
    assertEquals(0, all.status());
    assertTrue(all.out().contains("workspace_task_search") && all.out().contains("download"), all.out());
    Result action = run(Map.of(), "workspace_task_search", "list", "--help");
    assertEquals(0, action.status());
    assertTrue(action.out().contains("--assignee.any") && action.out().contains("(required)"), action.out());
  }
}
