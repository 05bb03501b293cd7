package dev.asanaconnector;

import java.util.List;

/** Asana failed on its side (HTTP 5xx); {@link #errors()} carries the support phrase. */
public class ServerErrorException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  /** The exception for a 5xx answer to {@code method path}; see {@link AsanaApiException}. */
  public ServerErrorException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(status, errors, requestId, method, path);
  }
}
