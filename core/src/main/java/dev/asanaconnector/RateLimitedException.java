package dev.asanaconnector;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Asana's rate limit was hit (HTTP 429) and retrying did not get through. */
public class RateLimitedException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** The exception for a 429 answer to {@code method path}; see {@link AsanaApiException}. */
  public RateLimitedException(int status, List<AsanaError> errors, String requestId, String method,
      String path, Duration retryAfter) {
    super(status, errors, requestId, method, path);
    this.retryAfter = retryAfter;
  }

  /** How long Asana asked the client to wait, when it said ({@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
