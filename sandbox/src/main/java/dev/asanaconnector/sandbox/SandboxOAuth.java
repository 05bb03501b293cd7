package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.User;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;

/**
 * The sandbox's OAuth token endpoint ({@code POST /-/oauth_token}, form-encoded
 * {@code grant_type=refresh_token&refresh_token=..&client_id=..&client_secret=..}; client credentials
 * may also come as HTTP Basic). Access tokens it issues are valid bearer tokens for the API until they
 * expire or are revoked. Thread-safe; tests may change every setting at any time.
 */
public final class SandboxOAuth {
  /** Default client id. */
  public static final String DEFAULT_CLIENT_ID = "sandbox-client-id";
  /** Default client secret. */
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";
  /** Default valid refresh token. */
  public static final String DEFAULT_REFRESH_TOKEN = "sandbox-refresh-token";

  private final long seed;
  private final User me;
  private volatile String clientId = DEFAULT_CLIENT_ID;
  private volatile String clientSecret = DEFAULT_CLIENT_SECRET;
  private volatile String refreshToken = DEFAULT_REFRESH_TOKEN;
  private volatile Duration lifetime = Duration.ofHours(1);
  private final Map<String, Long> issued = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger issuedCount = new AtomicInteger();

  SandboxOAuth(long seed, User me) {
    this.seed = seed;
    this.me = me;
  }

  /** Sets the client credentials the endpoint accepts. */
  public SandboxOAuth clientCredentials(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    return this;
  }

  /** Sets the refresh token the endpoint accepts (any other gets 400 invalid_grant). */
  public SandboxOAuth refreshToken(String refreshToken) {
    this.refreshToken = refreshToken;
    return this;
  }

  /** Lifetime of access tokens issued from now on (expires_in, rounded down to seconds). Default 1 hour. */
  public SandboxOAuth accessTokenLifetime(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  /** Revokes every access token issued so far: the API answers 401 to them. */
  public SandboxOAuth revokeIssuedTokens() {
    issued.clear();
    return this;
  }

  /** The client id currently accepted. */
  public String clientId() {
    return clientId;
  }

  /** The client secret currently accepted. */
  public String clientSecret() {
    return clientSecret;
  }

  /** The refresh token currently accepted. */
  public String refreshToken() {
    return refreshToken;
  }

  /** Calls to the token endpoint so far, successful or not. */
  public int tokenRequestCount() {
    return requests.get();
  }

  /** Access tokens issued so far. */
  public int issuedTokenCount() {
    return issuedCount.get();
  }

  boolean isValidAccessToken(String token) {
    Long expires = issued.get(token);
    if (expires == null) {
      return false;
    }
    if (System.currentTimeMillis() >= expires) {
      issued.remove(token);
      return false;
    }
    return true;
  }

  private static Reply oauthError(int status, String error, String description) {
    Json j = new Json(256);
    j.beginObject().name("error").value(error).name("error_description").value(description).endObject();
    return Reply.json(status, j);
  }

  Reply handle(RecordedRequest request) {
    requests.incrementAndGet();
    if (!"POST".equals(request.getMethod())) {
      return Reply.error(404, "No matching route for request");
    }
    Map<String, String> form = parseForm(AsanaSandbox.body(request).utf8());
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    String basic = request.getHeaders().get("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          id = pair.substring(0, colon);
          secret = pair.substring(colon + 1);
        }
      } catch (IllegalArgumentException e) {
        return oauthError(401, "invalid_client", "Client authentication failed: malformed Basic credentials.");
      }
    }
    String grant = form.get("grant_type");
    if (grant == null) {
      return oauthError(400, "invalid_request", "The request is missing a required parameter: grant_type.");
    }
    if (!grant.equals("refresh_token")) {
      return oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported: " + grant);
    }
    if (id == null || secret == null || !id.equals(clientId) || !secret.equals(clientSecret)) {
      return oauthError(401, "invalid_client", "The client_id or client_secret is invalid.");
    }
    String refresh = form.get("refresh_token");
    if (refresh == null) {
      return oauthError(400, "invalid_request", "The request is missing a required parameter: refresh_token.");
    }
    if (!refresh.equals(refreshToken)) {
      return oauthError(400, "invalid_grant", "The provided refresh token is invalid, expired or revoked.");
    }
    int n = issuedCount.incrementAndGet();
    String token = "2/" + me.gid + "/sandbox-oauth-" + n + ":" + Mix.hex(Mix.mix(seed, 0x0A11L, n));
    Duration life = lifetime;
    issued.put(token, System.currentTimeMillis() + life.toMillis());
    Json j = new Json(512);
    j.beginObject();
    j.name("access_token").value(token);
    j.name("token_type").value("bearer");
    j.name("expires_in").value(Math.max(0, life.toSeconds()));
    j.name("refresh_token").value(refreshToken);
    j.name("data").beginObject();
    j.name("id").value(me.id);
    j.name("gid").value(me.gid);
    j.name("name").value(me.name);
    j.name("email").value(me.email);
    j.endObject();
    j.endObject();
    return Reply.json(200, j);
  }

  static Map<String, String> parseForm(String body) {
    Map<String, String> out = new HashMap<>();
    for (String part : body.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
