package dev.asanaconnector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import okhttp3.mockwebserver.MockWebServer;
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
    server.shutdown();
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
