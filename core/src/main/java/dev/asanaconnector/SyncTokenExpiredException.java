package dev.asanaconnector;

import java.util.List;

/**
 * Asana answered {@code GET /events} with {@code 412 Precondition Failed}: the sync token was too old,
 * invalid, or for another resource. Events since that token were lost, so whatever was kept in sync
 * must be read again in full; then continue from {@link #freshSyncToken()}, which Asana sent with the
 * 412. {@link Events} turns the 412 of a first call (no token yet) into a plain start from now; every
 * other 412 reaches the caller as this exception, mapped where all error statuses are mapped.
 */
public class SyncTokenExpiredException extends AsanaApiException {
  private static final long serialVersionUID = 1L;

  private final String freshSyncToken;

  /** The exception for a 412 answer to {@code method path} carrying {@code freshSyncToken}. */
  public SyncTokenExpiredException(int status, List<AsanaError> errors, String requestId, String method,
      String path, String freshSyncToken) {
    super(status, errors, requestId, method, path);
    this.freshSyncToken = freshSyncToken;
  }

  /** The token to continue from once the resource has been read again in full. */
  public String freshSyncToken() {
    return freshSyncToken;
  }

  @Override
  public String getMessage() {
    // A sync token is a position in a stream, not a credential: naming it is what the caller needs.
    return super.getMessage() + ". The sync token expired, so events were lost: read the resource again "
        + "in full, then continue from the fresh sync token " + freshSyncToken;
  }
}
