package dev.asanaconnector;

import java.util.List;

/** Asana rejected the request as malformed or invalid (HTTP 400). */
public class BadRequestException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  /** The exception for a 400 answer to {@code method path}; see {@link AsanaApiException}. */
  public BadRequestException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(status, errors, requestId, method, path);
  }
}
