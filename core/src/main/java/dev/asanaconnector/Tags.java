package dev.asanaconnector;

import dev.asanaconnector.generated.model.TagResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Tags: get one, update and delete. A workspace's tags are listed and created by
 * {@link AsanaClient#workspaceTags()}; a task's tags are added and removed by
 * {@link AsanaClient#taskTags()}.
 */
public final class Tags {
  private final EntityCalls calls;

  Tags(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "tags");
  }

  /** The full record of the tag {@code tagGid}. */
  public TagResponse get(String tagGid) {
    return get(tagGid, Params.none());
  }

  /** The full record of the tag {@code tagGid}; {@code params} may add {@code opt_fields} and headers. */
  public TagResponse get(String tagGid, Params params) {
    return calls.get(TagResponse.class, params, "tag_gid", tagGid);
  }

  /**
   * Changes the fields {@code changes} sets and clears the color if it clears it ({@code tags update});
   * returns the updated tag.
   *
   * @throws InvalidParameterException naming a malformed field, before anything is sent
   */
  public TagResponse update(String tagGid, TagUpdate changes) {
    return calls.write(ActionKind.UPDATE, TagResponse.class, Objects.requireNonNull(changes, "changes").toParams(),
        "tag_gid", tagGid);
  }

  /** Deletes a tag ({@code tags delete}); the tasks that carried it stay. */
  public void delete(String tagGid) {
    calls.write(ActionKind.DELETE, Map.of(), "tag_gid", tagGid);
  }
}
