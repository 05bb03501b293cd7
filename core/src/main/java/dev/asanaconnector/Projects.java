package dev.asanaconnector;

import dev.asanaconnector.generated.model.ProjectCompact;
import dev.asanaconnector.generated.model.ProjectResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Projects: list them (by workspace or team), get one, create, update and delete.
 */
public final class Projects {
  private final EntityCalls calls;

  Projects(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "projects");
  }

  /**
   * One page of the projects {@code params} select; pass its {@link NextPage#offset()} back with
   * {@link Params.Builder#offset} for the next.
   */
  public Page<ProjectCompact> list(Params params) {
    return calls.list(ProjectCompact.class, params);
  }

  /**
   * Every one of the projects {@code params} select across pages, lazily; {@code limit} is the page size
   * (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<ProjectCompact> iterate(Params params) {
    return calls.iterate(ProjectCompact.class, params);
  }

  /** The full record of the project {@code projectGid}. */
  public ProjectResponse get(String projectGid) {
    return get(projectGid, Params.none());
  }

  /**
   * The full record of the project {@code projectGid}; {@code params} may add {@code opt_fields} and
   * headers.
   */
  public ProjectResponse get(String projectGid, Params params) {
    return calls.get(ProjectResponse.class, params, "project_gid", projectGid);
  }

  /**
   * Creates a project ({@code projects create}) and returns it. Its workspace and name are required, and
   * in an organization its team.
   *
   * @throws InvalidParameterException naming a missing or malformed field, before anything is sent
   */
  public ProjectResponse create(ProjectCreate project) {
    return calls.write(ActionKind.CREATE, ProjectResponse.class,
        Objects.requireNonNull(project, "project").toParams());
  }

  /**
   * Changes the fields {@code changes} sets and clears those it clears, leaving the others unchanged
   * ({@code projects update}); returns the updated project.
   *
   * @throws InvalidParameterException naming a malformed field, before anything is sent
   */
  public ProjectResponse update(String projectGid, ProjectUpdate changes) {
    return calls.write(ActionKind.UPDATE, ProjectResponse.class,
        Objects.requireNonNull(changes, "changes").toParams(), "project_gid", projectGid);
  }

  /** Deletes a project ({@code projects delete}); its tasks that are in no other project go with it. */
  public void delete(String projectGid) {
    calls.write(ActionKind.DELETE, Map.of(), "project_gid", projectGid);
  }
}
