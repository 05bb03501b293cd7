package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is an error naming the parameter, raised before any request is sent. */
class ValidationTest {
  private static RecordingServer server;
  private static AsanaClient asana;

  @BeforeAll
  static void start() throws Exception {
    server = new RecordingServer();
    server.answer(request -> RecordingServer.json(200, "{\"data\":[]}"));
    asana = server.client();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("nope", "list", Map.of(), "entity", "unknown entity"),
        Arguments.of("tasks", "download", Map.of(), "action", "has no action 'download'"),
        Arguments.of("tasks", "list", Map.of("project", "1", "colour", "red"), "colour", "is not a parameter"),
        Arguments.of("tasks", "list", Map.of(), "project", "needs a project"),
        Arguments.of("tasks", "list", Map.of("workspace", "5"), "assignee", "together"),
        Arguments.of("tasks", "get", Map.of(), "task_gid", "is required"),
        Arguments.of("tasks", "get", Map.of("task_gid", ""), "task_gid", "must not be empty"),
        Arguments.of("tasks", "get", Map.of("task_gid", "../users/me"), "task_gid", "must be a gid"),
        Arguments.of("tasks", "get", Map.of("task_gid", "1?x=2"), "task_gid", "must be a gid"),
        Arguments.of("tasks", "get", Map.of("task_gid", "1#f"), "task_gid", "must be a gid"),
        Arguments.of("projects", "get", Map.of("project_gid", "me"), "project_gid", "must be a gid"),
        Arguments.of("projects", "list", Map.of("limit", 0), "limit", "between 1 and 100"),
        Arguments.of("projects", "list", Map.of("limit", "101"), "limit", "between 1 and 100"),
        Arguments.of("projects", "list", Map.of("limit", "ten"), "limit", "must be an integer"),
        Arguments.of("projects", "list", Map.of("archived", "yes"), "archived", "true or false"),
        Arguments.of("tasks", "list", Map.of("project", "1", "modified_since", "yesterday"), "modified_since",
            "ISO 8601"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5"), "workspace_task_search",
            "at least one search filter"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "sort_by", "created_at"),
            "workspace_task_search", "at least one search filter"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "due_on.before", "tomorrow"),
            "due_on.before", "ISO 8601 date"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "projects.any", "1,x"),
            "projects.any", "must be a gid"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "assignee.sometimes", "1"),
            "assignee.sometimes", "is not a parameter"),
        Arguments.of("user_teams", "list", Map.of("user_gid", "me"), "organization", "is required"),
        Arguments.of("attachments", "list", Map.of(), "parent", "is required"),
        Arguments.of("attachments", "download", Map.of("attachment_gid", "3", "range_header", "bytes=9-1"),
            "range_header", "byte range"),
        Arguments.of("projects", "get", Map.of("project_gid", "1", "opt_fields", "name,DROP TABLE"), "opt_fields",
            "not a field name"),
        Arguments.of("tasks", "list", withNull(Map.of("project", "1"), "colour"), "colour", "is not a parameter"),
        Arguments.of("tasks", "get", withNull(Map.of(), "task_gid"), "task_gid", "is required"),
        Arguments.of("attachments", "download", withNull(Map.of("attachment_gid", "3"), "colour"), "colour",
            "is not a parameter"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "text", "x", "sort_by", "name"),
            "sort_by", "must be one of due_date, created_at, completed_at, likes, modified_at, was 'name'"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "resource_subtype", "bug"),
            "resource_subtype", "must be one of default_task, milestone, approval, was 'bug'"),
        Arguments.of("tasks", "get", Map.of("task_gid", 1204L), "task_gid", "must be a string of digits"),
        Arguments.of("users", "get", Map.of("user_gid", 7), "user_gid", "must be a string of digits"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "projects.any", List.of("1", 2)),
            "projects.any", "must be a string of digits"),
        Arguments.of("workspace_task_search", "list", Map.of("workspace_gid", "5", "text", 42), "text",
            "must be a string, was a Integer"),
        Arguments.of("projects", "list", Map.of("offset", 3), "offset", "must be a string"));
  }

  /** {@code params} plus {@code name} mapped to null (Map.of refuses nulls). */
  private static Map<String, Object> withNull(Map<String, Object> params, String name) {
    Map<String, Object> map = new HashMap<>(params);
    map.put(name, null);
    return map;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badInputs")
  void rejectedBeforeAnyRequest(String entity, String action, Map<String, ?> params, String parameter,
      String problem) {
    int before = server.requests.size();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> asana.execute(entity, action, params));
    assertEquals(parameter, e.parameter());
    assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertEquals(before, server.requests.size(), "no request was sent");
  }

  @Test
  void aNullForAKnownOptionalParameterMeansNotSet() {
    Map<String, Object> params = withNull(Map.of("project", "1"), "limit");
    asana.execute("tasks", "list", params);
    assertEquals(null, server.last().getUrl().queryParameter("limit"));
    assertEquals("1", server.last().getUrl().queryParameter("project"));
  }

  @Test
  void typedParamsReportAMisspelledNameEvenWhenItsValueIsNull() {
    int before = server.requests.size();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> asana.projectTasks().list("1", Params.builder().param("colour", null).build()));
    assertEquals("colour", e.parameter());
    assertEquals(before, server.requests.size(), "no request was sent");
    // A known parameter set to null is simply not sent.
    asana.projectTasks().list("1", Params.builder().limit(5).limit(null).build());
    assertEquals(null, server.last().getUrl().queryParameter("limit"));
  }

  @Test
  void allowedSortAndSubtypeValuesAreSentAsGiven() {
    asana.workspaceTaskSearch().list("5", TaskSearch.builder().resourceSubtype("approval").sortBy("likes").build(),
        Params.none());
    assertEquals("approval", server.last().getUrl().queryParameter("resource_subtype"));
    assertEquals("likes", server.last().getUrl().queryParameter("sort_by"));
  }

  @Test
  void typedMethodsValidateToo() {
    int before = server.requests.size();
    assertEquals("task_gid", assertThrows(InvalidParameterException.class, () -> asana.tasks().get("1/2")).parameter());
    assertEquals("limit", assertThrows(InvalidParameterException.class,
        () -> asana.projectTasks().list("1", Params.builder().limit(500).build())).parameter());
    assertEquals("archived", assertThrows(InvalidParameterException.class,
        () -> asana.taskProjects().list("1", Params.builder().archived(true).build())).parameter());
    assertEquals("maxItems", assertThrows(InvalidParameterException.class,
        () -> Params.builder().maxItems(-1)).parameter());
    assertEquals("sort_by", assertThrows(InvalidParameterException.class, () -> asana.workspaceTaskSearch()
        .list("5", TaskSearch.builder().text("x").sortBy("due_on").build(), Params.none())).parameter());
    assertEquals(before, server.requests.size());
  }
}
