package dev.asanaconnector.auth;

/**
 * Access tokens from the application, for apps that obtain and store OAuth tokens themselves. Must be
 * thread-safe: requests on many threads call it.
 *
 * <p>When it has no token to give (null or blank, or one with spaces or control characters) or throws,
 * the request is not sent and the caller gets an {@link dev.asanaconnector.UnauthorizedException}
 * saying so, with the supplier's exception, if any, as its cause (its message is not quoted).
 */
@FunctionalInterface
public interface TokenSupplier {

  /** The access token to send; called for every request, so it should return a cached value quickly. */
  String accessToken();

  /**
   * Asana rejected {@code rejectedToken} with HTTP 401: return a renewed token to retry the request
   * with once, or {@code null} (or the same token) to give up, which surfaces the 401 to the caller.
   * Concurrent requests rejected with the same token cause one call. The default asks
   * {@link #accessToken()} again, so a token the application has replaced meanwhile is retried.
   */
  default String refreshAfterUnauthorized(String rejectedToken) {
    return accessToken();
  }
}
