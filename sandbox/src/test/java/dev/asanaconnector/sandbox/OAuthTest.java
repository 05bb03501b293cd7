package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.time.Duration;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
  AsanaSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  Resp refresh(String refreshToken) {
    return Http.postForm(sandbox.tokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
        "client_id", sandbox.oauth().clientId(), "client_secret", sandbox.oauth().clientSecret()));
  }

  HttpUrl me() {
    return sandbox.baseUrl().resolve("users/me");
  }

  @Test
  void refreshGrantIssuesAUsableAccessToken() {
    Resp r = refresh(SandboxOAuth.DEFAULT_REFRESH_TOKEN).expect(200);
    Map<String, Object> json = r.json();
    assertEquals("bearer", json.get("token_type"));
    assertEquals(3600.0, json.get("expires_in"));
    assertEquals(SandboxOAuth.DEFAULT_REFRESH_TOKEN, json.get("refresh_token"));
    assertEquals(sandbox.data().meGid(), Http.map(json.get("data")).get("gid"));
    String token = (String) json.get("access_token");
    assertNotEquals(sandbox.token(), token);
    assertEquals(sandbox.data().meGid(), Http.get(me(), token).expect(200).object().get("gid"));
    assertEquals(1, sandbox.tokenRequestCount());
    assertEquals("application/json; charset=UTF-8", r.headers().get("Content-Type"));
  }

  @Test
  void wrongRefreshTokenIsInvalidGrant() {
    Resp r = refresh("stale").expect(400);
    assertEquals("invalid_grant", r.json().get("error"));
    assertTrue(((String) r.json().get("error_description")).length() > 0);
    assertEquals(1, sandbox.tokenRequestCount());
  }

  @Test
  void wrongClientIsInvalidClientAndBasicAuthWorks() {
    Resp bad = Http.postForm(sandbox.tokenUrl(), Map.of("grant_type", "refresh_token",
        "refresh_token", SandboxOAuth.DEFAULT_REFRESH_TOKEN, "client_id", "x", "client_secret", "y")).expect(401);
    assertEquals("invalid_client", bad.json().get("error"));
    Resp basic = Http.call(Http.CLIENT, new Request.Builder().url(sandbox.tokenUrl())
        .header("Authorization", Credentials.basic(SandboxOAuth.DEFAULT_CLIENT_ID, SandboxOAuth.DEFAULT_CLIENT_SECRET))
        .post(new FormBody.Builder().add("grant_type", "refresh_token")
            .add("refresh_token", SandboxOAuth.DEFAULT_REFRESH_TOKEN).build()).build());
    basic.expect(200);
    Resp unsupported = Http.postForm(sandbox.tokenUrl(), Map.of("grant_type", "password")).expect(400);
    assertEquals("unsupported_grant_type", unsupported.json().get("error"));
    assertEquals(404, Http.get(sandbox.tokenUrl(), null).code());
    assertEquals(4, sandbox.tokenRequestCount());
  }

  @Test
  void testsChooseTheCredentials() {
    sandbox.oauth().clientCredentials("my-app", "s3cret").refreshToken("rt-1");
    Http.postForm(sandbox.tokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", "rt-1",
        "client_id", "my-app", "client_secret", "s3cret")).expect(200);
    refresh(SandboxOAuth.DEFAULT_REFRESH_TOKEN).expect(400);
  }

  @Test
  void shortLivedTokensExpireThenRefreshWorksAgain() throws InterruptedException {
    sandbox.oauth().accessTokenLifetime(Duration.ofMillis(600));
    Resp r = refresh(SandboxOAuth.DEFAULT_REFRESH_TOKEN).expect(200);
    assertEquals(0.0, r.json().get("expires_in"));
    String token = (String) r.json().get("access_token");
    Http.get(me(), token).expect(200);
    Thread.sleep(700);
    assertEquals("{\"errors\":[{\"message\":\"Not Authorized\"}]}", Http.get(me(), token).expect(401).body());
    sandbox.oauth().accessTokenLifetime(Duration.ofHours(1));
    String fresh = (String) refresh(SandboxOAuth.DEFAULT_REFRESH_TOKEN).expect(200).json().get("access_token");
    assertNotEquals(token, fresh);
    Http.get(me(), fresh).expect(200);
    assertEquals(2, sandbox.tokenRequestCount());
    assertEquals(2, sandbox.oauth().issuedTokenCount());
  }

  @Test
  void revokedTokensAre401() {
    String token = (String) refresh(SandboxOAuth.DEFAULT_REFRESH_TOKEN).expect(200).json().get("access_token");
    Http.get(me(), token).expect(200);
    sandbox.oauth().revokeIssuedTokens();
    Http.get(me(), token).expect(401);
    Http.get(me(), sandbox.token()).expect(200);
  }
}
