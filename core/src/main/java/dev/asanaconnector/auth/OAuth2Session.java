package dev.asanaconnector.auth;

import dev.asanaconnector.AsanaException;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2 credentials in use: the current tokens, renewed ahead of expiry and after a 401, once for all
 * threads (see {@link SingleFlight}). A refresh token the endpoint refused (or client credentials it
 * refused) stay refused: later requests fail at once instead of calling the endpoint again.
 *
 * <p>A renewal ahead of expiry is a courtesy: it makes one attempt, and if that fails while the current
 * token is still valid, requests go on with that token (one warning per run of failures) and the
 * endpoint is asked again only after the retry policy's backoff, not by every request. A renewal the
 * request needs (no token yet, an expired one, a 401) retries as the call's retry policy allows.
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
  /** Failed renewals ahead of expiry since the last success: the first one is logged as a warning. */
  private final AtomicInteger earlyFailures = new AtomicInteger();
  /** No renewal ahead of expiry before this (after a failed one), unless the token expires first. */
  private volatile Instant nextEarlyAttempt = Instant.MIN;
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
  public AccessTokenSource bind(OkHttpClient tokenClient, RetryPolicy retryPolicy) {
    OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(tokenClient, config);
    return new AccessTokenSource() {
      @Override
      public String accessToken(Call call) throws IOException {
        return current(endpoint, RenewalBudget.of(call, retryPolicy));
      }

      @Override
      public Optional<String> renewAfterUnauthorized(String rejectedToken, Call call) throws IOException {
        return Optional.of(renew(rejectedToken, endpoint, RenewalBudget.of(call, retryPolicy)).accessToken);
      }

      @Override
      public String redact(String text) {
        return OAuth2Session.this.redact(text);
      }
    };
  }

  private String redact(String text) {
    return issued.redact(text, config.clientSecret());
  }

  private String current(OAuthTokenEndpoint endpoint, RenewalBudget budget) throws IOException {
    Tokens now = tokens;
    Instant instant = Instant.now();
    if (now.usableAt(instant)) {
      return now.accessToken;
    }
    if (now.accessToken == null || now.expiredAt(instant)) {
      return renew(now.accessToken, endpoint, budget).accessToken;
    }
    // Due for renewal but still valid: whoever is renewing, or a recent failure, need not hold this up.
    if (instant.isBefore(nextEarlyAttempt) || renewals.inFlight()) {
      return now.accessToken;
    }
    try {
      return renew(now.accessToken, endpoint, budget.singleAttempt()).accessToken;
    } catch (AsanaException e) {
      earlyRenewalFailed(now, e, budget);
      return now.accessToken;
    }
  }

  /** Logs the first failure of a run as a warning, the others at debug, and pauses early renewals. */
  private void earlyRenewalFailed(Tokens current, AsanaException e, RenewalBudget budget) {
    int failures = earlyFailures.incrementAndGet();
    Duration pause = e instanceof RateLimitedException limited && limited.retryAfter().isPresent()
        ? limited.retryAfter().get() : Duration.ofNanos(budget.pauseNanos(failures));
    nextEarlyAttempt = Instant.now().plus(pause);
    String reason = redact(e.getMessage());
    if (failures == 1) {
      LOG.warn("Could not renew the OAuth access token ahead of its expiry at {}; using it until then, "
          + "asking the token endpoint again from time to time: {}", current.expiresAt, reason);
    } else {
      LOG.debug("Still could not renew the OAuth access token (failure {}): {}", failures, reason);
    }
  }

  /** Renews unless the access token already differs from {@code stale} (someone else renewed it). */
  private Tokens renew(String stale, OAuthTokenEndpoint endpoint, RenewalBudget budget) throws IOException {
    return renewals.run(() -> {
      UnauthorizedException refused = refusal;
      if (refused != null) {
        throw new UnauthorizedException(refused.status(), refused.errors(), refused.requestId().orElse(null),
            refused.method(), refused.path());
      }
      Tokens now = tokens;
      return now.accessToken != null && !now.accessToken.equals(stale) ? now : null;
    }, () -> obtain(endpoint, budget), fresh -> {
      tokens = fresh;
      earlyFailures.set(0);
      nextEarlyAttempt = Instant.MIN;
    }, budget);
  }

  private Tokens obtain(OAuthTokenEndpoint endpoint, RenewalBudget budget) throws IOException {
    String refreshToken = tokens.refreshToken;
    OAuthTokenEndpoint.Grant grant;
    try {
      grant = endpoint.refresh(refreshToken, budget);
    } catch (OAuthTokenEndpoint.Refused refused) {
      refusal = refused.exception();
      throw refused.exception();
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
