package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.Params;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.auth.OAuthTokens;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxFaults.Target;
import dev.asanaconnector.sandbox.SandboxOAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Point 7: tokens, refresh tokens and client secrets appear in no log line (every level, every logger),
 * exception message or stack trace, or {@code toString}, across a battery of successes and failures;
 * {@code Authorization} never follows a redirect to another host, nor goes to the download host.
 */
class SecretsTest {
  private static final String PAT = "pat-5ecret-1/1204567890:d41d8cd98f00b204";
  private static final String CLIENT_SECRET = "client-5ecret-9f86d081884c7d65";
  private static final String REFRESH = "refresh-5ecret-2c26b46b68ffc68f";
  private static AsanaSandbox sandbox;
  private static String project;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().token(PAT).build();
    sandbox.start();
    sandbox.oauth().clientCredentials(SandboxOAuth.DEFAULT_CLIENT_ID, CLIENT_SECRET).refreshToken(REFRESH);
    project = sandbox.data().projectGids().get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Every output of a scenario battery: log lines, rendered exceptions (messages, causes, stacks), toStrings. */
  private final List<String> outputs = new CopyOnWriteArrayList<>();

  private void attempt(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      outputs.add(LogCapture.render(e));
      outputs.add(String.valueOf(e));
    }
  }

  private void scenarios(AsanaClient asana) {
    attempt(() -> asana.projects().get(project));
    attempt(() -> asana.tasks().get("1"));                              // 404
    attempt(() -> asana.projectTasks().iterate(project, Params.builder().limit(100).build()).forEach(t -> { }));
    sandbox.faults().serverErrors(100, 503);
    attempt(() -> asana.projects().get(project));                       // retries, then 503
    sandbox.faults().clear().rateLimit429(100, Duration.ZERO);
    attempt(() -> asana.projects().get(project));                       // retries, then 429
    sandbox.faults().clear().cutConnections(100);
    attempt(() -> asana.projects().get(project));                       // cut bodies, then NetworkException
    sandbox.faults().clear().slowResponses(Duration.ofMillis(300));
    attempt(() -> asana.projects().get(project, Params.builder().callOptions(CallOptions.builder()
        .readTimeout(Duration.ofMillis(50)).retryPolicy(RetryPolicy.none()).build()).build()));
    sandbox.faults().clear().cutConnections(2, Target.DOWNLOAD);
    attempt(() -> asana.attachments().download(sandbox.data().downloadableAttachmentGids().get(0))
        .writeTo(new ByteArrayOutputStream()));
    sandbox.faults().clear();
    attempt(() -> asana.attachments().download(sandbox.data().externalAttachmentGids().get(0)));
    attempt(() -> asana.execute("tasks", "get", java.util.Map.of("task_gid", "../users/me")));
  }

  private static AsanaClient.Builder pat(String token) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString()).personalAccessToken(token);
    builder.http().retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(3).build());
    return builder;
  }

  private Credentials oauth(String refreshToken, String accessToken, Consumer<OAuthTokens> listener) {
    OAuth2Credentials.Builder oauth = OAuth2Credentials.builder().clientId(SandboxOAuth.DEFAULT_CLIENT_ID)
        .clientSecret(CLIENT_SECRET).refreshToken(refreshToken).tokenEndpoint(sandbox.tokenUrl())
        .tokenListener(listener::accept);
    if (accessToken != null) {
      oauth.accessToken(accessToken, Instant.now().plusSeconds(3600));
    }
    OAuth2Credentials credentials = oauth.build();
    outputs.add(credentials.toString());
    return Credentials.oauth2(credentials);
  }

  @Test
  void noSecretInAnyLogLineExceptionOrToString() {
    List<String> secrets = new ArrayList<>(List.of(PAT, CLIENT_SECRET, REFRESH, "stale-access-5ecret"));
    List<OAuthTokens> issued = new CopyOnWriteArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      // A personal access token, right and wrong.
      scenarios(pat(PAT).build());
      scenarios(pat("wrong-" + PAT).build());
      // OAuth: a stale access token renewed after a 401; then a refused refresh token.
      AsanaClient.Builder oauth = pat(PAT).credentials(oauth(REFRESH, "stale-access-5ecret", issued::add));
      scenarios(oauth.build());
      sandbox.oauth().revokeIssuedTokens();
      scenarios(oauth.build());
      scenarios(pat(PAT).credentials(oauth("revoked-" + REFRESH, null, issued::add)).build());
      // Settings, credentials and tokens as text.
      outputs.add(HttpSettings.builder().credentials(Credentials.personalAccessToken(PAT)).build().toString());
      outputs.add(Credentials.personalAccessToken(PAT).toString());
      outputs.add(Credentials.tokenSupplier(() -> PAT).toString());
      issued.forEach(tokens -> outputs.add(tokens.toString()));
      logs.lines().forEach(line -> outputs.add(line.toString()));
      assertTrue(logs.lines().size() > 50, "the battery was logged: " + logs.lines().size() + " lines");
    }
    assertTrue(issued.size() >= 2, "OAuth tokens were issued: " + issued.size());
    issued.forEach(tokens -> secrets.add(tokens.accessToken()));
    assertTrue(outputs.size() > 150, outputs.size() + " outputs");
    Fixtures.assertNoSecrets(outputs, secrets.toArray(new String[0]));
    assertEquals(0, sandbox.downloadRequestsWithAuthorization());
  }

  @Test
  void aProxyThatEchoesTheRequestDoesNotLeakTheTokenIntoExceptions() throws IOException {
    try (MockWebServer proxy = Fixtures.mockWebServer()) {
      proxy.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          String echo = "<html><body><pre>Authorization: " + request.getHeaders().get("Authorization")
              + "</pre></body></html>";
          boolean ok = request.getTarget().contains("/workspaces/");
          return new MockResponse.Builder().code(ok ? 200 : 502).setHeader("Content-Type", "text/html")
              .body(echo).build();
        }
      });
      proxy.start();
      AsanaClient.Builder builder = AsanaClient.builder().baseUrl(proxy.url("/api/1.0/").toString())
          .personalAccessToken(PAT);
      builder.http().retryPolicy(RetryPolicy.none());
      AsanaClient asana = builder.build();
      attempt(() -> asana.workspaces().get("5"));
      attempt(() -> asana.projects().get("5"));
      attempt(() -> asana.execute("workspaces", "get", java.util.Map.of("workspace_gid", "5")));
    }
    assertEquals(6, outputs.size());
    assertTrue(outputs.stream().allMatch(o -> o.contains("Authorization: Bearer")), outputs.toString());
    Fixtures.assertNoSecrets(outputs, PAT);
  }

  @Test
  void authorizationIsDroppedOnARedirectToAnotherHost() throws Exception {
    try (MockWebServer api = Fixtures.mockWebServer(); MockWebServer elsewhere = Fixtures.mockWebServer()) {
      elsewhere.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"data\":{\"gid\":\"5\",\"name\":\"Moved\"}}").build();
        }
      });
      elsewhere.start();
      api.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(302).setHeader("Location", elsewhere.url("/api/1.0/workspaces/5")).build();
        }
      });
      api.start();
      AsanaClient asana = AsanaClient.builder().baseUrl(api.url("/api/1.0/").toString()).personalAccessToken(PAT)
          .build();
      assertEquals("Moved", asana.workspaces().get("5").getName());
      assertEquals("Bearer " + PAT, api.takeRequest().getHeaders().get("Authorization"));
      assertNull(elsewhere.takeRequest().getHeaders().get("Authorization"), "the token stays with the host it was meant for");

      // Through the raw client too, redirected to the sandbox's download host.
      String url = sandbox.downloadBaseUrl().resolve("/files/1/x.pdf?sig=1").toString();
      api.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(307).setHeader("Location", url).build();
        }
      });
      int before = sandbox.downloadRequestCount();
      OkHttpClient raw = asana.httpClient();
      raw.newCall(new okhttp3.Request.Builder().url(api.url("/api/1.0/anything")).build()).execute().close();
      assertEquals(1, sandbox.downloadRequestCount() - before);
      assertEquals(0, sandbox.downloadRequestsWithAuthorization());
    }
  }
}
