package dev.asanaconnector;

import dev.asanaconnector.generated.model.UserCompact;

/**
 * The users of a team.
 */
public final class TeamUsers {
  private final EntityCalls calls;

  TeamUsers(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "team_users");
  }

  /**
   * One page of the users of team {@code teamGid}; {@code params} may set {@code limit}, {@code offset},
   * {@code opt_fields}...
   */
  public Page<UserCompact> list(String teamGid, Params params) {
    return calls.list(UserCompact.class, params, "team_gid", teamGid);
  }

  /** The first page of the users of team {@code teamGid}, with no further parameters. */
  public Page<UserCompact> list(String teamGid) {
    return list(teamGid, Params.none());
  }

  /** Every one of the users of team {@code teamGid}, lazily, in pages of 100. */
  public PagedIterable<UserCompact> iterate(String teamGid) {
    return iterate(teamGid, Params.none());
  }

  /**
   * Every one of the users of team {@code teamGid}, lazily across pages; {@code limit} is the page size
   * (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<UserCompact> iterate(String teamGid, Params params) {
    return calls.iterate(UserCompact.class, params, "team_gid", teamGid);
  }
}
