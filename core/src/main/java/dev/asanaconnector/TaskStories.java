package dev.asanaconnector;

import dev.asanaconnector.generated.model.StoryCompact;
import dev.asanaconnector.generated.model.StoryResponse;
import java.util.Objects;

/**
 * The stories of a task: its comments and its history (who changed what, when). List them, comment.
 *
 * <pre>{@code
 * asana.taskStories().create(taskGid, StoryCreate.builder().text("Looks good").build());
 * }</pre>
 */
public final class TaskStories {
  private final EntityCalls calls;

  TaskStories(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_stories");
  }

  /**
   * One page of the stories of task {@code taskGid}; {@code params} may set {@code limit}, {@code offset},
   * {@code opt_fields}...
   */
  public Page<StoryCompact> list(String taskGid, Params params) {
    return calls.list(StoryCompact.class, params, "task_gid", taskGid);
  }

  /** The first page of the stories of task {@code taskGid}, with no further parameters. */
  public Page<StoryCompact> list(String taskGid) {
    return list(taskGid, Params.none());
  }

  /** Every one of the stories of task {@code taskGid}, lazily, in pages of 100. */
  public PagedIterable<StoryCompact> iterate(String taskGid) {
    return iterate(taskGid, Params.none());
  }

  /**
   * Every one of the stories of task {@code taskGid}, lazily across pages; {@code limit} is the page size
   * (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<StoryCompact> iterate(String taskGid, Params params) {
    return calls.iterate(StoryCompact.class, params, "task_gid", taskGid);
  }

  /**
   * Comments on a task ({@code task_stories create}) and returns the new story.
   *
   * @throws InvalidParameterException if the comment has neither or both of text and html text, before
   *     anything is sent
   */
  public StoryResponse create(String taskGid, StoryCreate comment) {
    return calls.write(ActionKind.CREATE, StoryResponse.class, Objects.requireNonNull(comment, "comment").toParams(),
        "task_gid", taskGid);
  }
}
