package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.TOKEN;
import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.settings;
import static dev.asanaconnector.http.TestRequests.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.auth.Credentials;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpStackTest {
  private MockWebServer server;
  private MockWebServer other;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    other = new MockWebServer();
    other.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    other.close();
  }

  @Test
  void sendsTheBearerTokenAndTheDefaultUserAgent() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    assertEquals(200, status(HttpStack.newClient(settings(server).build()), get(server, "/api/1.0/users/me")));
    RecordedRequest request = server.takeRequest();
    assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
    assertEquals(HttpSettings.defaultUserAgent(), request.getHeaders().get("User-Agent"));
    assertTrue(request.getHeaders().get("User-Agent").matches("asana-connector-java/\\S+ \\(Java \\S+\\)"),
        request.getHeaders().get("User-Agent"));
  }

  @Test
  void putsTheApplicationsProductTokenFirst() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    HttpSettings settings = settings(server).userAgentProduct("report-builder/2.1").build();
    status(HttpStack.newClient(settings), get(server, "/api/1.0/users/me"));
    assertEquals("report-builder/2.1 " + HttpSettings.defaultUserAgent(), server.takeRequest().getHeaders().get("User-Agent"));
  }

  @Test
  void dropsAuthorizationOnARedirectToAnotherHost() throws Exception {
    other.enqueue(new MockResponse.Builder().body("file").build());
    String elsewhere = other.url("/file").newBuilder().host("127.0.0.1").build().toString();
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere).build());
    assertEquals(200, status(HttpStack.newClient(settings(server).build()), get(server, "/api/1.0/attachments/1/download")));
    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));
    RecordedRequest redirected = other.takeRequest();
    assertEquals("/file", redirected.getTarget());
    assertNull(redirected.getHeaders().get("Authorization"));
  }

  @Test
  void keepsAuthorizationOnARedirectWithinTheHost() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/api/1.0/other").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    status(HttpStack.newClient(settings(server).build()), get(server, "/api/1.0/tasks/1"));
    server.takeRequest();
    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void theUnauthenticatedClientSendsNoCredentialsButRetries() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("file").build());
    HttpSettings settings = settings(server).retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10))
        .maxDelay(Duration.ofMillis(10)).build()).build();
    assertEquals(200, status(HttpStack.newUnauthenticatedClient(settings), get(server, "/bucket/file")));
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertNull(first.getHeaders().get("Authorization"));
    assertNull(second.getHeaders().get("Authorization"));
    assertEquals(HttpSettings.defaultUserAgent(), second.getHeaders().get("User-Agent"));
  }

  @Test
  void buildsOnTheSuppliedClientAndAppliesTheTimeouts() {
    OkHttpClient base = new OkHttpClient();
    HttpSettings settings = settings(server).baseClient(base).connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(4)).writeTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(6))
        .build();
    OkHttpClient api = HttpStack.newClient(settings);
    OkHttpClient downloads = HttpStack.newUnauthenticatedClient(settings);
    for (OkHttpClient client : new OkHttpClient[] {api, downloads}) {
      assertSame(base.connectionPool(), client.connectionPool());
      assertSame(base.dispatcher(), client.dispatcher());
      assertEquals(3000, client.connectTimeoutMillis());
      assertEquals(4000, client.readTimeoutMillis());
      assertEquals(5000, client.writeTimeoutMillis());
      assertEquals(6000, client.callTimeoutMillis());
      assertFalse(client.retryOnConnectionFailure());
    }
  }

  @Test
  void clientsFromOneSettingsShareAConnectionPool() {
    HttpSettings settings = settings(server).build();
    assertSame(HttpStack.newClient(settings).connectionPool(),
        HttpStack.newUnauthenticatedClient(settings).connectionPool());
  }

  @Test
  void settingsRejectMissingCredentialsAndBadValues() {
    assertThrows(IllegalStateException.class, () -> HttpSettings.builder().build());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> HttpSettings.builder().readTimeout(Duration.ofSeconds(-1)));
    assertTrue(negative.getMessage().contains("readTimeout"));
    assertThrows(IllegalArgumentException.class, () -> HttpSettings.builder().userAgentProduct("bad\nvalue"));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build());
    assertThrows(IllegalArgumentException.class, () -> RateLimits.builder().requestsPerMinute(-1));
  }

  @Test
  void settingsToStringHidesTheToken() {
    String text = HttpSettings.builder().credentials(Credentials.personalAccessToken(TOKEN)).build().toString();
    assertFalse(text.contains(TOKEN), text);
    assertTrue(text.contains("<redacted>"), text);
  }
}
