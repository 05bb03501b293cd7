package dev.asanaconnector;

/**
 * A write was asked of a client built {@code readOnly(true)}; nothing was sent. Names the action (for a
 * catalog write) or the method and path (for a direct or raw call).
 */
public class ReadOnlyClientException extends AsanaException {
  private static final long serialVersionUID = 1L;

  /** A refusal; {@code what} names the action or the request. */
  public ReadOnlyClientException(String what) {
    super(what + " is a write, and this client is read-only (AsanaClient.builder().readOnly(true)); nothing "
        + "was sent");
  }
}
