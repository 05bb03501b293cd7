package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Tasks: list them (by project, section, or assignee in a workspace), get one, create, update and delete.
 * Task lists hold compact records ({@link TaskCompact}); a get, a create and an update return the full
 * record ({@link TaskResponse}).
 *
 * <pre>{@code
 * TaskResponse task = asana.tasks().create(TaskCreate.builder().workspace(workspaceGid).name("Plan").build());
 * asana.tasks().update(task.getGid(), TaskUpdate.builder().clearDueOn().build());
 * asana.tasks().delete(task.getGid());
 * }</pre>
 */
public final class Tasks {
  private final EntityCalls calls;

  Tasks(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "tasks");
  }

  /**
   * One page of the tasks {@code params} select (a project, a section, or a workspace with an assignee);
   * pass its {@link NextPage#offset()} back with {@link Params.Builder#offset} for the next.
   */
  public Page<TaskCompact> list(Params params) {
    return calls.list(TaskCompact.class, params);
  }

  /**
   * Every one of the tasks {@code params} select (a project, a section, or a workspace with an assignee)
   * across pages, lazily; {@code limit} is the page size (100 unless set), {@code maxItems} the total cap.
   * Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(Params params) {
    return calls.iterate(TaskCompact.class, params);
  }

  /** The full record of the task {@code taskGid}. */
  public TaskResponse get(String taskGid) {
    return get(taskGid, Params.none());
  }

  /** The full record of the task {@code taskGid}; {@code params} may add {@code opt_fields} and headers. */
  public TaskResponse get(String taskGid, Params params) {
    return calls.get(TaskResponse.class, params, "task_gid", taskGid);
  }

  /**
   * Creates a task ({@code tasks create}) and returns it as Asana stored it. Its workspace and name are
   * required.
   *
   * @throws InvalidParameterException naming a missing or malformed field, before anything is sent
   */
  public TaskResponse create(TaskCreate task) {
    return calls.write(ActionKind.CREATE, TaskResponse.class, Objects.requireNonNull(task, "task").toParams());
  }

  /**
   * Changes the fields {@code changes} sets and clears those it clears, leaving the others unchanged
   * ({@code tasks update}); returns the updated task.
   *
   * @throws InvalidParameterException naming a malformed field, before anything is sent
   */
  public TaskResponse update(String taskGid, TaskUpdate changes) {
    return calls.write(ActionKind.UPDATE, TaskResponse.class, Objects.requireNonNull(changes, "changes").toParams(),
        "task_gid", taskGid);
  }

  /** Deletes a task ({@code tasks delete}): it goes to Asana's trash, recoverable there for 30 days. */
  public void delete(String taskGid) {
    calls.write(ActionKind.DELETE, Map.of(), "task_gid", taskGid);
  }
}
