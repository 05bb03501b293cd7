package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.InvalidResponseException;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.NotFoundException;
import dev.asanaconnector.Params;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.generated.api.ProjectsApi;
import dev.asanaconnector.generated.api.WorkspacesApi;
import dev.asanaconnector.http.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * Catalog calls, iterations and direct calls of generated APIs share one path: one retry loop with one
 * budget, one error mapper, one bounded body reader, one redaction. Each test here is named after a
 * defect that two paths used to cause.
 */
class OnePipelineTest {
  private static final String PAT = "pat-5ecret-1/1204567890:a3f9c2e1b7d4";
  private static final String OAUTH_ACCESS = "oauth-access-5ecret-77c1e0d9";
  private static final String REFRESH = "refresh-5ecret-5b1d9a0c3e7f";
  private static final String CLIENT_SECRET = "client-5ecret-0e4f8a2b6c1d";

  /** Every kind of call that reads JSON from Asana, each as a runnable that throws what it throws. */
  private static Map<String, Runnable> everyKindOfCall(AsanaClient asana) {
    return Map.of(
        "typed get", () -> asana.projects().get("5"),
        "typed list", () -> asana.projectTasks().list("5", Params.none()),
        "iteration", () -> asana.projectTasks().iterate("5").iterator().hasNext(),
        "execute get", () -> asana.execute("projects", "get", Map.of("project_gid", "5")),
        "execute list", () -> asana.execute("project_tasks", "list", Map.of("project_gid", "5")),
        "direct call", () -> asana.call(asana.api(ProjectsApi.class).getProject("5", null, null)),
        "direct call with response", () -> asana.callWithResponse(
            asana.api(WorkspacesApi.class).getWorkspace("5", null, null)));
  }

