package dev.asanaconnector;

import java.util.List;

/** The object does not exist or is not visible to these credentials (HTTP 404). */
public class NotFoundException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  /** The exception for a 404 answer to {@code method path}; see {@link AsanaApiException}. */
  public NotFoundException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(status, errors, requestId, method, path);
  }
}
