package dev.asanaconnector;

import java.util.List;

/**
 * Asana no longer accepts the pagination offset ({@code offset: Your pagination token has expired.}):
 * start the listing again from the first page.
 */
public class OffsetExpiredException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception for a 400 answer saying the pagination offset expired to {@code method path}; see {@link AsanaApiException}.
   */
  public OffsetExpiredException(int status, List<AsanaError> errors, String requestId, String method,
      String path) {
    super(status, errors, requestId, method, path);
  }
}
