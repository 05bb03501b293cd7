package dev.asanaconnector;

/**
 * The root of every exception the connector throws. Unchecked: an Asana call either returns its result
 * or throws one of the subclasses, which say what went wrong without ever carrying a token.
 */
public class AsanaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message, which must hold no secret. */
  public AsanaException(String message) {
    super(message);
  }

  /** An exception with this message, which must hold no secret, and its cause. */
  public AsanaException(String message, Throwable cause) {
    super(message, cause);
  }
}
