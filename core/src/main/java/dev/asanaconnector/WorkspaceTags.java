package dev.asanaconnector;

import dev.asanaconnector.generated.model.TagCompact;
import dev.asanaconnector.generated.model.TagResponse;
import java.util.Objects;

/**
 * The tags of a workspace: list them, create one.
 */
public final class WorkspaceTags {
  private final EntityCalls calls;

  WorkspaceTags(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "workspace_tags");
  }

  /**
   * One page of the tags of workspace {@code workspaceGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TagCompact> list(String workspaceGid, Params params) {
    return calls.list(TagCompact.class, params, "workspace_gid", workspaceGid);
  }

  /** The first page of the tags of workspace {@code workspaceGid}, with no further parameters. */
  public Page<TagCompact> list(String workspaceGid) {
    return list(workspaceGid, Params.none());
  }

  /** Every one of the tags of workspace {@code workspaceGid}, lazily, in pages of 100. */
  public PagedIterable<TagCompact> iterate(String workspaceGid) {
    return iterate(workspaceGid, Params.none());
  }

  /**
   * Every one of the tags of workspace {@code workspaceGid}, lazily across pages; {@code limit} is the
   * page size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any
   * request.
   */
  public PagedIterable<TagCompact> iterate(String workspaceGid, Params params) {
    return calls.iterate(TagCompact.class, params, "workspace_gid", workspaceGid);
  }

  /**
   * Creates a tag in a workspace ({@code workspace_tags create}) and returns it.
   *
   * @throws InvalidParameterException naming a missing or malformed field, before anything is sent
   */
  public TagResponse create(String workspaceGid, TagCreate tag) {
    return calls.write(ActionKind.CREATE, TagResponse.class, Objects.requireNonNull(tag, "tag").toParams(),
        "workspace_gid", workspaceGid);
  }
}
