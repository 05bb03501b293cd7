package dev.asanaconnector;

import dev.asanaconnector.generated.model.TeamCompact;

/**
 * The teams of a user in one organization, which is required: {@code Params.builder().organization(gid)}.
 */
public final class UserTeams {
  private final EntityCalls calls;

  UserTeams(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "user_teams");
  }

  /**
   * One page of the teams of user {@code userGid} (a gid or {@code me}); {@code params} may set
   * {@code limit}, {@code offset}, {@code opt_fields}...
   */
  public Page<TeamCompact> list(String userGid, Params params) {
    return calls.list(TeamCompact.class, params, "user_gid", userGid);
  }

  /** The first page of the teams of user {@code userGid} (a gid or {@code me}), with no further parameters. */
  public Page<TeamCompact> list(String userGid) {
    return list(userGid, Params.none());
  }

  /** Every one of the teams of user {@code userGid} (a gid or {@code me}), lazily, in pages of 100. */
  public PagedIterable<TeamCompact> iterate(String userGid) {
    return iterate(userGid, Params.none());
  }

  /**
   * Every one of the teams of user {@code userGid} (a gid or {@code me}), lazily across pages;
   * {@code limit} is the page size (100 unless set), {@code maxItems} the total cap. Parameters are
   * checked now, before any request.
   */
  public PagedIterable<TeamCompact> iterate(String userGid, Params params) {
    return calls.iterate(TeamCompact.class, params, "user_gid", userGid);
  }
}
