package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;

/**
 * The tasks that carry a tag. Tags are put on and taken off tasks by {@link AsanaClient#taskTags()}.
 */
public final class TagTasks {
  private final EntityCalls calls;

  TagTasks(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "tag_tasks");
  }

  /**
   * One page of the tasks that carry tag {@code tagGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TaskCompact> list(String tagGid, Params params) {
    return calls.list(TaskCompact.class, params, "tag_gid", tagGid);
  }

  /** The first page of the tasks that carry tag {@code tagGid}, with no further parameters. */
  public Page<TaskCompact> list(String tagGid) {
    return list(tagGid, Params.none());
  }

  /** Every one of the tasks that carry tag {@code tagGid}, lazily, in pages of 100. */
  public PagedIterable<TaskCompact> iterate(String tagGid) {
    return iterate(tagGid, Params.none());
  }

  /**
   * Every one of the tasks that carry tag {@code tagGid}, lazily across pages; {@code limit} is the page
   * size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(String tagGid, Params params) {
    return calls.iterate(TaskCompact.class, params, "tag_gid", tagGid);
  }
}
