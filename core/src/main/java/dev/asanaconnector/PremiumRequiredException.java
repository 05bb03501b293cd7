package dev.asanaconnector;

import java.util.List;

/** The feature needs a premium Asana plan, e.g. workspace task search (HTTP 402). */
public class PremiumRequiredException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  /** The exception for a 402 answer to {@code method path}; see {@link AsanaApiException}. */
  public PremiumRequiredException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(status, errors, requestId, method, path);
  }
}
