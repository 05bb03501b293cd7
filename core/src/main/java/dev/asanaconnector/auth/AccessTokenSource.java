package dev.asanaconnector.auth;

import java.io.IOException;
import java.util.Optional;

/**
 * The access token to put on a request, and a new one when Asana rejects it. Thread-safe. Obtained
 * from {@link Credentials#bind}; used by the HTTP stack's authenticating interceptor.
 */
public interface AccessTokenSource {

  /**
   * The token to send now. May block while an expired or expiring OAuth token is renewed.
   *
   * @throws IOException the token endpoint could not be reached
   * @throws dev.asanaconnector.UnauthorizedException the token endpoint refused the credentials
   */
  String accessToken() throws IOException;

  /**
   * Asana answered 401 to a request sent with {@code rejectedToken}: a different token to retry that
   * request with once, or empty when there is none. Concurrent calls for the same rejected token
   * share one renewal.
   *
   * @throws IOException the token endpoint could not be reached
   * @throws dev.asanaconnector.UnauthorizedException the token endpoint refused the credentials
   */
  Optional<String> renewAfterUnauthorized(String rejectedToken) throws IOException;
}
