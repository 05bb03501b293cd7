package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.auth.OAuthTokens;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxOAuth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth refresh under 50 concurrent requests against the sandbox's token endpoint: one token call, every time. */
class OAuthUnderLoadTest {
  private static final int CONCURRENT = 50;
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
}
