package dev.asanaconnector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.HttpStack;
import dev.asanaconnector.http.RateLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenSupplierTest {
  private final FakeAsana asana = new FakeAsana();
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

  private OkHttpClient client(TokenSupplier supplier) {
    return HttpStack.newClient(HttpSettings.builder().apiBaseUrl(server.url("/").toString()).credentials(Credentials.tokenSupplier(supplier))
        .rateLimits(RateLimits.unlimited()).build());
  }

  private int get(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/api/1.0/users/me")).build())
        .execute()) {
      return response.code();
    }
  }

  @Test
  void asksForTheTokenOnEveryRequest() throws Exception {
    AtomicReference<String> current = new AtomicReference<>("app-1");
    asana.validTokens.addAll(List.of("app-1", "app-2"));
    OkHttpClient client = client(current::get);
    assertEquals(200, get(client));
    current.set("app-2");
    assertEquals(200, get(client));
    assertEquals(List.of("app-1", "app-2"), asana.tokensSeen);
  }

  @Test
  void concurrent401sAskTheApplicationOnceForANewToken() throws Exception {
    AtomicReference<String> current = new AtomicReference<>("app-old");
    AtomicInteger refreshes = new AtomicInteger();
    asana.validTokens.add("app-new");
    OkHttpClient client = client(new TokenSupplier() {
      @Override
      public String accessToken() {
        return current.get();
      }

      @Override
      public String refreshAfterUnauthorized(String rejectedToken) {
        refreshes.incrementAndGet();
        sleep(200);
        current.set("app-new");
        return "app-new";
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
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
    assertEquals(1, refreshes.get());
  }

  @Test
  void gives401BackWhenTheApplicationHasNoOtherToken() throws Exception {
    OkHttpClient client = client(() -> "app-revoked");
    assertEquals(401, get(client));
    assertEquals(List.of("app-revoked"), asana.tokensSeen);
  }

  @Test
  void anEmptySuppliedTokenIsAnAsanaException() throws Exception {
    // Through the connector, as an application calls it: the connector's exception, nothing sent.
    for (TokenSupplier supplier : List.<TokenSupplier>of(() -> "  ", () -> null)) {
      AsanaClient connector = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .credentials(Credentials.tokenSupplier(supplier)).build();
      UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> connector.workspaces().get("5"));
      assertTrue(e.getMessage().contains("The TokenSupplier returned no access token (null or blank); "
          + "the request was not sent"), e.getMessage());
      assertEquals("GET", e.method());
      assertEquals("/api/1.0/workspaces/5", e.path());
    }
    // Through the stack's OkHttp client: OkHttp hands the interceptor's exception over unwrapped.
    UnauthorizedException raw = assertThrows(UnauthorizedException.class, () -> get(client(() -> "")));
    assertTrue(raw.getMessage().contains("no access token"), raw.getMessage());

    // A token OkHttp would refuse to put in a header (its message would quote it) is refused first.
    UnauthorizedException broken = assertThrows(UnauthorizedException.class,
        () -> get(client(() -> "app-SECRET\nX-Injected: 1")));
    assertTrue(broken.getMessage().contains("spaces or control characters"), broken.getMessage());
    assertFalse(broken.getMessage().contains("app-SECRET"), broken.getMessage());

    // A supplier that fails: the connector's exception, the application's as its cause (message unquoted).
    IllegalStateException vault = new IllegalStateException("vault sealed, token app-SECRET unavailable");
    UnauthorizedException failed = assertThrows(UnauthorizedException.class, () -> get(client(() -> {
      throw vault;
    })));
    assertTrue(failed.getMessage().contains("accessToken() failed (java.lang.IllegalStateException)"),
        failed.getMessage());
    assertFalse(failed.getMessage().contains("app-SECRET"), failed.getMessage());
    assertInstanceOf(IllegalStateException.class, failed.getCause());
    assertEquals(0, asana.apiCalls.get(), "no request went out without a token");
  }

  @Test
  void aFailingRenewalIsAnAsanaException() throws Exception {
    OkHttpClient client = client(new TokenSupplier() {
      @Override
      public String accessToken() {
        return "app-old";
      }

      @Override
      public String refreshAfterUnauthorized(String rejectedToken) {
        throw new IllegalStateException("identity provider down");
      }
    });
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> get(client));
    assertTrue(e.getMessage().contains("refreshAfterUnauthorized() failed"), e.getMessage());
    assertEquals(List.of("app-old"), asana.tokensSeen);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
