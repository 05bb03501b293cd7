package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;

/**
 * The tasks of a project, in the project's order.
 */
public final class ProjectTasks {
  private final EntityCalls calls;

  ProjectTasks(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "project_tasks");
  }

  /**
   * One page of the tasks of project {@code projectGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TaskCompact> list(String projectGid, Params params) {
    return calls.list(TaskCompact.class, params, "project_gid", projectGid);
  }

  /** The first page of the tasks of project {@code projectGid}, with no further parameters. */
  public Page<TaskCompact> list(String projectGid) {
    return list(projectGid, Params.none());
  }

  /** Every one of the tasks of project {@code projectGid}, lazily, in pages of 100. */
  public PagedIterable<TaskCompact> iterate(String projectGid) {
    return iterate(projectGid, Params.none());
  }

  /**
   * Every one of the tasks of project {@code projectGid}, lazily across pages; {@code limit} is the page
   * size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(String projectGid, Params params) {
    return calls.iterate(TaskCompact.class, params, "project_gid", projectGid);
  }
}
