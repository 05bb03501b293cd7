package dev.asanaconnector;

import java.util.Optional;

/**
 * The request could not be completed: connection refused or cut, timeout, DNS failure. Carries the
 * request's method and path when the failure belongs to one request (never its query or headers).
 */
public class NetworkException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  /** A failure that belongs to no single request, or whose request is not known here. */
  public NetworkException(String message, Throwable cause) {
    this(message, null, null, cause);
  }

  /** A failure of {@code method path}; {@code message} should already name the request. */
  public NetworkException(String message, String method, String path, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
  }

  /** The HTTP method of the request that failed, when known. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /** The path (without query) of the request that failed, when known. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }
}
