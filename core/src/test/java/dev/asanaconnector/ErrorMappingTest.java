package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Asana's failures become typed exceptions with status, messages and request id; never a parser's trace. */
class ErrorMappingTest {
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

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "project: Not a valid gid", BadRequestException.class),
        Arguments.of(400, "offset: Your pagination token has expired.", OffsetExpiredException.class),
        Arguments.of(401, "Not Authorized", UnauthorizedException.class),
        Arguments.of(402, "Search is only available to premium users.", PremiumRequiredException.class),
        Arguments.of(403, "Forbidden", ForbiddenException.class),
        Arguments.of(404, "Unknown object: 123", NotFoundException.class),
        Arguments.of(429, "You have made too many requests recently.", RateLimitedException.class),
        Arguments.of(500, "Server Error", ServerErrorException.class),
        Arguments.of(503, "Service Unavailable", ServerErrorException.class));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("statuses")
  void statusBecomesItsException(int status, String message, Class<? extends AsanaApiException> type) {
    server.answer(r -> RecordingServer.json(status, "{\"errors\":[{\"message\":\"" + message
        + "\",\"help\":\"See https://developers.asana.com\",\"phrase\":\"6 sad squid snuggle softly\"}]}")
        .newBuilder().setHeader("Retry-After", "1").build());
    AsanaApiException e = assertThrows(AsanaApiException.class, () -> asana.projects().get("123"));
    assertEquals(type, e.getClass());
    assertEquals(status, e.status());
    assertEquals(message, e.messages().get(0));
    assertEquals("6 sad squid snuggle softly", e.errors().get(0).phrase());
    assertEquals("req-42", e.requestId().orElseThrow());
    assertEquals("GET", e.method());
    assertEquals("/api/1.0/projects/123", e.path());
    assertTrue(e.getMessage().contains(message) && e.getMessage().contains(String.valueOf(status)));
    assertFalse(e.getMessage().contains("test-token-123"));
    if (e instanceof RateLimitedException limited) {
      assertEquals(Duration.ofSeconds(1), limited.retryAfter().orElseThrow());
    }
  }

  @Test
  void htmlErrorPageFromAProxyKeepsStatusAndExcerpt() {
    server.answer(r -> new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> asana.workspaces().get("5"));
    assertEquals(502, e.status());
    assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
  }

  static Stream<Arguments> hostileBodies() {
    return Stream.of(
        Arguments.of("application/json", "{\"data\": {\"gid\": \"1\", "),
        Arguments.of("application/json", "{\"data\": [1, 2, oops]}"),
        Arguments.of("application/json", ""),
        Arguments.of("text/html", "<html>Login required</html>"),
        Arguments.of("application/json", "{\"data\": {\"gid\": {\"nested\": true}}}"));
  }

  @ParameterizedTest
  @MethodSource("hostileBodies")
  void malformedSuccessBodiesAreInvalidResponses(String type, String body) {
    server.answer(r -> new MockResponse.Builder().code(200).setHeader("Content-Type", type).body(body).build());
    InvalidResponseException typed = assertThrows(InvalidResponseException.class, () -> asana.workspaces().get("5"));
    assertEquals(200, typed.status());
    assertEquals("GET", typed.method().orElseThrow());
    assertEquals("/api/1.0/workspaces/5", typed.path().orElseThrow());
    InvalidResponseException untyped = assertThrows(InvalidResponseException.class,
        () -> asana.execute("workspaces", "list", java.util.Map.of()));
    assertTrue(untyped.getMessage().contains("HTTP 200"));
  }

  @Test
  void cutConnectionIsANetworkException() {
    server.answer(r -> RecordingServer.json(200, "{\"data\":{\"gid\":\"1\",\"name\":\"" + "x".repeat(20_000) + "\"}}")
        .newBuilder().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    AsanaException e = assertThrows(AsanaException.class, () -> asana.workspaces().get("5"));
    assertTrue(e instanceof NetworkException || e instanceof InvalidResponseException, e.toString());
  }

  @Test
  void refusedConnectionIsANetworkException() {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl("http://127.0.0.1:1/api/1.0/").personalAccessToken("t");
    builder.http().retryPolicy(dev.asanaconnector.http.RetryPolicy.none());
    NetworkException e = assertThrows(NetworkException.class, () -> builder.build().workspaces().get("5"));
    assertTrue(e.getMessage().startsWith("GET /api/1.0/workspaces/5 failed"), e.getMessage());
    assertEquals("GET", e.method().orElseThrow());
    assertEquals("/api/1.0/workspaces/5", e.path().orElseThrow());
    assertInstanceOf(java.io.IOException.class, e.getCause());
  }
}
