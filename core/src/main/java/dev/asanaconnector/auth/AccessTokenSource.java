package dev.asanaconnector.auth;

import java.io.IOException;
import java.util.Optional;
import okhttp3.Call;

/**
 * The access token to put on a request, and a new one when Asana rejects it. Thread-safe. Obtained
 * from {@link Credentials#bind}; used by the HTTP stack's authenticating interceptor.
 *
 * <p>Both token methods take the {@link Call} the token is for: a thread waiting for a renewal (its own
 * or another thread's) waits no longer than that call lasts (until it is canceled or its call timeout
 * fires), and the retries of an OAuth token endpoint follow that call's retry policy. Failures to
 * obtain a token are unchecked {@link dev.asanaconnector.AsanaException}s, which OkHttp passes to the
 * caller unchanged; an {@link IOException} means the call itself ended or its thread was interrupted.
 */
public interface AccessTokenSource {

  /**
   * The token to send now for {@code call}. May block while an expired or expiring OAuth token is
   * renewed.
   *
   * @throws IOException {@code call} was canceled or timed out, or the thread was interrupted, while
   *     waiting for a renewal
   * @throws dev.asanaconnector.UnauthorizedException the credentials were refused or there is no token
   *     (an application's {@link TokenSupplier} returned none or failed); nothing was sent
   * @throws dev.asanaconnector.AsanaException the OAuth token endpoint gave no token within the call's
   *     retries: {@link dev.asanaconnector.NetworkException}, {@link dev.asanaconnector.ServerErrorException},
   *     {@link dev.asanaconnector.RateLimitedException} or {@link dev.asanaconnector.InvalidResponseException}
   */
  String accessToken(Call call) throws IOException;

  /**
   * Asana answered 401 to {@code call}, sent with {@code rejectedToken}: a different token to retry that
   * request with once, or empty when there is none. Concurrent calls for the same rejected token
   * share one renewal.
   *
   * @throws IOException {@code call} was canceled or timed out, or the thread was interrupted, while
   *     waiting for the renewal
   * @throws dev.asanaconnector.AsanaException as {@link #accessToken(Call)}
   */
  Optional<String> renewAfterUnauthorized(String rejectedToken, Call call) throws IOException;

  /**
   * {@code text} with every secret of these credentials that a request may have carried or a server
   * may echo (access tokens handed out and still possibly in use, refresh tokens, the client secret)
   * replaced by {@code <redacted>}. Every excerpt, log line and exception message built from what a
   * server sent passes through this, whatever the path (catalog call, direct call, download, OAuth).
   */
  String redact(String text);
}
