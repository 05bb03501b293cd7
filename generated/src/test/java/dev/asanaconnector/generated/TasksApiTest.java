package dev.asanaconnector.generated;

import static dev.asanaconnector.generated.MockAsana.args;
import static dev.asanaconnector.generated.MockAsana.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.model.CreateTask201Response;
import dev.asanaconnector.generated.model.CreateTaskRequest;
import dev.asanaconnector.generated.model.DeleteTask200Response;
import dev.asanaconnector.generated.model.GetTask200Response;
import dev.asanaconnector.generated.model.GetTasks200Response;
import dev.asanaconnector.generated.model.SearchTasksForWorkspace200Response;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.model.UpdateTask200Response;
import dev.asanaconnector.generated.model.UpdateTaskRequest;
import dev.asanaconnector.generated.support.AsanaJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TasksApi against a mock Asana: requests as Asana expects them, responses into the models. */
class TasksApiTest {
  private final MockAsana asana = new MockAsana();
  private final TasksApi tasks = asana.api(TasksApi.class);
  private final Spec spec = Spec.get();

  @AfterEach
  void close() {
    asana.close();
  }

  @Test
  void getTasksSendsPagingAndOptFieldsAsOneCommaJoinedParameter() {
    asana.respond("""
        {"data": [
           {"gid": "1201", "resource_type": "task", "name": "Buy catnip", "resource_subtype": "default_task"},
           {"gid": "1202", "resource_type": "task", "name": "Ship it", "resource_subtype": "milestone"}],
         "next_page": {"offset": "eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9",
           "path": "/tasks?project=1331&limit=2&offset=eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9",
           "uri": "https://app.asana.com/api/1.0/tasks?project=1331&limit=2&offset=eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9"}}
        """);

    GetTasks200Response page = execute(tasks, "getTasks", args("project", "1331", "limit", 2,
        "offset", "abc", "completed_since", OffsetDateTime.of(2026, 1, 31, 9, 0, 0, 0, ZoneOffset.UTC),
        "opt_fields", List.of("name", "notes")));

    RecordedRequest request = asana.request();
    assertEquals("GET", request.getMethod());
    HttpUrl url = request.getUrl();
    assertEquals("/api/1.0/tasks", url.encodedPath());
    assertEquals("1331", url.queryParameter("project"));
    assertEquals("2", url.queryParameter("limit"));
    assertEquals("abc", url.queryParameter("offset"));
    // Full ISO 8601, seconds included, not LocalDateTime.toString()'s 09:00Z.
    assertEquals("2026-01-31T09:00:00Z", url.queryParameter("completed_since"));
    assertEquals(List.of("name,notes"), url.queryParameterValues("opt_fields"));
    assertTrue(url.encodedQuery().contains("opt_fields=name,notes"), url.encodedQuery());
    assertNull(url.queryParameter("opt_pretty"), "null parameters are not sent");
    assertNull(url.queryParameter("assignee"));

    assertEquals(2, page.getData().size());
    TaskCompact first = page.getData().get(0);
    assertEquals("1201", first.getGid());
    assertEquals("Buy catnip", first.getName());
    assertEquals(TaskCompact.ResourceSubtypeEnum.DEFAULT_TASK, first.getResourceSubtype());
    assertEquals(TaskCompact.ResourceSubtypeEnum.MILESTONE, page.getData().get(1).getResourceSubtype());
    assertEquals("eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9", page.getNextPage().getOffset());
    assertEquals("/tasks?project=1331&limit=2&offset=eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9",
        page.getNextPage().getPath());
    assertEquals(URI.create("https://app.asana.com/api/1.0/tasks?project=1331&limit=2"
        + "&offset=eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9"), page.getNextPage().getUri());
  }

  @Test
  void lastPageHasNoNextPage() {
    asana.respond("{\"data\": [{\"gid\": \"1\"}], \"next_page\": null}");
    GetTasks200Response page = execute(tasks, "getTasks", args("project", "1331"));
    assertNull(page.getNextPage());
    assertEquals("1", page.getData().get(0).getGid());
  }

  @Test
  void getTaskReadsTheSpecsOwnExample() {
    Map<String, Object> example = spec.exampleResponse("getTask");
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) example.get("data");
    asana.respondWith(example);

    GetTask200Response response = execute(tasks, "getTask", args("task_gid", "1204", "opt_pretty", true));

