package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.InvalidParameterException;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.NotFoundException;
import dev.asanaconnector.PreparedWrite;
import dev.asanaconnector.ReadOnlyClientException;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through {@code execute} against the sandbox, which keeps state: each kind is created, read
 * back, updated (a field cleared with null) and deleted; a read-only client refuses every write before
 * anything is sent; a write is never resent once it may have reached Asana.
 */
class WritesTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
    asana = Fixtures.client(sandbox).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(String entity, String action, Map<String, ?> params) {
    return (Map<String, Object>) asana.execute(entity, action, params);
  }

  private static Map<String, Object> params(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private String workspace() {
    return data.workspaceGid();
  }

  @Test
  void aTaskIsCreatedReadBackUpdatedClearedAndDeleted() {
    String project = data.projectGids().get(0);
    Map<String, Object> created = run("tasks", "create", params("workspace", workspace(), "name", "Write the plan",
        "projects", project, "due_on", "2030-01-31", "notes", "first draft"));
    String gid = (String) created.get("gid");
    assertEquals("Write the plan", created.get("name"));
    Map<?, ?> read = (Map<?, ?>) asana.execute("tasks", "get", Map.of("task_gid", gid));
    assertEquals("2030-01-31", read.get("due_on"));
    assertTrue(data.taskGids(project).contains(gid) || listed(project, gid), "the new task is in its project");

    Map<String, Object> update = new HashMap<>();
    update.put("task_gid", gid);
    update.put("name", "Write the launch plan");
    update.put("due_on", null); // clear it
    update.put("completed", true);
    Map<String, Object> updated = run("tasks", "update", update);
    assertEquals("Write the launch plan", updated.get("name"));
    Map<?, ?> after = (Map<?, ?>) asana.execute("tasks", "get", Map.of("task_gid", gid));
    assertNull(after.get("due_on"), "due_on cleared: " + after);
    assertEquals("first draft", after.get("notes"), "a field left out stays unchanged");
    assertEquals(Boolean.TRUE, after.get("completed"));

    assertEquals(Map.of(), run("tasks", "delete", Map.of("task_gid", gid)));
    assertThrows(NotFoundException.class, () -> asana.execute("tasks", "get", Map.of("task_gid", gid)));
  }

  private static boolean listed(String project, String gid) {
    for (Map<String, Object> page : asana.executePages("project_tasks", "list", Map.of("project_gid", project))) {
      if (((List<?>) page.get("data")).stream().anyMatch(r -> gid.equals(((Map<?, ?>) r).get("gid")))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void projectsTagsSectionsAndRelationsRoundTrip() {
    String team = data.teamGids().get(0);
    Map<String, Object> project = run("projects", "create", params("workspace", workspace(), "team", team,
        "name", "Launch", "color", "dark-green", "default_view", "board"));
    String projectGid = (String) project.get("gid");
    assertEquals("Launch", run("projects", "update", params("project_gid", projectGid, "notes", "Q3")).get("name"));

    Map<String, Object> section = run("project_sections", "create", params("project_gid", projectGid, "name", "Doing"));
    String sectionGid = (String) section.get("gid");
    assertEquals("Done", run("sections", "update", params("section_gid", sectionGid, "name", "Done")).get("name"));

    Map<String, Object> tag = run("workspace_tags", "create", params("workspace_gid", workspace(), "name", "urgent",
        "color", "light-red"));
    String tagGid = (String) tag.get("gid");
    Map<String, Object> clearColor = new HashMap<>(Map.of("tag_gid", tagGid));
    clearColor.put("color", null);
    assertNull(run("tags", "update", clearColor).get("color"));

    String task = (String) run("tasks", "create", params("workspace", workspace(), "name", "Ship it")).get("gid");
    String other = (String) run("tasks", "create", params("workspace", workspace(), "name", "Test it")).get("gid");
    run("task_projects", "create", params("task_gid", task, "project", projectGid));
    run("section_tasks", "create", params("section_gid", sectionGid, "task", task));
    assertEquals(List.of(task), gids(run("section_tasks", "list", Map.of("section_gid", sectionGid))));
    run("task_tags", "create", params("task_gid", task, "tag", tagGid));
    assertEquals(List.of(task), gids(run("tag_tasks", "list", Map.of("tag_gid", tagGid))));
    run("task_tags", "delete", params("task_gid", task, "tag", tagGid));
    assertEquals(List.of(), gids(run("tag_tasks", "list", Map.of("tag_gid", tagGid))));
    run("task_dependencies", "create", params("task_gid", task, "dependencies", List.of(other)));
    assertEquals(List.of(other), gids(run("task_dependencies", "list", Map.of("task_gid", task))));
    run("task_dependencies", "delete", params("task_gid", task, "dependencies", other));
    String user = data.userGids().get(1);
    run("task_followers", "create", params("task_gid", task, "followers", user));
    run("task_followers", "delete", params("task_gid", task, "followers", user));
    Map<String, Object> story = run("task_stories", "create", params("task_gid", task, "text", "Looks good"));
    assertEquals("Looks good", story.get("text"));
    assertTrue(gids(run("task_stories", "list", Map.of("task_gid", task))).contains(story.get("gid")));
    String subtask = (String) run("task_subtasks", "create", params("task_gid", task, "name", "Step one")).get("gid");
    assertEquals(List.of(subtask), gids(run("task_subtasks", "list", Map.of("task_gid", task))));
    run("task_projects", "delete", params("task_gid", task, "project", projectGid));
    assertEquals(List.of(), gids(run("project_tasks", "list", Map.of("project_gid", projectGid))));
    run("workspace_memberships", "create", params("workspace_gid", workspace(), "user", "new.person@example.com"));

    run("tags", "delete", Map.of("tag_gid", tagGid));
    assertThrows(NotFoundException.class, () -> asana.execute("tags", "get", Map.of("tag_gid", tagGid)));
    run("projects", "delete", Map.of("project_gid", projectGid));
    assertThrows(NotFoundException.class, () -> asana.execute("projects", "get", Map.of("project_gid", projectGid)));
  }

  private static List<Object> gids(Map<String, Object> page) {
    return ((List<?>) page.get("data")).stream().<Object>map(r -> ((Map<?, ?>) r).get("gid")).toList();
  }

  @Test
  void writesAreCheckedBeforeAnythingIsSent() {
    int before = sandbox.requestCount();
    assertEquals("name", assertThrows(InvalidParameterException.class,
        () -> asana.execute("tasks", "create", Map.of("workspace", workspace()))).parameter());
    assertEquals("color", assertThrows(InvalidParameterException.class, () -> asana.execute("projects", "create",
        Map.of("workspace", workspace(), "name", "x", "color", "blurple"))).parameter());
    assertEquals("due_on", assertThrows(InvalidParameterException.class, () -> asana.execute("tasks", "create",
        Map.of("workspace", workspace(), "name", "x", "due_on", "next friday"))).parameter());
    assertEquals("assignee_status", assertThrows(InvalidParameterException.class, () -> asana.execute("tasks",
        "update", Map.of("task_gid", "1", "assignee_status", "today"))).parameter());
    Map<String, Object> clearName = new HashMap<>(Map.of("task_gid", "1"));
    clearName.put("name", null);
    assertTrue(assertThrows(InvalidParameterException.class, () -> asana.execute("tasks", "update", clearName))
        .getMessage().contains("cannot be cleared"));
    assertEquals("text", assertThrows(InvalidParameterException.class,
        () -> asana.execute("task_stories", "create", Map.of("task_gid", "1"))).parameter());
    assertEquals(before, sandbox.requestCount(), "nothing was sent");
  }

  @Test
  void aReadOnlyClientRefusesEveryWriteAndSendsNothing() throws IOException {
    AsanaClient readOnly = Fixtures.client(sandbox).readOnly(true).build();
    int before = sandbox.requestCount();
    Map<String, Map<String, Object>> writes = Map.of(
        "tasks create", params("workspace", workspace(), "name", "x"),
        "tasks update", params("task_gid", "1", "name", "x"),
        "tasks delete", params("task_gid", "1"),
        "task_tags create", params("task_gid", "1", "tag", "2"),
        "task_projects delete", params("task_gid", "1", "project", "2"));
    for (Map.Entry<String, Map<String, Object>> write : writes.entrySet()) {
      String[] action = write.getKey().split(" ");
      ReadOnlyClientException e = assertThrows(ReadOnlyClientException.class,
          () -> readOnly.execute(action[0], action[1], write.getValue()));
      assertTrue(e.getMessage().startsWith(write.getKey() + " is a write"), e.getMessage());
    }
    // Direct calls and raw requests too.
    assertThrows(ReadOnlyClientException.class, () -> readOnly.call(readOnly.api(TasksApi.class).deleteTask("1", null)));
    assertThrows(ReadOnlyClientException.class, () -> readOnly.httpClient().newCall(new Request.Builder()
        .url(sandbox.baseUrl().resolve("tasks/1")).delete().build()).execute());
    assertEquals(before, sandbox.requestCount(), "nothing was sent");
    assertFalse(((Map<?, ?>) readOnly.execute("workspaces", "list", Map.of())).isEmpty(), "reads still work");
  }

  @Test
  void aWriteIsNeverResentOnceItMayHaveReachedAsana() {
    Map<String, Object> create = params("workspace", workspace(), "name", "Once only");
    sandbox.faults().serverErrors(1, 500);
    int before = sandbox.requestCount();
    assertThrows(ServerErrorException.class, () -> asana.execute("tasks", "create", create));
    assertEquals(1, sandbox.requestCount() - before, "a 500 may mean it was done: not resent");

    sandbox.faults().clear().serverErrors(1, 502);
    before = sandbox.requestCount();
    assertThrows(ServerErrorException.class, () -> asana.execute("tasks", "create", create));
    assertEquals(1, sandbox.requestCount() - before);

    sandbox.faults().clear().cutConnections(1);
    before = sandbox.requestCount();
    assertThrows(NetworkException.class, () -> asana.execute("tasks", "create", create));
    assertEquals(1, sandbox.requestCount() - before, "a connection cut after the request was sent: not resent");

    sandbox.faults().clear().rateLimit429(1, java.time.Duration.ZERO);
    before = sandbox.requestCount();
    assertEquals("Once only", run("tasks", "create", create).get("name"));
    assertEquals(2, sandbox.requestCount() - before, "a 429 is Asana refusing it unprocessed: resent once");
  }

  @Test
  void anUploadIsStreamedAndDownloadsBackIdentical(@TempDir Path dir) throws IOException {
    String task = (String) run("tasks", "create", params("workspace", workspace(), "name", "Has a file")).get("gid");
    Path file = dir.resolve("report.bin");
    byte[] chunk = new byte[1 << 20];
    new Random(7).nextBytes(chunk);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 20; i++) {
        out.write(chunk);
      }
    }
    Map<String, Object> attachment = run("attachments", "create", params("parent", task, "file", file.toString()));
    assertEquals("report.bin", attachment.get("name"));
    Path back = dir.resolve("back.bin");
    asana.attachments().download((String) attachment.get("gid")).saveTo(back);
    assertEquals(Files.size(file), Files.size(back));
    assertEquals(-1, Files.mismatch(file, back), "byte-identical");

    Map<String, Object> link = run("attachments", "create", params("parent", task, "url", "https://example.com/spec.pdf",
        "name", "Spec"));
    assertEquals("Spec", link.get("name"));
  }

  @Test
  void aFileOverAsanasLimitIsRefusedBeforeSending(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.bin");
    try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      sparse.setLength(150L << 20); // 150 MiB, sparse: nothing is read
    }
    int before = sandbox.requestCount();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> asana.execute("attachments", "create", Map.of("parent", "1", "file", big.toString())));
    assertEquals("file", e.parameter());
    assertTrue(e.getMessage().contains("at most 100 MB"), e.getMessage());
    assertEquals(before, sandbox.requestCount());
  }

  @Test
  void aDryRunShowsTheRequestWithoutSendingIt() {
    int before = sandbox.requestCount();
    PreparedWrite write = asana.prepareWrite("tasks", "create", params("workspace", workspace(), "name", "Plan",
        "projects", "11,12", "due_on", "2030-01-31"));
    assertEquals("POST", write.method());
    assertTrue(write.url().endsWith("/tasks"), write.url());
    assertEquals("{\"data\":{\"workspace\":\"" + workspace() + "\",\"name\":\"Plan\",\"projects\":[\"11\",\"12\"],"
        + "\"due_on\":\"2030-01-31\"}}", write.body());
    assertEquals(before, sandbox.requestCount());
  }
}
