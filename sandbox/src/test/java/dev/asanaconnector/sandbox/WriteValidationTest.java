package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refused writes: Asana's status and error shape, naming the field, and nothing changed. */
class WriteValidationTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String task;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).bigProjectTasks(1000).build();
    sandbox.start();
    data = sandbox.data();
    task = data.taskGids(data.projectGids().get(0)).get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** The single error's message, after checking the shape: message and help, no phrase below 500. */
  static String error(Resp r, int status) {
    r.expect(status);
    List<Map<String, Object>> errors = Http.list(r.json().get("errors"));
    assertEquals(1, errors.size());
    assertNotNull(errors.get(0).get("help"));
    assertNull(errors.get(0).get("phrase"), "Asana adds a phrase to 500s only");
    return (String) errors.get(0).get("message");
  }

  @Test
  void missingRequiredFieldsAre400NamingTheField() {
    String project = data.projectGids().get(0);
    assertEquals(TaskWrites.NEED_CONTAINER, error(Http.post(sandbox, "tasks", fields("name", "nowhere")), 400));
    assertEquals("name: Missing input", error(Http.post(sandbox, "projects/" + project + "/sections", fields()), 400));
    assertEquals("name: Missing input", error(Http.put(sandbox, "sections/" + data.sectionGids(project).get(0), fields()), 400));
    assertEquals("tag: Missing input", error(Http.post(sandbox, "tasks/" + task + "/addTag", fields()), 400));
    assertEquals("followers: Missing input", error(Http.post(sandbox, "tasks/" + task + "/addFollowers", fields()), 400));
    assertEquals("project: Missing input", error(Http.post(sandbox, "tasks/" + task + "/addProject", fields()), 400));
    assertEquals("task: Missing input", error(Http.post(sandbox, "sections/" + data.sectionGids(project).get(0)
        + "/addTask", fields()), 400));
    assertEquals("text: Missing input", error(Http.post(sandbox, "tasks/" + task + "/stories", fields()), 400));
    assertEquals("user: Missing input", error(Http.post(sandbox, "workspaces/" + data.workspaceGid() + "/addUser",
        fields()), 400));
    assertEquals("workspace: Missing input", error(Http.post(sandbox, "projects", fields("name", "x")), 400));
    assertEquals("resource: Missing input", error(Http.post(sandbox, "webhooks", fields("target", "http://127.0.0.1:1/")), 400));
  }

  @Test
  void unknownGidsAre404InThePathAnd400InTheBody() {
    assertEquals("Unknown object: 999", error(Http.put(sandbox, "tasks/999", fields("name", "x")), 404));
    assertEquals("Unknown object: 999", error(Http.delete(sandbox, "projects/999"), 404));
    assertEquals("Unknown object: 999", error(Http.post(sandbox, "tasks/999/addTag", fields("tag", "1")), 404));
    assertEquals("Unknown object: " + task, error(Http.delete(sandbox, "sections/" + task), 404), "a gid of another type");
    assertEquals("tag: Not a recognized ID: 42", error(Http.post(sandbox, "tasks/" + task + "/addTag", fields("tag", "42")), 400));
    assertEquals("assignee: Not a recognized ID: nobody@example.org",
        error(Http.put(sandbox, "tasks/" + task, fields("assignee", "nobody@example.org")), 400));
    assertEquals("projects: Not a recognized ID: 7", error(Http.post(sandbox, "tasks", fields("projects", List.of("7"))), 400));
    assertEquals(ApiHandler.NO_ROUTE, error(Http.post(sandbox, "tasks/" + task + "/frobnicate", fields()), 404));
  }

  @Test
  void malformedBodiesAre400() {
    assertEquals(JsonIn.INVALID, error(Http.raw(sandbox, "POST", "tasks", RequestBody.create("{\"data\": {", Http.JSON_TYPE)), 400));
    assertEquals(JsonIn.INVALID, error(Http.raw(sandbox, "PUT", "tasks/" + task, RequestBody.create("[1,2]", Http.JSON_TYPE)), 400));
    assertEquals("data: Not an object", error(Http.raw(sandbox, "PUT", "tasks/" + task,
        RequestBody.create("{\"data\": 3}", Http.JSON_TYPE)), 400));
    assertEquals("completed: Not a boolean: yes", error(Http.put(sandbox, "tasks/" + task, fields("completed", "yes")), 400));
    assertEquals("due_on: Not a valid date: tomorrow", error(Http.put(sandbox, "tasks/" + task, fields("due_on", "tomorrow")), 400));
    assertEquals("due_at: Cannot be used with due_on", error(Http.put(sandbox, "tasks/" + task,
        fields("due_on", "2030-01-01", "due_at", "2030-01-01T10:00:00Z")), 400));
    assertTrue(error(Http.put(sandbox, "tasks/" + task, fields("resource_subtype", "epic")), 400)
        .startsWith("resource_subtype: Not a valid value: epic. Should be one of default_task"));
    assertTrue(error(Http.put(sandbox, "tasks/" + task, fields("html_notes", "no body")), 400).startsWith("html_notes:"));
    assertTrue(error(Http.put(sandbox, "tasks/" + task, fields("projects", List.of())), 400).startsWith("projects:"),
        "projects are create-only");
  }

  @Test
  void aRefusedWriteChangesNothing() {
    SandboxData.TaskInfo before = data.task(task);
    long events = sandbox.events().eventCount();
    // A valid name with an invalid date: validated as a whole, so the name is not applied either.
    error(Http.put(sandbox, "tasks/" + task, fields("name", "Half applied?", "due_on", "2030-13-45")), 400);
    assertEquals(before.name(), Http.get(sandbox, "tasks/" + task).object().get("name"));
    assertEquals(before, data.task(task));
    assertEquals(events, sandbox.events().eventCount());
  }

  @Test
  void theGeneratedBigProjectIsReadOnly() {
    String big = data.bigProjectGid();
    String bigTask = data.bigProjectTaskGid(5);
    assertEquals(Graph.BIG_READ_ONLY, error(Http.put(sandbox, "tasks/" + bigTask, fields("name", "x")), 403));
    assertEquals(Graph.BIG_READ_ONLY, error(Http.post(sandbox, "tasks", fields("projects", List.of(big))), 403));
    assertEquals(Graph.BIG_READ_ONLY, error(Http.delete(sandbox, "projects/" + big), 403));
  }

  @Test
  void dependenciesNeedPremium() {
    String personalProject = data.personalProjectGid();
    List<String> tasks = data.taskGids(personalProject);
    assertEquals(TaskWrites.DEPENDENCIES_PREMIUM, error(Http.post(sandbox, "tasks/" + tasks.get(0) + "/addDependencies",
        fields("dependencies", List.of(tasks.get(1)))), 402));
  }
}
