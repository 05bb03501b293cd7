package dev.asanaconnector;

/** The request could not be completed: connection refused or cut, timeout, DNS failure. */
public class NetworkException extends AsanaException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
