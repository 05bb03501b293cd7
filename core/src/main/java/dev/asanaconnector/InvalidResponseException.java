package dev.asanaconnector;

/**
 * A response that is not what Asana sends: malformed JSON, an HTML page from a proxy, an empty body,
 * a wrong content type, or a body far larger than expected. Carries the status and a short excerpt.
 */
public class InvalidResponseException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String excerpt;

  public InvalidResponseException(String message, int status, String excerpt, Throwable cause) {
    super(message + " (HTTP " + status + (excerpt.isEmpty() ? ", empty body" : ", body starts: " + excerpt) + ")",
        cause);
    this.status = status;
    this.excerpt = excerpt;
  }

  /** The HTTP status of the response. */
  public int status() {
    return status;
  }

  /** The first characters of the body, for diagnosis. */
  public String excerpt() {
    return excerpt;
  }
}
