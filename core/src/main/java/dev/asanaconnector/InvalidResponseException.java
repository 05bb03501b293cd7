package dev.asanaconnector;

import java.util.Optional;

/**
 * A response that is not what Asana sends: malformed JSON, an HTML page from a proxy, an empty body,
 * a wrong content type, or a body far larger than expected. Carries the status, a short excerpt and,
 * when the response answered a request, the request's method and path (never its query or headers).
 */
public class InvalidResponseException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String excerpt;
  private final String method;
  private final String path;

  /** A response that answered no particular request, or whose request is not known here. */
  public InvalidResponseException(String message, int status, String excerpt, Throwable cause) {
    this(message, status, excerpt, null, null, cause);
  }

  /** A response to {@code method path}; {@code message} should already name the request. */
  public InvalidResponseException(String message, int status, String excerpt, String method, String path,
      Throwable cause) {
    super(message + " (HTTP " + status + (excerpt.isEmpty() ? ", empty body" : ", body starts: " + excerpt) + ")",
        cause);
    this.status = status;
    this.excerpt = excerpt;
    this.method = method;
    this.path = path;
  }

  /** The HTTP status of the response. */
  public int status() {
    return status;
  }

  /** The first characters of the body, for diagnosis. */
  public String excerpt() {
    return excerpt;
  }

  /** The HTTP method of the request this response answered, when known. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /** The path (without query) of the request this response answered, when known. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }
}
