package dev.asanaconnector.kafka;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.http.RateLimits;

/** Builds a tenant's {@link AsanaClient}: its credentials and its own rate limiter, over core's one pipeline. */
final class TenantClients {
  private TenantClients() {
  }

  /**
   * A client for {@code tenant}. One per tenant per task: all of a token's partitions share it, so its
   * rate limiter holds for the token.
   */
  static AsanaClient create(AsanaSourceConfig config, AsanaSourceConfig.Tenant tenant) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(config.baseUrl()).readOnly(true);
    if (tenant.token() != null) {
      builder.personalAccessToken(tenant.token().value());
    } else {
      builder.credentials(Credentials.oauth2(OAuth2Credentials.builder()
          .clientId(tenant.oauthClientId())
          .clientSecret(tenant.oauthClientSecret().value())
          .refreshToken(tenant.oauthRefreshToken().value())
          .tokenEndpoint(config.oauthTokenUrl())
          .build()));
    }
    builder.http().userAgentProduct("asana-connector-kafka-connect")
        .rateLimits(RateLimits.builder().requestsPerMinute(tenant.requestsPerMinute()).build());
    return builder.build();
  }
}
