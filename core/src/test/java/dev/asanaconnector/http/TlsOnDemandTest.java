package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.TOKEN;
import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsOnDemandTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static boolean hasTls(OkHttpClient client) {
    return client.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls);
  }

  @Test
  void clientsTalkingHttpNeverSetTlsUp() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    HttpStack.Clients clients = HttpStack.newClients(settings(server).build());

    try (Response response = clients.api().newCall(get(server, "/api/1.0/users/me")).execute()) {
      assertEquals(200, response.code());
    }

    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));
    assertFalse(clients.api().tlsReady(), "an http request set TLS up");
    assertFalse(clients.downloads().tlsReady());
    assertFalse(hasTls(clients.api().cleartext()));
  }

  @Test
  void anHttpsRequestGetsTheTlsFormWithTheSameInterceptorsPoolAndDispatcher() {
    HttpStack.Clients clients = HttpStack.newClients(settings(server).build());

    clients.api().newCall(new Request.Builder().url("https://127.0.0.1:9/api/1.0/users/me").build());

    assertTrue(clients.api().tlsReady(), "an https call was made without TLS");
    OkHttpClient secure = clients.api().secure();
    OkHttpClient cleartext = clients.api().cleartext();
    assertTrue(hasTls(secure));
    assertNotNull(secure.sslSocketFactory());
    assertNotNull(secure.x509TrustManager());
    assertEquals(cleartext.interceptors(), secure.interceptors(), "the same rate limiter, retries and auth");
    assertSame(cleartext.connectionPool(), secure.connectionPool());
    assertSame(cleartext.dispatcher(), secure.dispatcher());
    assertSame(secure, clients.api().secure(), "built once");
  }

  @Test
  void settingsStartTheWarmUpAndAnHttpsApiStartsTlsAheadOfItsFirstRequest() {
    HttpSettings.Builder builder = HttpSettings.builder();
    assertTrue(StartupWarmup.basicsStarted(), "a builder starts loading the security providers and loggers");

    HttpStack.Clients clients = HttpStack.newClients(builder.credentials(settings(server).build().credentials())
        .apiBaseUrl("https://app.asana.com/api/1.0/").build());

    assertTrue(StartupWarmup.tlsStarted(), "an https API base URL starts setting TLS up in the background");
    assertFalse(clients.api().tlsReady(), "the client itself still builds its TLS form on the first request");
    assertNotNull(clients.api().secure().sslSocketFactory(), "and gets the same platform TLS then");
  }

  @Test
  void aSuppliedBaseClientIsUsedAsItIsForEveryRequest() {
    HttpStack.Clients clients = HttpStack.newClients(settings(server).baseClient(new OkHttpClient()).build());

    assertTrue(clients.api().tlsReady());
    assertSame(clients.api().cleartext(), clients.api().secure());
    assertTrue(hasTls(clients.api().secure()));
  }

  @Test
  void theDefaultBaseClientHasNoTlsButEveryClientHandedOutHasIt() {
    HttpSettings settings = settings(server).build();
    assertFalse(hasTls(settings.baseClient()));
    assertThrows(IllegalStateException.class, () -> settings.baseClient().sslSocketFactory(), "CLEARTEXT-only");

    assertNotNull(HttpStack.newClient(settings).sslSocketFactory());
    assertNotNull(HttpStack.newUnauthenticatedClient(settings).sslSocketFactory());
    AsanaClient asana = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
        .personalAccessToken(TOKEN).build();
    assertNotNull(asana.httpClient().sslSocketFactory(), "httpClient() serves https URLs too");
  }

  @Test
  void settingsCopiedWithToBuilderStillSetTlsUpOnDemand() {
    HttpSettings copied = settings(server).build().toBuilder().build();

    HttpStack.Clients clients = HttpStack.newClients(copied);

    assertFalse(clients.api().tlsReady(), "the copy's base client is still the stack's own, without TLS");
    assertTrue(hasTls(clients.api().secure()), "so https gets the TLS form, not a CLEARTEXT-only client");
    assertNotNull(HttpStack.newClient(copied).sslSocketFactory());
  }
}
