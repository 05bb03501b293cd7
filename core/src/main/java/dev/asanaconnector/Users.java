package dev.asanaconnector;

import dev.asanaconnector.generated.model.UserCompact;
import dev.asanaconnector.generated.model.UserResponse;

/**
 * Users: list them (by workspace or team), get one ({@code me} for the authenticated user).
 */
public final class Users {
  private final EntityCalls calls;

  Users(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "users");
  }

  /**
   * One page of the users {@code params} select; pass its {@link NextPage#offset()} back with
   * {@link Params.Builder#offset} for the next.
   */
  public Page<UserCompact> list(Params params) {
    return calls.list(UserCompact.class, params);
  }

  /**
   * Every one of the users {@code params} select across pages, lazily; {@code limit} is the page size (100
   * unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<UserCompact> iterate(Params params) {
    return calls.iterate(UserCompact.class, params);
  }

  /** The full record of the user {@code userGid} (a gid or {@code me}). */
  public UserResponse get(String userGid) {
    return get(userGid, Params.none());
  }

  /**
   * The full record of the user {@code userGid} (a gid or {@code me}); {@code params} may add
   * {@code opt_fields} and headers.
   */
  public UserResponse get(String userGid, Params params) {
    return calls.get(UserResponse.class, params, "user_gid", userGid);
  }
}
