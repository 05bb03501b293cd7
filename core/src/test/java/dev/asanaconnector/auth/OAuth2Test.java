package dev.asanaconnector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.InvalidResponseException;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.HttpStack;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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
    server.close();
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

  /** Retries fast enough for a test, and more of them than the tests' token endpoints fail. */
  private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(10))
      .maxDelay(Duration.ofMillis(20)).build();

  private static CallOptions retrying(RetryPolicy policy) {
    return CallOptions.builder().retryPolicy(policy).build();
  }

  private Request getMe() {
    return new Request.Builder().url(server.url("/api/1.0/users/me")).build();
  }

  private Request postTask() {
    return new Request.Builder().url(server.url("/api/1.0/tasks"))
        .post(RequestBody.create("{\"data\":{\"name\":\"x\"}}", MediaType.get("application/json"))).build();
  }

  /** Sends {@code request} with per-call {@code options} (its retry policy, its call timeout); the status. */
  private static int send(OkHttpClient client, Request request, CallOptions options) throws IOException {
    try (Response response = CallOptions.applyTo(client.newCall(options.attachTo(request))).execute()) {
      return response.code();
    }
  }

  private static MockResponse html(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html").body(body).build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out waiting for the test's precondition");
      Thread.sleep(5);
    }
  }

  private static void assertNoSecrets(String text) {
    for (String secret : new String[] {REFRESH_TOKEN, CLIENT_SECRET, "at-old"}) {
      assertFalse(text.contains(secret), text);
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
    asana.script("at-1", new MockResponse.Builder().code(503).build(), new MockResponse.Builder().code(401).build());
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
  void anInvalidGrantIsPermanentAndNeverRetried() throws Exception {
    asana.tokenResponses = call -> FakeAsana.oauthError(400, "invalid_grant",
        "The refresh token " + REFRESH_TOKEN + " is invalid or expired");
    OkHttpClient client = client(oauth().accessToken("at-old").build());

    // After Asana's 401 for at-old, with retries allowed for the call and for the token endpoint.
    UnauthorizedException first = assertThrows(UnauthorizedException.class,
        () -> send(client, getMe(), retrying(FAST)));
    String message = first.getMessage();
    assertTrue(message.contains("invalid_grant") && message.contains("is invalid or expired"), message);
    assertNoSecrets(message);
    assertEquals(400, first.status());
    assertEquals(1, asana.tokenCalls.get(), "a refused refresh token is not asked about again");

    // It stays refused: later calls, reads and writes, fail at once without asking the endpoint.
    UnauthorizedException second = assertThrows(UnauthorizedException.class,
        () -> send(client, getMe(), retrying(FAST)));
    assertEquals(message, second.getMessage());
    assertThrows(UnauthorizedException.class, () -> send(client, postTask(), retrying(FAST)));
    assertEquals(1, asana.tokenCalls.get());
    assertEquals(List.of("at-old", "at-old", "at-old"), asana.tokensSeen);
    assertTrue(issued.isEmpty());
  }

  @Test
  void invalidClientIsAConfigurationError() throws Exception {
    asana.tokenResponses = call -> FakeAsana.oauthError(401, "invalid_client", "Client authentication failed");
    OkHttpClient client = client(oauth().build());
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> send(client, getMe(), retrying(FAST)));
    assertEquals(401, e.status());
    assertTrue(e.getMessage().contains("invalid_client (Client authentication failed)"), e.getMessage());
    assertTrue(e.getMessage().contains("configuration error")
        && e.getMessage().contains("clientId and clientSecret"), e.getMessage());
    assertNoSecrets(e.getMessage());
    assertThrows(UnauthorizedException.class, () -> send(client, getMe(), retrying(FAST)));
    assertEquals(1, asana.tokenCalls.get(), "a configuration error is neither retried nor asked about again");

    asana.tokenResponses = call -> FakeAsana.oauthError(400, "unauthorized_client", "refresh tokens not allowed");
    OkHttpClient other = client(oauth().build());
    UnauthorizedException refused = assertThrows(UnauthorizedException.class,
        () -> send(other, getMe(), retrying(FAST)));
    assertTrue(refused.getMessage().contains("unauthorized_client") && refused.getMessage().contains(
        "configuration error") && refused.getMessage().contains("OAuth settings"), refused.getMessage());
    assertThrows(UnauthorizedException.class, () -> send(other, getMe(), retrying(FAST)));
    assertEquals(2, asana.tokenCalls.get());
    assertEquals(0, asana.apiCalls.get(), "nothing is sent to Asana without a token");
  }

  @Test
  void aTokenEndpointAnsweringHtml400IsRetriedNotARefusal() throws Exception {
    // A proxy's pages, one of them echoing the form it was sent: asked again, then granted.
    asana.tokenResponses = call -> switch (call) {
      case 1 -> html(400, "<html><body><h1>400 Bad Request</h1><pre>" + REFRESH_TOKEN + "</pre></body></html>");
      case 2 -> html(401, "<html><body>401 Authorization Required</body></html>");
      default -> FakeAsana.grant("at-1", 3600, null);
    };
    asana.validTokens.add("at-1");
    assertEquals(200, send(client(oauth().build()), getMe(), retrying(FAST)));
    assertEquals(3, asana.tokenCalls.get());
    assertEquals(List.of("at-1"), asana.tokensSeen);

    // An endpoint that keeps answering HTML: not an OAuth answer after the policy's attempts, and not a
    // refusal either, so the next call asks again.
    asana.tokenResponses = call -> html(400, "<html><body><pre>refresh=" + REFRESH_TOKEN + "&secret="
        + CLIENT_SECRET + "</pre></body></html>");
    OkHttpClient client = client(oauth().build());
    RetryPolicy three = FAST.toBuilder().maxAttempts(3).build();
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> send(client, getMe(), retrying(three)));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("not an OAuth token response after 3 attempts"), e.getMessage());
    assertTrue(e.excerpt().contains("<html><body><pre>refresh=<redacted>&secret=<redacted>"), e.excerpt());
    assertNoSecrets(e.getMessage());
    assertEquals(6, asana.tokenCalls.get());
    assertThrows(InvalidResponseException.class, () -> send(client, getMe(), retrying(three)));
    assertEquals(9, asana.tokenCalls.get());
  }

  @Test
  void a503AndATimeoutFromTheTokenEndpointAreRetriedWithinTheBudget() throws Exception {
    // A write, which the stack's own retries would not resend: the token endpoint's failures are the
    // renewal's to retry, before anything goes to Asana.
    asana.tokenResponses = call -> switch (call) {
      case 1 -> FakeAsana.oauthError(503, "temporarily_unavailable", "busy");
      case 2 -> delayed(1000, FakeAsana.grant("at-too-late", 3600, null)); // after the read timeout
      case 3 -> new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build();
      default -> FakeAsana.grant("at-1", 3600, null);
    };
    asana.validTokens.add("at-1");
    OkHttpClient client = HttpStack.newClient(HttpSettings.builder().apiBaseUrl(server.url("/").toString())
        .credentials(Credentials.oauth2(oauth().build())).rateLimits(RateLimits.unlimited())
        .readTimeout(Duration.ofMillis(300)).build());
    long start = System.nanoTime();
    assertEquals(200, send(client, postTask(), retrying(FAST)));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 1000, "the 429's Retry-After was waited: " + millis + " ms");
    assertEquals(4, asana.tokenCalls.get());
    assertEquals(List.of("at-1"), asana.tokensSeen, "the write was sent once, with the renewed token");

    // An endpoint that stays down: the retries end with the call's time (1 s), however many attempts
    // the policy would allow.
    asana.tokenResponses = call -> FakeAsana.oauthError(503, "temporarily_unavailable", "busy");
    int before = asana.tokenCalls.get();
    RetryPolicy patient = RetryPolicy.builder().maxAttempts(100).baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofMillis(100)).jitter(false).build();
    OkHttpClient down = client(oauth().build());
    long began = System.nanoTime();
    Exception e = assertThrows(Exception.class, () -> send(down, getMe(), CallOptions.builder()
        .retryPolicy(patient).callTimeout(Duration.ofSeconds(1)).build()));
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    assertTrue(e instanceof ServerErrorException || e instanceof InterruptedIOException, e.toString());
    assertTrue(took >= 800 && took < 1600, "ended with the call's time: " + took + " ms");
    int attempts = asana.tokenCalls.get() - before;
    assertTrue(attempts >= 2 && attempts <= 11, "retried, 100 ms apart: " + attempts + " attempts");
  }

  @Test
  void tokenEndpointRetriesStopAtThePolicysAttempts() throws Exception {
    asana.tokenResponses = call -> FakeAsana.oauthError(503, "temporarily_unavailable", "busy");
    RetryPolicy three = FAST.toBuilder().maxAttempts(3).build();

    // The client's policy, as the stack binds it.
    OkHttpClient plain = new OkHttpClient();
    AccessTokenSource tokens = Credentials.oauth2(oauth().build()).bind(plain, three);
    okhttp3.Call call = plain.newCall(getMe()); // never executed: only its (absent) timeout counts
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> tokens.accessToken(call));
    assertEquals(503, e.status());
    assertEquals("POST", e.method());
    assertEquals(FakeAsana.TOKEN_PATH, e.path());
    assertTrue(e.getMessage().contains("OAuth token refresh failed after 3 attempts: temporarily_unavailable (busy)"),
        e.getMessage());
    assertEquals(3, asana.tokenCalls.get());

    // A read through the stack: the stack's retry loop does not retry the renewal's failure again.
    assertThrows(ServerErrorException.class, () -> send(client(oauth().build()), getMe(), retrying(three)));
    assertEquals(6, asana.tokenCalls.get());
  }

  @Test
  void aTokenEndpointFailureFailsOnlyThatCall() throws Exception {
    asana.tokenResponses = call -> call == 1 ? FakeAsana.oauthError(503, "temporarily_unavailable", "busy")
        : FakeAsana.grant("at-1", 3600, null);
    asana.validTokens.add("at-1");
    OkHttpClient client = client(oauth().build());
    ServerErrorException failure = assertThrows(ServerErrorException.class,
        () -> send(client, getMe(), retrying(RetryPolicy.none())));
    assertTrue(failure.getMessage().contains("503") && failure.getMessage().contains(FakeAsana.TOKEN_PATH),
        failure.getMessage());
    assertEquals(200, get(client));
    assertEquals(2, asana.tokenCalls.get());
  }

  @Test
  void aWaiterGivesUpAtItsOwnCallTimeout() throws Exception {
    asana.tokenDelayMillis = 2000;
    asana.validTokens.add("at-1");
    OkHttpClient client = client(oauth().build());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> leader = pool.submit(() -> get(client));
      await(() -> asana.tokenCalls.get() == 1);
      long start = System.nanoTime();
      InterruptedIOException e = assertThrows(InterruptedIOException.class,
          () -> send(client, getMe(), CallOptions.builder().callTimeout(Duration.ofMillis(300)).build()));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("timeout", e.getMessage());
      assertTrue(millis < 1200, "the waiter gave up at its 300 ms, not with the 2 s renewal: " + millis + " ms");
      assertEquals(200, leader.get(10, TimeUnit.SECONDS), "the renewal went on for the leader");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, asana.tokenCalls.get());
    assertEquals(List.of("at-1"), asana.tokensSeen);
  }

  @Test
  void anInterruptedLeaderDoesNotFailTheWaiters() throws Exception {
    CountDownLatch answerFirst = new CountDownLatch(1);
    asana.tokenResponses = call -> {
      if (call == 1) {
        awaitQuietly(answerFirst);
        return FakeAsana.grant("at-1", 3600, null);
      }
      return FakeAsana.grant("at-2", 3600, null);
    };
    asana.validTokens.addAll(List.of("at-1", "at-2"));
    OkHttpClient client = client(oauth().build());
    AtomicReference<Throwable> leaderOutcome = new AtomicReference<>();
    Thread leader = new Thread(() -> {
      try {
        leaderOutcome.set(new AssertionError("the leader got HTTP " + get(client)));
      } catch (Throwable t) {
        leaderOutcome.set(t);
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      leader.start();
      await(() -> asana.tokenCalls.get() == 1);
      List<Future<Integer>> waiters = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        waiters.add(pool.submit(() -> get(client)));
      }
      Thread.sleep(300); // the waiters join the renewal in flight
      leader.interrupt();
      leader.join(5000);
      assertTrue(leaderOutcome.get() instanceof InterruptedIOException, String.valueOf(leaderOutcome.get()));
      for (Future<Integer> waiter : waiters) {
        assertEquals(200, waiter.get(10, TimeUnit.SECONDS));
      }
    } finally {
      answerFirst.countDown();
      pool.shutdownNow();
    }
    assertEquals(2, asana.tokenCalls.get(), "a waiter ran the renewal again");
    assertEquals(List.of("at-2", "at-2", "at-2"), asana.tokensSeen);
  }

  private static MockResponse delayed(long millis, MockResponse response) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return response;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