    RecordedRequest request = asana.request();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/1.0/tasks/1204", request.getUrl().encodedPath());
    assertEquals("true", request.getUrl().queryParameter("opt_pretty"));
    TaskResponse task = response.getData();
    assertEquals(data.get("gid"), task.getGid());
    assertEquals(data.get("name"), task.getName());
    assertEquals(data.get("notes"), task.getNotes());
    assertEquals(data.get("completed"), task.getCompleted());
    assertEquals(LocalDate.parse((String) data.get("due_on")), task.getDueOn());
    assertEquals(OffsetDateTime.parse((String) data.get("created_at")), task.getCreatedAt());
    assertEquals(data.get("resource_subtype"), task.getResourceSubtype().toString().toLowerCase());
    assertNotNull(task.getWorkspace());
  }

  @Test
  void enumValueTheSpecDoesNotKnowReadsAsUnrecognized() {
    asana.respond("""
        {"data": {"gid": "1204", "resource_type": "task", "name": "New kind",
                  "resource_subtype": "brand_new_kind", "approval_status": "reconsidering"}}
        """);
    TaskResponse task = this.<GetTask200Response>get("1204").getData();
    assertEquals(TaskResponse.ResourceSubtypeEnum.UNRECOGNIZED, task.getResourceSubtype());
    assertEquals(TaskResponse.ApprovalStatusEnum.UNRECOGNIZED, task.getApprovalStatus());
    assertEquals("New kind", task.getName());
  }

  @Test
  void unknownFieldsAreIgnored() {
    asana.respond("""
        {"data": {"gid": "1204", "brand_new_field": {"nested": [1, 2, {"x": null}]}, "name": "Still read",
                  "another_new_one": 42.5, "completed": true},
         "brand_new_envelope_field": "ignored too"}
        """);
    TaskResponse task = this.<GetTask200Response>get("1204").getData();
    assertEquals("1204", task.getGid());
    assertEquals("Still read", task.getName());
    assertEquals(Boolean.TRUE, task.getCompleted());
  }

  @Test
  void compactRecordLeavesAbsentBooleansAndNumbersNull() {
    asana.respond("{\"data\": {\"gid\": \"1204\", \"resource_type\": \"task\", \"name\": \"Compact\"}}");
    TaskResponse task = this.<GetTask200Response>get("1204").getData();
    assertEquals("Compact", task.getName());
    assertNull(task.getCompleted());
    assertNull(task.getLiked());
    assertNull(task.getNumLikes());
    assertNull(task.getNumSubtasks());
    assertNull(task.getActualTimeMinutes());
    assertNull(task.getDueOn());
    assertNull(task.getCreatedAt());
    assertNull(task.getResourceSubtype());
    assertNull(task.getProjects());
  }

  @Test
  void dateTimeDateAndDecimalFieldsRoundTrip() {
    asana.respond("""
        {"data": {"gid": "1204", "due_at": "2026-03-01T17:30:00.250+02:00", "due_on": "2026-03-01",
                  "start_on": "2024-02-29", "created_at": "2012-02-22T02:06:58.147Z",
                  "actual_time_minutes": 123456789012345678901234567890.123456789}}
        """);
    TaskResponse task = this.<GetTask200Response>get("1204").getData();
    assertEquals(OffsetDateTime.of(2026, 3, 1, 17, 30, 0, 250_000_000, ZoneOffset.ofHours(2)), task.getDueAt());
    assertEquals(LocalDate.of(2026, 3, 1), task.getDueOn());
    assertEquals(LocalDate.of(2024, 2, 29), task.getStartOn());
    assertEquals(OffsetDateTime.parse("2012-02-22T02:06:58.147Z"), task.getCreatedAt());
    assertEquals(new BigDecimal("123456789012345678901234567890.123456789"), task.getActualTimeMinutes());

    String written = AsanaJson.moshi().adapter(TaskResponse.class).toJson(task);
    assertTrue(written.contains("\"due_at\":\"2026-03-01T17:30:00.25+02:00\""), written);
    assertTrue(written.contains("\"due_on\":\"2026-03-01\""), written);
    assertTrue(written.contains("\"created_at\":\"2012-02-22T02:06:58.147Z\""), written);
    assertTrue(written.contains("\"actual_time_minutes\":123456789012345678901234567890.123456789"), written);
    assertFalse(written.contains("null"), "absent fields are left out: " + written);
  }

  /**
   * The request envelope {@code type} read from {@code json}. Its {@code data} is the task record, whose
   * class depends on the spec version: {@code TaskRequest} for createTask and updateTask up to 2026-02-05,
   * {@code TaskCreateRequest} and {@code TaskUpdateRequest} since 2026-06-11. The envelopes have the same
   * names in every version, so the tests reach the record through them (held in a {@code var}) and compile
   * against each version scripts/test generates from.
   */
  private static <T> T envelope(Class<T> type, String json) throws IOException {
    return AsanaJson.moshi().adapter(type).fromJson(json);
  }

  @Test
  void createTaskPostsTheRecordInsideData() throws IOException {
    asana.respond(201, "{\"data\": {\"gid\": \"1300\", \"resource_type\": \"task\", \"name\": \"Buy catnip\"}}");
    // resource_subtype by its JSON name: the enum is nested in the record's class, whose name varies.
    var task = envelope(CreateTaskRequest.class, "{\"data\": {\"resource_subtype\": \"milestone\"}}").getData()
        .toBuilder()
        .name("Buy catnip")
        .notes("Mittens really likes the stuff from Humboldt.")
        .assignee("me")
        .projects(List.of("1331", "1332"))
        .dueOn(LocalDate.of(2026, 3, 1))
        .customFields(Map.of("5678904321", "On Hold")).build();
    assertEquals("MILESTONE", task.getResourceSubtype().name());

    CreateTask201Response created = execute(tasks, "createTask",
        args("body", CreateTaskRequest.builder().data(task).build(), "opt_fields", List.of("name")));

    RecordedRequest request = asana.request();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/1.0/tasks", request.getUrl().encodedPath());
    assertEquals("name", request.getUrl().queryParameter("opt_fields"));
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"), request.getHeaders().get("Content-Type"));
    assertEquals(Map.of("data", Map.of(
            "name", "Buy catnip",
            "notes", "Mittens really likes the stuff from Humboldt.",
            "assignee", "me",
            "projects", List.of("1331", "1332"),
            "due_on", "2026-03-01",
            "resource_subtype", "milestone",
            "custom_fields", Map.of("5678904321", "On Hold"))),
        MockAsana.json(request));
    assertEquals("1300", created.getData().getGid());
  }

  @Test
  void updateTaskPutsOnlyTheFieldsSet() throws IOException {
    asana.respond("{\"data\": {\"gid\": \"1204\", \"completed\": true}}");
    var task = envelope(UpdateTaskRequest.class, "{\"data\": {}}").getData().toBuilder().completed(true)
        .dueAt(OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC)).build();
    UpdateTask200Response updated = execute(tasks, "updateTask", args("task_gid", "1204",
        "body", UpdateTaskRequest.builder().data(task).build()));

    RecordedRequest request = asana.request();
    assertEquals("PUT", request.getMethod());
    assertEquals("/api/1.0/tasks/1204", request.getUrl().encodedPath());
    assertEquals(Map.of("data", Map.of("completed", true, "due_at", "2026-03-01T09:00:00Z")),
        MockAsana.json(request));
    assertEquals(Boolean.TRUE, updated.getData().getCompleted());
  }

  @Test
  void deleteTaskSendsDeleteAndReadsTheEmptyRecord() {
    asana.respond("{\"data\": {}}");
    DeleteTask200Response deleted = execute(tasks, "deleteTask", args("task_gid", "1204"));
    RecordedRequest request = asana.request();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/api/1.0/tasks/1204", request.getUrl().encodedPath());
    assertEquals(0, request.getBodySize());
    assertNotNull(deleted.getData());
  }

  @Test
  void searchDoesNotSendTheSpecsResourceSubtypeDefaultWhenNull() {
    Map<String, Object> parameter = spec.parameter("searchTasksForWorkspace", "resource_subtype").orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
    assertEquals("milestone", schema.get("default"), "the spec's default this test is about");

    asana.respond("{\"data\": [{\"gid\": \"1204\", \"name\": \"Found\"}]}");
    SearchTasksForWorkspace200Response found = execute(tasks, "searchTasksForWorkspace", args(
        "workspace_gid", "1000", "text", "catnip", "resource_subtype", null, "completed", false,
        "due_on.before", LocalDate.of(2026, 3, 1), "sort_by", "modified_at", "opt_fields", List.of("name")));

    HttpUrl url = asana.request().getUrl();
    assertEquals("/api/1.0/workspaces/1000/tasks/search", url.encodedPath());
    assertFalse(url.queryParameterNames().contains("resource_subtype"), url.toString());
    assertEquals("catnip", url.queryParameter("text"));
    assertEquals("false", url.queryParameter("completed"));
    assertEquals("2026-03-01", url.queryParameter("due_on.before"));
    assertEquals("modified_at", url.queryParameter("sort_by"));
    assertEquals("Found", found.getData().get(0).getName());

    asana.respond("{\"data\": []}");
    execute(tasks, "searchTasksForWorkspace", args("workspace_gid", "1000", "resource_subtype", "milestone"));
    assertEquals("milestone", asana.request().getUrl().queryParameter("resource_subtype"));
  }

  @Test
  void optFieldValuesKeepTheirOwnCommasEncoded() {
    asana.respond("{\"data\": []}");
    execute(tasks, "getTasks", args("project", "1", "opt_fields", List.of("a,b", "c")));
    HttpUrl url = asana.request().getUrl();
    assertEquals(List.of("a%2Cb,c"), List.of(url.encodedQuery().replaceAll(".*opt_fields=([^&]*).*", "$1")));
  }

  private <T> T get(String gid) {
    return execute(tasks, "getTask", args("task_gid", gid));
  }
}
