package dev.asanaconnector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.HttpStack;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth2Test {
  private static final String CLIENT_SECRET = "client-SECRET-42";
  private static final String REFRESH_TOKEN = "rt-ORIGINAL-7";

  private final FakeAsana asana = new FakeAsana();
  private final List<OAuthTokens> issued = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(asana);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private OAuth2Credentials.Builder oauth() {
    return OAuth2Credentials.builder().clientId("client-1").clientSecret(CLIENT_SECRET).refreshToken(REFRESH_TOKEN)
        .tokenEndpoint(server.url(FakeAsana.TOKEN_PATH)).tokenListener(issued::add);
  }

  private OkHttpClient client(OAuth2Credentials oauth) {
    return HttpStack.newClient(HttpSettings.builder().apiBaseUrl(server.url("/").toString()).credentials(Credentials.oauth2(oauth))
        .rateLimits(RateLimits.unlimited()).retryPolicy(RetryPolicy.none()).build());
  }

  private int get(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/api/1.0/users/me")).build())
        .execute()) {
      return response.code();
    }
  }

  @Test
  void obtainsAnAccessTokenOnFirstUseAndReportsIt() throws Exception {
    asana.tokenResponses = call -> FakeAsana.grant("at-1", 3600, "rt-ROTATED-8");
    asana.validTokens.add("at-1");
    OkHttpClient client = client(oauth().build());
    Instant before = Instant.now();
    assertEquals(200, get(client));
    assertEquals(200, get(client));

    assertEquals(1, asana.tokenCalls.get());
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH_TOKEN, "client_id", "client-1",
        "client_secret", CLIENT_SECRET), asana.tokenForms.get(0));
    assertEquals(List.of("at-1", "at-1"), asana.tokensSeen);
    assertEquals(1, issued.size());
    OAuthTokens tokens = issued.get(0);
    assertEquals("at-1", tokens.accessToken());
    assertEquals("rt-ROTATED-8", tokens.refreshToken());
    Duration lifetime = Duration.between(before, tokens.expiresAt());
    assertTrue(lifetime.toSeconds() >= 3595 && lifetime.toSeconds() <= 3600, lifetime.toString());
  }

  @Test
  void renewsShortlyBeforeExpiryWithTheRotatedRefreshToken() throws Exception {
    // The first grant lives 1 s, so it is renewed at half its life (60 s ahead would be before it was issued).
    asana.tokenResponses = call -> call == 1 ? FakeAsana.grant("at-1", 1, "rt-ROTATED-8")
        : FakeAsana.grant("at-2", 3600, null);
    asana.validTokens.addAll(List.of("at-1", "at-2"));
    OkHttpClient client = client(oauth().build());
    assertEquals(200, get(client));
    Thread.sleep(600);
    assertEquals(200, get(client));
    assertEquals(List.of("at-1", "at-2"), asana.tokensSeen);
    assertEquals("rt-ROTATED-8", asana.tokenForms.get(1).get("refresh_token"));
    assertEquals("rt-ROTATED-8", issued.get(1).refreshToken(), "the refresh token in use is reported");
  }

  @Test
  void renewsAGivenAccessTokenThatExpiresWithinAMinute() throws Exception {
    asana.validTokens.addAll(List.of("at-old", "at-1"));
    assertEquals(200, get(client(oauth().accessToken("at-old", Instant.now().plusSeconds(30)).build())));
    assertEquals(List.of("at-1"), asana.tokensSeen);
    assertEquals(1, asana.tokenCalls.get());
  }

  @Test
  void usesAGivenAccessTokenUntilItNearsExpiry() throws Exception {
    asana.validTokens.add("at-old");
    assertEquals(200, get(client(oauth().accessToken("at-old", Instant.now().plusSeconds(3600)).build())));
    assertEquals(List.of("at-old"), asana.tokensSeen);
    assertEquals(0, asana.tokenCalls.get());
  }

  @Test
  void renewsAfterA401AndResendsOnce() throws Exception {
    asana.validTokens.add("at-1");
    assertEquals(200, get(client(oauth().accessToken("at-old").build())));
    assertEquals(List.of("at-old", "at-1"), asana.tokensSeen);
    assertEquals(1, asana.tokenCalls.get());
  }

  @Test
  void a401AfterRenewalGoesBackToTheCaller() throws Exception {
    // The endpoint grants tokens Asana keeps rejecting: one renewal, one resend, then the 401.
    OkHttpClient client = HttpStack.newClient(HttpSettings.builder().apiBaseUrl(server.url("/").toString())
        .credentials(Credentials.oauth2(oauth().accessToken("at-old").build()))
        .rateLimits(RateLimits.unlimited()).build());
    long start = System.nanoTime();
    assertEquals(401, get(client));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
    assertEquals(List.of("at-old", "at-1"), asana.tokensSeen);
    assertEquals(1, asana.tokenCalls.get());
  }

  @Test
  void renewsAtMostOncePerCallAcrossRetryAttempts() throws Exception {
    // at-old: 401, renewal, at-1: 503, retry, at-1: 401. A second renewal would yield at-2, which works.
    asana.script("at-1", new MockResponse().setResponseCode(503), new MockResponse().setResponseCode(401));
    asana.validTokens.add("at-2");
    OkHttpClient client = HttpStack.newClient(HttpSettings.builder().apiBaseUrl(server.url("/").toString())
        .credentials(Credentials.oauth2(oauth().accessToken("at-old").build())).rateLimits(RateLimits.unlimited())
        .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(10)).build())
        .build());
    assertEquals(401, get(client));
    assertEquals(List.of("at-old", "at-1", "at-1"), asana.tokensSeen);
    assertEquals(1, asana.tokenCalls.get());
  }

  @Test
  void aRefusedRefreshIsUnauthorizedWithoutSecretsAndIsNotRetried() throws Exception {
    asana.tokenResponses = call -> FakeAsana.oauthError(400, "invalid_grant",
        "The refresh token " + REFRESH_TOKEN + " is invalid or expired");
    OkHttpClient client = client(oauth().accessToken("at-old").build());

    UnauthorizedException first = assertThrows(UnauthorizedException.class, () -> get(client));
    String message = first.getMessage();
    assertTrue(message.contains("invalid_grant") && message.contains("is invalid or expired"), message);
    for (String secret : new String[] {REFRESH_TOKEN, CLIENT_SECRET, "at-old"}) {
      assertFalse(message.contains(secret), message);
    }
    assertEquals(400, first.status());

    UnauthorizedException second = assertThrows(UnauthorizedException.class, () -> get(client));
    assertEquals(message, second.getMessage());
    assertEquals(1, asana.tokenCalls.get(), "a refused refresh token is not tried again");
    assertTrue(issued.isEmpty());
  }

  @Test
  void anUnreachableTokenEndpointIsANetworkErrorAndIsTriedAgain() throws Exception {
    asana.tokenResponses = call -> call == 1 ? FakeAsana.oauthError(503, "temporarily_unavailable", "busy")
        : FakeAsana.grant("at-1", 3600, null);
    asana.validTokens.add("at-1");
    OkHttpClient client = client(oauth().build());
    IOException failure = assertThrows(IOException.class, () -> get(client));
    assertTrue(failure.getMessage().contains("503"), failure.getMessage());
    assertEquals(200, get(client));
    assertEquals(2, asana.tokenCalls.get());
  }

  @Test
  void concurrent401sWithTheSameTokenShareOneRenewal() throws Exception {
    asana.validTokens.add("at-1");
    asana.tokenDelayMillis = 300;
    OkHttpClient client = client(oauth().accessToken("at-old").build());
    int threads = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return get(client);
        }));
      }
      go.countDown();
      for (Future<Integer> result : results) {
        assertEquals(200, result.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, asana.tokenCalls.get());
    assertEquals(1, issued.size());
    long rejected = asana.tokensSeen.stream().filter("at-old"::equals).count();
    assertTrue(rejected > 1, "the test needs several requests rejected at once, got " + rejected);
    assertEquals(threads, asana.tokensSeen.stream().filter("at-1"::equals).count());
  }

  @Test
  void aFailingListenerDoesNotFailTheRequest() throws Exception {
    asana.validTokens.add("at-1");
    OAuth2Credentials oauth = oauth().tokenListener(tokens -> {
      throw new IllegalStateException("disk full");
    }).build();
    assertEquals(200, get(client(oauth)));
  }
}