  private static AsanaClient client(MockWebServer server, RetryPolicy policy) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
        .personalAccessToken(PAT);
    builder.http().retryPolicy(policy);
    return builder.build();
  }

  private static Dispatcher answering(Function<RecordedRequest, MockResponse> answer) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.apply(request);
      }
    };
  }

  @Test
  void retriesMultiplied_aCallMakesNoMoreRequestsThanThePolicysAttemptsUnderAFaultStorm() throws IOException {
    // A storm of every fault the loop retries: 503, 502 and bodies cut mid-read, in turn. Each call may
    // make exactly maxAttempts requests; two nested loops made up to maxAttempts squared.
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(2)).maxTotalTime(Duration.ofSeconds(30)).build();
    AtomicInteger served = new AtomicInteger();
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(answering(request -> switch (served.getAndIncrement() % 3) {
        case 0 -> new MockResponse.Builder().code(503).body("{\"errors\":[{\"message\":\"busy\"}]}").build();
        case 1 -> new MockResponse.Builder().setHeader("Content-Type", "application/json")
            .body("{\"data\":{\"gid\":\"5\",\"name\":\"" + "x".repeat(50_000) + "\"}}")
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
        default -> new MockResponse.Builder().code(502).body("{\"errors\":[{\"message\":\"gateway\"}]}").build();
      }));
      server.start();
      AsanaClient asana = client(server, policy);
      for (Map.Entry<String, Runnable> call : everyKindOfCall(asana).entrySet()) {
        int before = server.getRequestCount();
        served.set(0);
        AsanaException failure = assertThrows(AsanaException.class, call.getValue()::run, call.getKey());
        assertEquals(3, server.getRequestCount() - before, call.getKey() + ": requests for one call");
        assertInstanceOf(ServerErrorException.class, failure, call.getKey() + ": the last attempt's 502");
      }
    }
  }

  @Test
  void retriesMultiplied_aBodyCutMidReadIsRetriedWithinTheSameBudget() throws IOException {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(2)).build();
    AtomicInteger served = new AtomicInteger();
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(answering(request -> served.getAndIncrement() % 2 == 0
          ? new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"data\":{\"gid\":\"5\",\"name\":\"" + "x".repeat(50_000) + "\"}}")
              .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()
          : new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"data\":{\"gid\":\"5\",\"name\":\"Whole\"}}").build()));
      server.start();
      AsanaClient asana = client(server, policy);
      served.set(0);
      assertEquals("Whole", asana.projects().get("5").getName());
      served.set(0);
      assertEquals("Whole", asana.call(asana.api(ProjectsApi.class).getProject("5", null, null)).getData()
          .getName(), "a direct call is retried the same way");
      served.set(0);
      // Retrofit style, through the same stack: the cut body is retried before the call returns.
      assertEquals("Whole", asana.api(ProjectsApi.class).getProject("5", null, null).execute().body().getData()
          .getName());
      assertEquals(6, server.getRequestCount(), "one cut and one whole answer per call");
    }
  }

  @Test
  void oneErrorMapper_directAndCatalogCallsFailAlike() throws IOException {
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(answering(request -> new MockResponse.Builder().code(404)
          .setHeader("X-Request-Id", "req-42")
          .body("{\"errors\":[{\"message\":\"project: Unknown object: 5\",\"help\":\"see docs\"}]}").build()));
      server.start();
      AsanaClient asana = client(server, RetryPolicy.none());
      for (Map.Entry<String, Runnable> call : everyKindOfCall(asana).entrySet()) {
        NotFoundException e = assertThrows(NotFoundException.class, call.getValue()::run, call.getKey());
        assertEquals(404, e.status(), call.getKey());
        assertEquals(List.of("project: Unknown object: 5"), e.messages(), call.getKey());
        assertEquals("req-42", e.requestId().orElseThrow(), call.getKey());
        assertTrue(e.path().startsWith("/api/1.0/"), call.getKey() + ": " + e.path());
      }
    }
  }

  @Test
  void oneBodyReader_aMalformedDirectCallReportsItsRealStatusAndExcerpt() throws IOException {
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(answering(request -> new MockResponse.Builder().code(203)
          .setHeader("Content-Type", "application/json").body("{\"data\":{\"gid\":").build()));
      server.start();
      AsanaClient asana = client(server, RetryPolicy.none());
      for (Map.Entry<String, Runnable> call : everyKindOfCall(asana).entrySet()) {
        InvalidResponseException e = assertThrows(InvalidResponseException.class, call.getValue()::run,
            call.getKey());
        assertEquals(203, e.status(), call.getKey());
        assertEquals("{\"data\":{\"gid\":", e.excerpt(), call.getKey());
      }
    }
  }

  @Test
  void aTokenInAnException_aJsonBodyEchoingTheRequestIsRedactedOnEveryPath() throws IOException {
    // A misbehaving proxy answers 200 application/json with the request's headers in a body that is not
    // valid JSON: the excerpt quoted in the exception must not carry the credential actually sent.
    Function<RecordedRequest, MockResponse> echo = request -> {
      if (request.getTarget().endsWith("/oauth_token")) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(
            "{\"access_token\":\"" + OAUTH_ACCESS + "\",\"expires_in\":3600,\"token_type\":\"bearer\"}").build();
      }
      return new MockResponse.Builder().setHeader("Content-Type", "application/json")
          .body("{\"echo\": \"" + request.getHeaders().get("Authorization") + "\", oops").build();
    };
    List<String> outputs = new ArrayList<>();
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(answering(echo));
      server.start();
      AsanaClient withPat = client(server, RetryPolicy.none());
      AsanaClient.Builder oauthBuilder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .credentials(Credentials.oauth2(OAuth2Credentials.builder().clientId("client-1")
              .clientSecret(CLIENT_SECRET).refreshToken(REFRESH).tokenEndpoint(server.url("/oauth_token").toString())
              .build()));
      oauthBuilder.http().retryPolicy(RetryPolicy.none());
      AsanaClient withOAuth = oauthBuilder.build();
      for (AsanaClient asana : List.of(withPat, withOAuth)) {
        for (Map.Entry<String, Runnable> call : everyKindOfCall(asana).entrySet()) {
          InvalidResponseException e = assertThrows(InvalidResponseException.class, call.getValue()::run,
              call.getKey());
          assertTrue(e.excerpt().contains("Bearer <redacted>"), call.getKey() + ": " + e.excerpt());
          outputs.add(LogCapture.render(e));
        }
      }
    }
    assertEquals(14, outputs.size());
    Fixtures.assertNoSecrets(outputs, PAT, OAUTH_ACCESS, REFRESH, CLIENT_SECRET);
  }

  @Test
  void theTokenGoesToAnyHost_noCredentialsForAForeignOriginThroughTheRawClient() throws IOException {
    try (MockWebServer api = Fixtures.mockWebServer(); MockWebServer foreign = Fixtures.mockWebServer()) {
      api.setDispatcher(answering(request -> new MockResponse.Builder().body("{}").build()));
      foreign.setDispatcher(answering(request -> new MockResponse.Builder().body("{}").build()));
      api.start();
      foreign.start();
      AsanaClient asana = client(api, RetryPolicy.none());
      asana.httpClient().newCall(new okhttp3.Request.Builder().url(api.url("/api/1.0/users/me")).build())
          .execute().close();
      asana.httpClient().newCall(new okhttp3.Request.Builder().url(foreign.url("/api/1.0/users/me")).build())
          .execute().close();
      asana.httpClient().newCall(new okhttp3.Request.Builder().url(foreign.url("/collect"))
          .header("Authorization", "Bearer " + PAT).build()).execute().close();
      assertEquals("Bearer " + PAT, api.takeRequest().getHeaders().get("Authorization"));
      assertNull(foreign.takeRequest().getHeaders().get("Authorization"), "another port is another origin");
      assertNull(foreign.takeRequest().getHeaders().get("Authorization"), "nor does a header set by hand go there");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void errorsLostOnSerialization_anApiExceptionKeepsItsAccessorsAfterARoundTrip() throws Exception {
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(answering(request -> new MockResponse.Builder().code(404)
          .setHeader("X-Request-Id", "req-7")
          .body("{\"errors\":[{\"message\":\"Not found\",\"help\":\"docs\",\"phrase\":\"six sad squid\"}]}").build()));
      server.start();
      NotFoundException thrown = assertThrows(NotFoundException.class,
          () -> client(server, RetryPolicy.none()).projects().get("5"));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(thrown);
      }
      NotFoundException copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (NotFoundException) in.readObject();
      }
      assertEquals(thrown.errors(), copy.errors());
      assertEquals("six sad squid", copy.errors().get(0).phrase());
      assertEquals(List.of("Not found"), copy.messages());
      assertEquals("req-7", copy.requestId().orElseThrow());
      assertEquals(404, copy.status());
      assertEquals(thrown.getMessage(), copy.getMessage());
    }
  }

  @Test
  void aFailureOutsideTheHierarchyNeverEscapes_aRefusedConnectionIsANetworkException() {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl("http://127.0.0.1:1/api/1.0/")
        .personalAccessToken(PAT);
    builder.http().retryPolicy(RetryPolicy.none());
    AsanaClient asana = builder.build();
    for (Map.Entry<String, Runnable> call : everyKindOfCall(asana).entrySet()) {
      NetworkException e = assertThrows(NetworkException.class, call.getValue()::run, call.getKey());
      assertFalse(e.getMessage().contains(PAT), call.getKey());
      assertTrue(e.path().orElseThrow().startsWith("/api/1.0/"), call.getKey());
    }
  }
}
