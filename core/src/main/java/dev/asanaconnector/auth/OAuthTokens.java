package dev.asanaconnector.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of OAuth tokens as the token endpoint issued them.
 *
 * @param accessToken the access token now in use
 * @param expiresAt when the access token expires, or {@code null} when the endpoint did not say
 * @param refreshToken the refresh token to use from now on (the endpoint's new one if it rotated it,
 *     otherwise the previous one)
 */
public record OAuthTokens(String accessToken, Instant expiresAt, String refreshToken) {

  /** Checks that both tokens are present. */
  public OAuthTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }

  /** {@link #expiresAt()}, when known. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public String toString() {
    return "OAuthTokens{accessToken=" + Secrets.REDACTED + ", expiresAt=" + expiresAt + ", refreshToken="
        + Secrets.REDACTED + "}";
  }
}
