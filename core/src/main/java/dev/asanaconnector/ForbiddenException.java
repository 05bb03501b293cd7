package dev.asanaconnector;

import java.util.List;

/** The credentials are valid but may not access this object (HTTP 403). */
public class ForbiddenException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  /** The exception for a 403 answer to {@code method path}; see {@link AsanaApiException}. */
  public ForbiddenException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(status, errors, requestId, method, path);
  }
}
