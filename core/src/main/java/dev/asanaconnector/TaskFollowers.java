package dev.asanaconnector;

import java.util.List;
import java.util.Map;

/**
 * The followers of a task: add and remove users, who are notified of the task's changes.
 */
public final class TaskFollowers {
  private final EntityCalls calls;

  TaskFollowers(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_followers");
  }

  /** Adds the users {@code userGids} as followers of task {@code taskGid} ({@code task_followers create}). */
  public void add(String taskGid, List<String> userGids) {
    calls.write(ActionKind.CREATE, Map.of(), "task_gid", taskGid, "followers", userGids);
  }

  /**
   * Removes the users {@code userGids} from the followers of task {@code taskGid}
   * ({@code task_followers delete}).
   */
  public void remove(String taskGid, List<String> userGids) {
    calls.write(ActionKind.DELETE, Map.of(), "task_gid", taskGid, "followers", userGids);
  }
}
