package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 200 answer without Asana's envelope shape is an {@link InvalidResponseException} naming the request and
 * quoting the body, on typed and untyped paths; {@code execute} results cannot be modified.
 */
class ResponseShapeTest {
  private static RecordingServer server;
  private static AsanaClient asana;

  @BeforeAll
  static void start() throws Exception {
    server = new RecordingServer();
    asana = server.client();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static void answer(String body) {
    server.answer(request -> RecordingServer.json(200, body));
  }

  private static void assertInvalid(String body, String path, String problem, Executable call) {
    answer(body);
    InvalidResponseException e = assertThrows(InvalidResponseException.class, call);
    assertEquals(200, e.status());
    assertTrue(e.getMessage().contains("GET /api/1.0" + path), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertEquals(body, e.excerpt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"data\":null}", "{\"next_page\":null}"})
  void aListWithoutDataIsInvalidNotEmpty(String body) {
    assertInvalid(body, "/projects/1/tasks", "has no data list", () -> asana.projectTasks().list("1"));
    assertInvalid(body, "/projects/1/tasks", "has no data list",
        () -> asana.execute("project_tasks", "list", Map.of("project_gid", "1")));
    assertInvalid(body, "/projects/1/tasks", "has no data list",
        () -> asana.projectTasks().iterate("1", Params.none()).iterator().hasNext());
  }

  @Test
  void aNullRecordInAListIsInvalid() {
    String body = "{\"data\":[{\"gid\":\"1\"},null]}";
    assertInvalid(body, "/projects/1/tasks", "null record", () -> asana.projectTasks().list("1"));
    assertInvalid(body, "/projects/1/tasks", "not records",
        () -> asana.execute("project_tasks", "list", Map.of("project_gid", "1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"data\":null}", "{\"data\":[]}"})
  void aGetWithoutADataObjectIsInvalid(String body) {
    assertInvalid(body, "/tags/8", "", () -> asana.tags().get("8"));
    assertInvalid(body, "/tags/8", "has no data object", () -> asana.execute("tags", "get", Map.of("tag_gid", "8")));
  }

  @Test
  void executeResultsAreUnmodifiableAllTheWayDown() {
    answer("{\"data\":[{\"gid\":\"1\",\"tags\":[{\"gid\":\"2\"}]}],"
        + "\"next_page\":{\"offset\":\"t\",\"path\":\"/x\",\"uri\":\"https://x\"}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) asana.execute("project_tasks", "list", Map.of("project_gid", "1"));
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) page.get("meta");
    @SuppressWarnings("unchecked")
    Map<String, Object> nextPage = (Map<String, Object>) meta.get("next_page");
    @SuppressWarnings("unchecked")
    List<Object> data = (List<Object>) page.get("data");
    @SuppressWarnings("unchecked")
    Map<String, Object> record = (Map<String, Object>) data.get(0);
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) record.get("tags");
    assertThrows(UnsupportedOperationException.class, () -> page.put("extra", 1));
    assertThrows(UnsupportedOperationException.class, () -> meta.put("next_page", null));
    assertThrows(UnsupportedOperationException.class, () -> nextPage.put("offset", "other"));
    assertThrows(UnsupportedOperationException.class, () -> data.add(Map.of()));
    assertThrows(UnsupportedOperationException.class, () -> record.put("name", "x"));
    assertThrows(UnsupportedOperationException.class, () -> tags.clear());

    answer("{\"data\":{\"gid\":\"8\",\"workspace\":{\"gid\":\"5\"},\"followers\":[]}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> tag = (Map<String, Object>) asana.execute("tags", "get", Map.of("tag_gid", "8"));
    @SuppressWarnings("unchecked")
    Map<String, Object> workspace = (Map<String, Object>) tag.get("workspace");
    @SuppressWarnings("unchecked")
    List<Object> followers = (List<Object>) tag.get("followers");
    assertThrows(UnsupportedOperationException.class, () -> tag.remove("gid"));
    assertThrows(UnsupportedOperationException.class, () -> workspace.put("gid", "6"));
    assertThrows(UnsupportedOperationException.class, () -> followers.add("x"));
  }
}
