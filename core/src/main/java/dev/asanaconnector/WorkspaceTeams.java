package dev.asanaconnector;

import dev.asanaconnector.generated.model.TeamCompact;

/**
 * The teams of a workspace (an organization).
 */
public final class WorkspaceTeams {
  private final EntityCalls calls;

  WorkspaceTeams(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "workspace_teams");
  }

  /**
   * One page of the teams of workspace {@code workspaceGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TeamCompact> list(String workspaceGid, Params params) {
    return calls.list(TeamCompact.class, params, "workspace_gid", workspaceGid);
  }

  /** The first page of the teams of workspace {@code workspaceGid}, with no further parameters. */
  public Page<TeamCompact> list(String workspaceGid) {
    return list(workspaceGid, Params.none());
  }

  /** Every one of the teams of workspace {@code workspaceGid}, lazily, in pages of 100. */
  public PagedIterable<TeamCompact> iterate(String workspaceGid) {
    return iterate(workspaceGid, Params.none());
  }

  /**
   * Every one of the teams of workspace {@code workspaceGid}, lazily across pages; {@code limit} is the
   * page size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any
   * request.
   */
  public PagedIterable<TeamCompact> iterate(String workspaceGid, Params params) {
    return calls.iterate(TeamCompact.class, params, "workspace_gid", workspaceGid);
  }
}
