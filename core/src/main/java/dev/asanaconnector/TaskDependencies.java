package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;
import java.util.List;
import java.util.Map;

/**
 * The tasks a task depends on: list them, add and remove dependencies (Asana allows at most 30 dependencies
 * and dependents on a task).
 */
public final class TaskDependencies {
  private final EntityCalls calls;

  TaskDependencies(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_dependencies");
  }

  /**
   * One page of the tasks task {@code taskGid} depends on; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TaskCompact> list(String taskGid, Params params) {
    return calls.list(TaskCompact.class, params, "task_gid", taskGid);
  }

  /** The first page of the tasks task {@code taskGid} depends on, with no further parameters. */
  public Page<TaskCompact> list(String taskGid) {
    return list(taskGid, Params.none());
  }

  /** Every one of the tasks task {@code taskGid} depends on, lazily, in pages of 100. */
  public PagedIterable<TaskCompact> iterate(String taskGid) {
    return iterate(taskGid, Params.none());
  }

  /**
   * Every one of the tasks task {@code taskGid} depends on, lazily across pages; {@code limit} is the page
   * size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(String taskGid, Params params) {
    return calls.iterate(TaskCompact.class, params, "task_gid", taskGid);
  }

  /**
   * Marks task {@code taskGid} as depending on the tasks {@code dependencyGids}
   * ({@code task_dependencies create}).
   */
  public void add(String taskGid, List<String> dependencyGids) {
    calls.write(ActionKind.CREATE, Map.of(), "task_gid", taskGid, "dependencies", dependencyGids);
  }

  /** Removes these dependencies of task {@code taskGid} ({@code task_dependencies delete}). */
  public void remove(String taskGid, List<String> dependencyGids) {
    calls.write(ActionKind.DELETE, Map.of(), "task_gid", taskGid, "dependencies", dependencyGids);
  }
}
