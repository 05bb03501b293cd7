package dev.asanaconnector;

import java.util.Map;

/**
 * The tags on a task: put one on, take one off. The tasks carrying a tag are {@link AsanaClient#tagTasks()}.
 */
public final class TaskTags {
  private final EntityCalls calls;

  TaskTags(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_tags");
  }

  /** Puts tag {@code tagGid} on task {@code taskGid} ({@code task_tags create}). */
  public void add(String taskGid, String tagGid) {
    calls.write(ActionKind.CREATE, Map.of(), "task_gid", taskGid, "tag", tagGid);
  }

  /** Takes tag {@code tagGid} off task {@code taskGid} ({@code task_tags delete}); the tag itself stays. */
  public void remove(String taskGid, String tagGid) {
    calls.write(ActionKind.DELETE, Map.of(), "task_gid", taskGid, "tag", tagGid);
  }
}
