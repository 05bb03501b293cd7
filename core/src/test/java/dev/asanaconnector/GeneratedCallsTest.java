package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.model.GetTask200Response;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct calls of the generated APIs through {@link AsanaClient#call} and {@link AsanaClient#callWithResponse}. */
class GeneratedCallsTest {
  private final RecordingServer server;
  private final AsanaClient asana;

  GeneratedCallsTest() throws Exception {
    server = new RecordingServer();
    asana = server.client();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void callReturnsTheBodyThroughTheConfiguredStack() {
    server.answer(r -> RecordingServer.json(200, "{\"data\":{\"gid\":\"77\",\"name\":\"Plan\"}}"));
    GetTask200Response task = asana.call(asana.api(TasksApi.class).getTask("77", null, List.of("name", "notes")));
    assertEquals("Plan", task.getData().getName());
    RecordedRequest sent = server.last();
    assertEquals("/api/1.0/tasks/77?opt_fields=name,notes", sent.getTarget());
    assertEquals("Bearer test-token-123", sent.getHeaders().get("Authorization"));
    assertTrue(sent.getHeaders().get("User-Agent").startsWith("asana-connector-java/"), sent.getHeaders().get("User-Agent"));
  }

  @Test
  void callWithResponseKeepsStatusHeadersAndRequestId() {
    server.answer(r -> RecordingServer.json(200, "{\"data\":{\"gid\":\"77\"}}").newBuilder().setHeader("Asana-Change", "x").build());
    ApiResponse<GetTask200Response> response = asana.callWithResponse(
        asana.api(TasksApi.class).getTask("77", null, null));
    assertEquals(200, response.status());
    assertEquals("req-42", response.requestId().orElseThrow());
    assertEquals("x", response.headers().get("Asana-Change"));
    assertEquals("77", response.body().orElseThrow().getData().getGid());
    assertFalse(response.toString().contains("test-token-123"));
  }

  @Test
  void anErrorStatusIsTheConnectorsException() {
    server.answer(r -> RecordingServer.json(404, "{\"errors\":[{\"message\":\"Unknown object: 77\"}]}"));
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> asana.call(asana.api(TasksApi.class).getTask("77", null, null)));
    assertEquals(List.of("Unknown object: 77"), e.messages());
    assertEquals("req-42", e.requestId().orElseThrow());
    assertEquals("GET", e.method());
    assertEquals("/api/1.0/tasks/77", e.path());
  }

  @Test
  void malformedJsonIsAnInvalidResponseNamingTheRequest() {
    server.answer(r -> RecordingServer.json(200, "{\"data\": {\"gid\": "));
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> asana.call(asana.api(TasksApi.class).getTask("77", null, null)));
    assertEquals("/api/1.0/tasks/77", e.path().orElseThrow());
    assertTrue(e.getMessage().contains("GET /api/1.0/tasks/77"), e.getMessage());
  }

  @Test
  void anHtmlPageOnSuccessIsAnInvalidResponse() {
    server.answer(r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<html>Login</html>").build());
    assertThrows(InvalidResponseException.class, () -> asana.call(asana.api(TasksApi.class).getTask("77", null,
        null)));
  }

  @Test
  void aRefusedConnectionIsANetworkExceptionNamingTheRequest() {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl("http://127.0.0.1:1/api/1.0/")
        .personalAccessToken("t");
    builder.http().retryPolicy(dev.asanaconnector.http.RetryPolicy.none());
    AsanaClient offline = builder.build();
    NetworkException e = assertThrows(NetworkException.class,
        () -> offline.call(offline.api(TasksApi.class).getTask("77", null, null)));
    assertEquals("GET", e.method().orElseThrow());
    assertEquals("/api/1.0/tasks/77", e.path().orElseThrow());
  }
}
