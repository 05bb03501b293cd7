package dev.asanaconnector;

import dev.asanaconnector.generated.model.ProjectCompact;

/**
 * The projects of a workspace.
 */
public final class WorkspaceProjects {
  private final EntityCalls calls;

  WorkspaceProjects(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "workspace_projects");
  }

  /**
   * One page of the projects of workspace {@code workspaceGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<ProjectCompact> list(String workspaceGid, Params params) {
    return calls.list(ProjectCompact.class, params, "workspace_gid", workspaceGid);
  }

  /** The first page of the projects of workspace {@code workspaceGid}, with no further parameters. */
  public Page<ProjectCompact> list(String workspaceGid) {
    return list(workspaceGid, Params.none());
  }

  /** Every one of the projects of workspace {@code workspaceGid}, lazily, in pages of 100. */
  public PagedIterable<ProjectCompact> iterate(String workspaceGid) {
    return iterate(workspaceGid, Params.none());
  }

  /**
   * Every one of the projects of workspace {@code workspaceGid}, lazily across pages; {@code limit} is the
   * page size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any
   * request.
   */
  public PagedIterable<ProjectCompact> iterate(String workspaceGid, Params params) {
    return calls.iterate(ProjectCompact.class, params, "workspace_gid", workspaceGid);
  }
}
