package dev.asanaconnector.auth;

import dev.asanaconnector.http.RetryPolicy;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * How requests to Asana are authenticated. Create with one of the factories and hand to the client;
 * one instance holds the current access token, so share it rather than creating one per client.
 *
 * <ul>
 *   <li>{@link #personalAccessToken(String)}: a fixed token from Asana's developer console.
 *   <li>{@link #oauth2(OAuth2Credentials)}: an OAuth 2 refresh token; access tokens are obtained and
 *       renewed automatically.
 *   <li>{@link #tokenSupplier(TokenSupplier)}: the application obtains and renews tokens itself.
 * </ul>
 */
public sealed interface Credentials permits PersonalAccessToken, OAuth2Session, SuppliedToken {

  /** A personal access token, sent unchanged with every request. */
  static Credentials personalAccessToken(String token) {
    return new PersonalAccessToken(token);
  }

  /**
   * OAuth 2 with a refresh token: the access token is renewed before it expires and when Asana
   * rejects it, once for all threads that need it.
   */
  static Credentials oauth2(OAuth2Credentials credentials) {
    return new OAuth2Session(Objects.requireNonNull(credentials, "credentials"));
  }

  /** Tokens the application manages: {@code supplier} is asked for the access token on every request. */
  static Credentials tokenSupplier(TokenSupplier supplier) {
    return new SuppliedToken(Objects.requireNonNull(supplier, "supplier"));
  }

  /**
   * The access tokens of these credentials, with {@code tokenClient} for calls to an OAuth token
   * endpoint, retried as {@link RetryPolicy#defaults()} allows (unless a call's own
   * {@link dev.asanaconnector.http.CallOptions} say otherwise). Called by the HTTP stack when it is
   * built; applications don't need it.
   *
   * @param tokenClient a client without the authenticating interceptor
   */
  default AccessTokenSource bind(OkHttpClient tokenClient) {
    return bind(tokenClient, RetryPolicy.defaults());
  }

  /**
   * The access tokens of these credentials, with {@code tokenClient} for calls to an OAuth token
   * endpoint. Called by the HTTP stack when it is built; applications don't need it.
   *
   * @param tokenClient a client without the authenticating interceptor
   * @param retryPolicy the client's retry policy, which token endpoint calls follow too (a call's own
   *     policy, from its {@link dev.asanaconnector.http.CallOptions}, takes precedence)
   */
  AccessTokenSource bind(OkHttpClient tokenClient, RetryPolicy retryPolicy);

  /**
   * As {@link #bind(OkHttpClient, RetryPolicy)}, asking {@code tokenClient} for the client only if these
   * credentials call a token endpoint (a personal access token does not, so no client is built for it).
   */
  default AccessTokenSource bind(Supplier<OkHttpClient> tokenClient, RetryPolicy retryPolicy) {
    return bind(tokenClient.get(), retryPolicy);
  }
}
