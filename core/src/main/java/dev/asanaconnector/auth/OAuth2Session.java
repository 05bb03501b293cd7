package dev.asanaconnector.auth;

import dev.asanaconnector.UnauthorizedException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2 credentials in use: the current tokens, renewed ahead of expiry and after a 401, once for all
 * threads (see {@link SingleFlight}). A refresh token the endpoint refused stays refused: later
 * requests fail at once instead of calling the endpoint again.
 */
final class OAuth2Session implements Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(OAuth2Session.class);
  /** Renew this long before the access token expires (at most half its lifetime). */
  static final Duration RENEW_AHEAD = Duration.ofSeconds(60);

  /** The tokens in use; {@code accessToken} is null until the first renewal when none was given. */
  private record Tokens(String accessToken, Instant expiresAt, Instant renewAt, String refreshToken) {
    boolean usableAt(Instant now) {
      return accessToken != null && (renewAt == null || now.isBefore(renewAt));
    }

    boolean expiredAt(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }
  }

  private final OAuth2Credentials config;
  private final SingleFlight<Tokens> renewals = new SingleFlight<>();
  private volatile Tokens tokens;
  private volatile UnauthorizedException refusal;
  /** Access and refresh tokens issued so far (the latest few), for redaction. */
  private final RecentSecrets issued = new RecentSecrets(6);

  OAuth2Session(OAuth2Credentials config) {
    this.config = config;
    Instant expiresAt = config.accessTokenExpiresAt().orElse(null);
    this.tokens = new Tokens(config.accessToken(), expiresAt,
        expiresAt == null ? null : expiresAt.minus(RENEW_AHEAD), config.refreshToken());
    issued.remember(config.refreshToken());
    issued.remember(config.accessToken());
  }

  @Override
  public AccessTokenSource bind(OkHttpClient tokenClient) {
    OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(tokenClient, config);
    return new AccessTokenSource() {
      @Override
      public String accessToken() throws IOException {
        return current(endpoint);
      }

      @Override
      public Optional<String> renewAfterUnauthorized(String rejectedToken) throws IOException {
        return Optional.of(renew(rejectedToken, endpoint).accessToken);
      }

      @Override
      public String redact(String text) {
        return issued.redact(text, config.clientSecret());
      }
    };
  }

  private String current(OAuthTokenEndpoint endpoint) throws IOException {
    Tokens now = tokens;
    Instant instant = Instant.now();
    if (now.usableAt(instant)) {
      return now.accessToken;
    }
    try {
      return renew(now.accessToken, endpoint).accessToken;
    } catch (IOException e) {
      if (now.accessToken == null || now.expiredAt(instant)) {
        throw e;
      }
      LOG.warn("Could not renew the OAuth access token ahead of its expiry ({}); using it until it expires",
          e.getClass().getSimpleName());
      return now.accessToken;
    }
  }

  /** Renews unless the access token already differs from {@code stale} (someone else renewed it). */
  private Tokens renew(String stale, OAuthTokenEndpoint endpoint) throws IOException {
    return renewals.run(() -> {
      UnauthorizedException refused = refusal;
      if (refused != null) {
        throw new UnauthorizedException(refused.status(), refused.errors(), refused.requestId().orElse(null),
            refused.method(), refused.path());
      }
      Tokens now = tokens;
      return now.accessToken != null && !now.accessToken.equals(stale) ? now : null;
    }, () -> obtain(endpoint), fresh -> tokens = fresh);
  }

  private Tokens obtain(OAuthTokenEndpoint endpoint) throws IOException {
    String refreshToken = tokens.refreshToken;
    OAuthTokenEndpoint.Grant grant;
    try {
      grant = endpoint.refresh(refreshToken);
    } catch (UnauthorizedException refused) {
      refusal = refused;
      throw refused;
    }
    Instant now = Instant.now();
    Duration lifetime = grant.expiresIn();
    Instant expiresAt = lifetime == null ? null : now.plus(lifetime);
    Instant renewAt = lifetime == null ? null : now.plus(renewAfter(lifetime));
    String nextRefreshToken = grant.refreshToken() == null || grant.refreshToken().isBlank()
        ? refreshToken : grant.refreshToken();
    LOG.debug("Renewed the OAuth access token{}",
        lifetime == null ? "" : " (valid for " + lifetime.toSeconds() + " s)");
    Tokens fresh = new Tokens(grant.accessToken(), expiresAt, renewAt, nextRefreshToken);
    issued.remember(nextRefreshToken);
    issued.remember(fresh.accessToken);
    notifyListener(new OAuthTokens(fresh.accessToken, fresh.expiresAt, fresh.refreshToken));
    return fresh;
  }

  /** {@link #RENEW_AHEAD} before the end of {@code lifetime}, but not before half of it has passed. */
  private static Duration renewAfter(Duration lifetime) {
    Duration ahead = lifetime.minus(RENEW_AHEAD);
    Duration half = lifetime.dividedBy(2);
    return ahead.compareTo(half) > 0 ? ahead : half;
  }

  private void notifyListener(OAuthTokens issued) {
    TokenListener listener = config.tokenListener().orElse(null);
    if (listener == null) {
      return;
    }
    try {
      listener.onTokens(issued);
    } catch (RuntimeException e) {
      LOG.warn("The OAuth TokenListener failed ({}); the new tokens are used regardless",
          e.getClass().getName());
    }
  }

  @Override
  public String toString() {
    return "Credentials.oauth2(" + config + ")";
  }
}
