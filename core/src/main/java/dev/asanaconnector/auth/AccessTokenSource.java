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

  /**
   * {@code text} with every secret of these credentials that a request may have carried or a server
   * may echo (access tokens handed out and still possibly in use, refresh tokens, the client secret)
   * replaced by {@code <redacted>}. Every excerpt, log line and exception message built from what a
   * server sent passes through this, whatever the path (catalog call, direct call, download, OAuth).
   */
  String redact(String text);
}
