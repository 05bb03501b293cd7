package dev.asanaconnector;

import java.util.List;

/** The credentials are missing, wrong or expired and could not be renewed (HTTP 401). */
public class UnauthorizedException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  /** The exception for a 401 answer to {@code method path}; see {@link AsanaApiException}. */
  public UnauthorizedException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(status, errors, requestId, method, path);
  }
}
