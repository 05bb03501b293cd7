package dev.asanaconnector.auth;

import dev.asanaconnector.http.BaseUrls;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The configuration of an OAuth 2 app's access to Asana: the app's client id and secret, the refresh
 * token of one authorization, optionally an access token already obtained, and where to renew it.
 * Immutable; pass to {@link Credentials#oauth2(OAuth2Credentials)}.
 *
 * <pre>{@code
 * OAuth2Credentials oauth = OAuth2Credentials.builder()
 *     .clientId(id).clientSecret(secret).refreshToken(refresh)
 *     .tokenListener(tokens -> store.save(tokens.refreshToken()))
 *     .build();
 * }</pre>
 */
public final class OAuth2Credentials {
  /** Asana's token endpoint. */
  public static final HttpUrl DEFAULT_TOKEN_ENDPOINT = HttpUrl.get("https://app.asana.com/-/oauth_token");

  private final String clientId;
  private final String clientSecret;
  private final String refreshToken;
  private final String accessToken;
  private final Instant accessTokenExpiresAt;
  private final HttpUrl tokenEndpoint;
  private final TokenListener tokenListener;

  private OAuth2Credentials(Builder builder) {
    this.clientId = Secrets.require(builder.clientId, "clientId");
    this.clientSecret = Secrets.require(builder.clientSecret, "clientSecret");
    this.refreshToken = Secrets.require(builder.refreshToken, "refreshToken");
    this.accessToken = builder.accessToken == null ? null : Secrets.require(builder.accessToken, "accessToken");
    this.accessTokenExpiresAt = builder.accessTokenExpiresAt;
    this.tokenEndpoint = BaseUrls.requireSecure(builder.tokenEndpoint, "tokenEndpoint");
    this.tokenListener = builder.tokenListener;
  }

  /** A builder; client id, client secret and refresh token are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The app's client id (not a secret). */
  public String clientId() {
    return clientId;
  }

  /** Where access tokens are renewed. */
  public HttpUrl tokenEndpoint() {
    return tokenEndpoint;
  }

  /** When the initial access token expires, if one was given with its expiry. */
  public Optional<Instant> accessTokenExpiresAt() {
    return Optional.ofNullable(accessTokenExpiresAt);
  }

  /** Who is told about new tokens, if anyone. */
  public Optional<TokenListener> tokenListener() {
    return Optional.ofNullable(tokenListener);
  }

  String clientSecret() {
    return clientSecret;
  }

  String refreshToken() {
    return refreshToken;
  }

  String accessToken() {
    return accessToken;
  }

  @Override
  public String toString() {
    return "OAuth2Credentials{clientId=" + clientId + ", clientSecret=" + Secrets.REDACTED + ", refreshToken="
        + Secrets.REDACTED + ", accessToken=" + (accessToken == null ? "<none>" : Secrets.REDACTED)
        + ", tokenEndpoint=" + tokenEndpoint + "}";
  }

  /** Builds {@link OAuth2Credentials}; client id, client secret and refresh token are required. */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private String accessToken;
    private Instant accessTokenExpiresAt;
    private HttpUrl tokenEndpoint = DEFAULT_TOKEN_ENDPOINT;
    private TokenListener tokenListener;

    private Builder() {
    }

    /** The app's client id. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The app's client secret (never logged or shown by {@code toString}). */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** The refresh token from the OAuth grant (never logged or shown by {@code toString}). */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /**
     * An access token obtained earlier, used until Asana rejects it; without one, the first request
     * obtains one.
     */
    public Builder accessToken(String accessToken) {
      return accessToken(accessToken, null);
    }

    /**
     * An access token obtained earlier and when it expires ({@code null}: unknown); it is renewed
     * shortly before then.
     */
    public Builder accessToken(String accessToken, Instant expiresAt) {
      this.accessToken = accessToken;
      this.accessTokenExpiresAt = expiresAt;
      return this;
    }

    /** Where to renew tokens; {@link #DEFAULT_TOKEN_ENDPOINT} unless set. HTTPS unless loopback. */
    public Builder tokenEndpoint(String url) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException("tokenEndpoint must be an http(s) URL");
      }
      return tokenEndpoint(parsed);
    }

    /** Where to renew tokens; {@link #DEFAULT_TOKEN_ENDPOINT} unless set. HTTPS unless loopback. */
    public Builder tokenEndpoint(HttpUrl url) {
      this.tokenEndpoint = Objects.requireNonNull(url, "tokenEndpoint");
      return this;
    }

    /** Told about every new set of tokens, e.g. to store a rotated refresh token. */
    public Builder tokenListener(TokenListener listener) {
      this.tokenListener = listener;
      return this;
    }

    /** @throws IllegalArgumentException naming the first missing or invalid field */
    public OAuth2Credentials build() {
      return new OAuth2Credentials(this);
    }
  }
}
