package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.auth.OAuthTokens;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxOAuth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * OAuth refresh under 50 concurrent requests against the sandbox's token endpoint: one renewal, every
 * time, whether the endpoint answers at once, fails for a while, or refuses.
 */
class OAuthUnderLoadTest {
  private static final int CONCURRENT = 50;
  /** The logger of the OAuth session (a class private to the auth package). */
  private static final String SESSION_LOGGER = "dev.asanaconnector.auth.OAuth2Session";
  private static AsanaSandbox sandbox;
  private static String project;
  private static ExecutorService pool;
  private final List<OAuthTokens> issued = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    project = sandbox.data().projectGids().get(0);
    pool = Executors.newFixedThreadPool(CONCURRENT);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.faults().clear();
    sandbox.oauth().refreshToken(SandboxOAuth.DEFAULT_REFRESH_TOKEN).revokeIssuedTokens();
  }

  private AsanaClient client() {
    OAuth2Credentials oauth = OAuth2Credentials.builder().clientId(SandboxOAuth.DEFAULT_CLIENT_ID)
        .clientSecret(SandboxOAuth.DEFAULT_CLIENT_SECRET).refreshToken(SandboxOAuth.DEFAULT_REFRESH_TOKEN)
        .tokenEndpoint(sandbox.tokenUrl()).tokenListener(issued::add).build();
    AsanaClient.Builder builder = Fixtures.client(sandbox).credentials(Credentials.oauth2(oauth));
    return builder.build();
  }

  /** Runs {@code call} on {@value #CONCURRENT} threads released at once; returns each outcome (result or exception). */
  private static List<Object> concurrently(Callable<?> call) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < CONCURRENT; i++) {
      futures.add(pool.submit(() -> {
        go.await();
        try {
          return call.call();
        } catch (RuntimeException e) {
          return e;
        }
      }));
    }
    go.countDown();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> future : futures) {
      outcomes.add(future.get(30, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  @Test
  void fiftyConcurrentFirstRequestsObtainTheAccessTokenWithOneTokenCall() throws Exception {
    AsanaClient asana = client();
    int before = sandbox.tokenRequestCount();
    List<Object> outcomes = concurrently(() -> asana.projects().get(project).getGid());
    assertEquals(List.of(project), outcomes.stream().distinct().toList(), "all 50 succeeded");
    assertEquals(1, sandbox.tokenRequestCount() - before, "one token call");
    assertEquals(1, issued.size());
  }

  @Test
  void fiftyConcurrent401sAfterRevocationShareOneRefresh() throws Exception {
    AsanaClient asana = client();
    asana.projects().get(project);
    sandbox.oauth().revokeIssuedTokens();
    int before = sandbox.tokenRequestCount();
    int apiBefore = sandbox.requestCount();
    List<Object> outcomes = concurrently(() -> asana.projects().get(project).getGid());
    assertEquals(List.of(project), outcomes.stream().distinct().toList(), "all 50 succeeded");
    assertEquals(1, sandbox.tokenRequestCount() - before, "one refresh for 50 rejected requests");
    assertEquals(2, issued.size());
    int apiRequests = sandbox.requestCount() - apiBefore - 1;
    assertTrue(apiRequests <= 2 * CONCURRENT, "at most one resend per request: " + apiRequests);
  }

  @Test
  void aRefusedRefreshFailsEveryConcurrentRequestAfterOneTokenCall() throws Exception {
    sandbox.oauth().refreshToken("rotated-by-another-installation");
    AsanaClient asana = client();
    int before = sandbox.tokenRequestCount();
    List<Object> outcomes = concurrently(() -> asana.projects().get(project));
    for (Object outcome : outcomes) {
      UnauthorizedException e = (UnauthorizedException) outcome;
      assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
      Fixtures.assertNoSecrets(List.of(LogCapture.render(e)), SandboxOAuth.DEFAULT_CLIENT_SECRET,
          SandboxOAuth.DEFAULT_REFRESH_TOKEN);
    }
    for (int i = 0; i < 5; i++) {
      try {
        asana.projects().get(project);
      } catch (UnauthorizedException expected) {
        // the same refusal, without asking the endpoint again
      }
    }
    assertEquals(1, sandbox.tokenRequestCount() - before, "no retry loop on invalid_grant");
    assertEquals(List.of(), issued);
  }

  @Test
  void fiftyConcurrentFirstRequestsRideOutTwo503sFromTheTokenEndpoint() throws Exception {
    AsanaClient asana = client();
    int tokenCallsBefore = sandbox.tokenRequestCount();
    int requestsBefore = sandbox.requestCount();
    sandbox.faults().serverErrors(2, 503); // the first two requests are the renewal's
    List<Object> outcomes = concurrently(() -> asana.projects().get(project).getGid());
    assertEquals(List.of(project), outcomes.stream().distinct().toList(), "all 50 succeeded");
    assertEquals(2, sandbox.faults().injectedFaults());
    assertEquals(1, sandbox.tokenRequestCount() - tokenCallsBefore, "the third token call was answered");
    assertEquals(3 + CONCURRENT, sandbox.requestCount() - requestsBefore,
        "three token calls by one renewal, then each request once");
    assertEquals(1, issued.size());
  }

  @Test
  void aFailedProactiveRenewalKeepsUsingTheValidToken() throws Exception {
    String refreshToken = "refresh-5ecret-proactive";
    String clientSecret = "client-5ecret-proactive";
    AtomicInteger tokenCalls = new AtomicInteger();
    AtomicInteger oldTokenUses = new AtomicInteger();
    AtomicInteger newTokenUses = new AtomicInteger();
    AtomicBoolean endpointDown = new AtomicBoolean(true);
    try (MockWebServer server = Fixtures.mockWebServer(); LogCapture logs = LogCapture.start()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getTarget().startsWith("/-/oauth_token")) {
            int call = tokenCalls.incrementAndGet();
            if (!endpointDown.get()) {
              return json(200, "{\"access_token\":\"access-5ecret-new\",\"expires_in\":3600}");
            }
            // A proxy's error page first (echoing the form), then the endpoint's own 503s.
            return call == 1 ? new MockResponse.Builder().code(400).setHeader("Content-Type", "text/html")
                .body("<html><body>Bad Request: " + request.getBody().utf8() + "</body></html>").build()
                : json(503, "{\"error\":\"temporarily_unavailable\"}");
          }
          String authorization = String.valueOf(request.getHeaders().get("Authorization"));
          AtomicInteger uses = authorization.equals("Bearer access-5ecret-valid") ? oldTokenUses
              : authorization.equals("Bearer access-5ecret-new") ? newTokenUses : null;
          if (uses == null) {
            return json(401, "{\"errors\":[{\"message\":\"Not Authorized\"}]}");
          }
          uses.incrementAndGet();
          return json(200, "{\"data\":{\"gid\":\"5\",\"name\":\"Acme\"}}");
        }
      });
      server.start();
      // Valid for 30 more seconds: due for renewal (a minute ahead), still good to use.
      OAuth2Credentials oauth = OAuth2Credentials.builder().clientId("client-1").clientSecret(clientSecret)
          .refreshToken(refreshToken).accessToken("access-5ecret-valid", Instant.now().plusSeconds(30))
          .tokenEndpoint(server.url("/-/oauth_token")).build();
      AsanaClient.Builder builder = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .credentials(Credentials.oauth2(oauth));
      builder.http().retryPolicy(Fixtures.FAST).rateLimits(RateLimits.unlimited());
      AsanaClient asana = builder.build();

      List<Object> outcomes = concurrently(() -> asana.workspaces().get("5").getName());
      assertEquals(List.of("Acme"), outcomes.stream().distinct().toList(), "all 50 succeeded");
      Thread.sleep(1200); // past the pause after the first failures: the endpoint is asked again, and fails
      assertEquals("Acme", asana.workspaces().get("5").getName());
      int failedRenewals = tokenCalls.get();
      assertTrue(failedRenewals >= 2 && failedRenewals <= 6, "asked now and then, not per request: "
          + failedRenewals);
      assertEquals(CONCURRENT + 1, oldTokenUses.get());
      List<String> warnings = logs.texts(SESSION_LOGGER, Level.WARN);
      assertEquals(1, warnings.size(), "one warning for the run of failures: " + warnings);
      assertTrue(warnings.get(0).contains("ahead of its expiry"), warnings.get(0));

      // The endpoint recovers: the next renewal ahead of expiry succeeds and its token is used.
      endpointDown.set(false);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (newTokenUses.get() == 0 && System.nanoTime() < end) {
        assertEquals("Acme", asana.workspaces().get("5").getName());
        Thread.sleep(100);
      }
      assertEquals(1, newTokenUses.get(), "the renewed token took over");
      assertEquals(1, logs.texts(SESSION_LOGGER, Level.WARN).size());
      List<String> everything = new ArrayList<>();
      logs.lines().forEach(line -> everything.add(line.toString()));
      Fixtures.assertNoSecrets(everything, refreshToken, clientSecret, "access-5ecret-valid", "access-5ecret-new");
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }
}
