package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import java.util.Objects;

/**
 * The subtasks of a task: list them, create one.
 */
public final class TaskSubtasks {
  private final EntityCalls calls;

  TaskSubtasks(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_subtasks");
  }

  /**
   * One page of the subtasks of task {@code taskGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TaskCompact> list(String taskGid, Params params) {
    return calls.list(TaskCompact.class, params, "task_gid", taskGid);
  }

  /** The first page of the subtasks of task {@code taskGid}, with no further parameters. */
  public Page<TaskCompact> list(String taskGid) {
    return list(taskGid, Params.none());
  }

  /** Every one of the subtasks of task {@code taskGid}, lazily, in pages of 100. */
  public PagedIterable<TaskCompact> iterate(String taskGid) {
    return iterate(taskGid, Params.none());
  }

  /**
   * Every one of the subtasks of task {@code taskGid}, lazily across pages; {@code limit} is the page size
   * (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(String taskGid, Params params) {
    return calls.iterate(TaskCompact.class, params, "task_gid", taskGid);
  }

  /**
   * Creates a subtask of {@code taskGid} ({@code task_subtasks create}) and returns it. Its name is
   * required; the workspace is the parent's, so {@code subtask} must not set one.
   *
   * @throws InvalidParameterException naming a missing, malformed or unexpected field, before anything is
   *     sent
   */
  public TaskResponse create(String taskGid, TaskCreate subtask) {
    return calls.write(ActionKind.CREATE, TaskResponse.class, Objects.requireNonNull(subtask, "subtask").toParams(),
        "task_gid", taskGid);
  }
}
