package dev.asanaconnector;

import dev.asanaconnector.generated.model.UserCompact;

/**
 * The users of a workspace. New members are added by {@link AsanaClient#workspaceMemberships()}.
 */
public final class WorkspaceUsers {
  private final EntityCalls calls;

  WorkspaceUsers(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "workspace_users");
  }

  /**
   * One page of the users of workspace {@code workspaceGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<UserCompact> list(String workspaceGid, Params params) {
    return calls.list(UserCompact.class, params, "workspace_gid", workspaceGid);
  }

  /** The first page of the users of workspace {@code workspaceGid}, with no further parameters. */
  public Page<UserCompact> list(String workspaceGid) {
    return list(workspaceGid, Params.none());
  }

  /** Every one of the users of workspace {@code workspaceGid}, lazily, in pages of 100. */
  public PagedIterable<UserCompact> iterate(String workspaceGid) {
    return iterate(workspaceGid, Params.none());
  }

  /**
   * Every one of the users of workspace {@code workspaceGid}, lazily across pages; {@code limit} is the
   * page size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any
   * request.
   */
  public PagedIterable<UserCompact> iterate(String workspaceGid, Params params) {
    return calls.iterate(UserCompact.class, params, "workspace_gid", workspaceGid);
  }
}
