package dev.asanaconnector;

import dev.asanaconnector.generated.model.WorkspaceCompact;
import dev.asanaconnector.generated.model.WorkspaceResponse;

/**
 * Workspaces and organizations: list those the user belongs to, get one.
 */
public final class Workspaces {
  private final EntityCalls calls;

  Workspaces(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "workspaces");
  }

  /**
   * One page of the workspaces; pass its {@link NextPage#offset()} back with {@link Params.Builder#offset}
   * for the next.
   */
  public Page<WorkspaceCompact> list(Params params) {
    return calls.list(WorkspaceCompact.class, params);
  }

  /**
   * Every one of the workspaces across pages, lazily; {@code limit} is the page size (100 unless set),
   * {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<WorkspaceCompact> iterate(Params params) {
    return calls.iterate(WorkspaceCompact.class, params);
  }

  /** The full record of the workspace {@code workspaceGid}. */
  public WorkspaceResponse get(String workspaceGid) {
    return get(workspaceGid, Params.none());
  }

  /**
   * The full record of the workspace {@code workspaceGid}; {@code params} may add {@code opt_fields} and
   * headers.
   */
  public WorkspaceResponse get(String workspaceGid, Params params) {
    return calls.get(WorkspaceResponse.class, params, "workspace_gid", workspaceGid);
  }
}
