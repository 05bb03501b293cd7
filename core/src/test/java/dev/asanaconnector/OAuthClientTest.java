package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.auth.OAuthTokens;
import dev.asanaconnector.generated.model.WorkspaceResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth 2 through the connector: one refresh for many concurrent 401s, new tokens handed over. */
class OAuthClientTest {
  private RecordingServer server;
  private final AtomicInteger tokenCalls = new AtomicInteger();
  private volatile String validToken = "fresh-access-1";
  private volatile boolean refreshRejected;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    server.answer(request -> {
      if (request.getTarget().startsWith("/-/oauth_token")) {
        tokenCalls.incrementAndGet();
        if (refreshRejected) {
          return RecordingServer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}");
        }
        return RecordingServer.json(200, "{\"access_token\":\"" + validToken + "\",\"token_type\":\"bearer\","
            + "\"expires_in\":3600,\"refresh_token\":\"rotated-refresh\"}");
      }
      if (!("Bearer " + validToken).equals(request.getHeaders().get("Authorization"))) {
        return RecordingServer.json(401, "{\"errors\":[{\"message\":\"Not Authorized\"}]}");
      }
      return RecordingServer.json(200, "{\"data\":{\"gid\":\"5\",\"name\":\"Acme\"}}");
    });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private AsanaClient client(List<OAuthTokens> received) {
    OAuth2Credentials oauth = OAuth2Credentials.builder()
        .clientId("client-1").clientSecret("super-secret-client").refreshToken("refresh-secret-1")
        .accessToken("stale-access", java.time.Instant.now().plusSeconds(3600))
        .tokenEndpoint(server.server.url("/-/oauth_token"))
        .tokenListener(received::add)
        .build();
    return AsanaClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.oauth2(oauth)).build();
  }

  @Test
  void twentyFiveConcurrent401sCauseOneRefresh() throws Exception {
    List<OAuthTokens> received = new CopyOnWriteArrayList<>();
    AsanaClient asana = client(received);
    ExecutorService pool = Executors.newFixedThreadPool(25);
    try {
      List<Future<WorkspaceResponse>> results = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        results.add(pool.submit(() -> asana.workspaces().get("5")));
      }
      for (Future<WorkspaceResponse> result : results) {
        assertEquals("Acme", result.get().getName());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, tokenCalls.get(), "one refresh for all concurrent requests");
    assertEquals(1, received.size());
    assertEquals("fresh-access-1", received.get(0).accessToken());
    assertEquals("rotated-refresh", received.get(0).refreshToken());
  }

  @Test
  void aRejectedRefreshIsAnAuthErrorWithoutSecrets() {
    refreshRejected = true;
    AsanaClient asana = client(new ArrayList<>());
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> asana.workspaces().get("5"));
    assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    for (String secret : List.of("super-secret-client", "refresh-secret-1", "stale-access")) {
      assertFalse(e.getMessage().contains(secret), "message leaks " + secret);
    }
    assertEquals(1, tokenCalls.get(), "no retry loop on invalid_grant");
  }
}
