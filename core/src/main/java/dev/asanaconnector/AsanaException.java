package dev.asanaconnector;

/**
 * The root of every exception the connector throws. Unchecked: an Asana call either returns its result
 * or throws one of the subclasses, which say what went wrong without ever carrying a token.
 */
public class AsanaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AsanaException(String message) {
    super(message);
  }

  public AsanaException(String message, Throwable cause) {
    super(message, cause);
  }
}
