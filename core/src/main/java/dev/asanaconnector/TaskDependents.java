package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;

/**
 * The tasks that depend on a task (its dependencies are {@link AsanaClient#taskDependencies()}).
 */
public final class TaskDependents {
  private final EntityCalls calls;

  TaskDependents(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_dependents");
  }

  /**
   * One page of the tasks that depend on task {@code taskGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TaskCompact> list(String taskGid, Params params) {
    return calls.list(TaskCompact.class, params, "task_gid", taskGid);
  }

  /** The first page of the tasks that depend on task {@code taskGid}, with no further parameters. */
  public Page<TaskCompact> list(String taskGid) {
    return list(taskGid, Params.none());
  }

  /** Every one of the tasks that depend on task {@code taskGid}, lazily, in pages of 100. */
  public PagedIterable<TaskCompact> iterate(String taskGid) {
    return iterate(taskGid, Params.none());
  }

  /**
   * Every one of the tasks that depend on task {@code taskGid}, lazily across pages; {@code limit} is the
   * page size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any
   * request.
   */
  public PagedIterable<TaskCompact> iterate(String taskGid, Params params) {
    return calls.iterate(TaskCompact.class, params, "task_gid", taskGid);
  }
}
