package dev.asanaconnector;

import dev.asanaconnector.generated.model.ProjectCompact;

/**
 * The projects of a team.
 */
public final class TeamProjects {
  private final EntityCalls calls;

  TeamProjects(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "team_projects");
  }

  /**
   * One page of the projects of team {@code teamGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<ProjectCompact> list(String teamGid, Params params) {
    return calls.list(ProjectCompact.class, params, "team_gid", teamGid);
  }

  /** The first page of the projects of team {@code teamGid}, with no further parameters. */
  public Page<ProjectCompact> list(String teamGid) {
    return list(teamGid, Params.none());
  }

  /** Every one of the projects of team {@code teamGid}, lazily, in pages of 100. */
  public PagedIterable<ProjectCompact> iterate(String teamGid) {
    return iterate(teamGid, Params.none());
  }

  /**
   * Every one of the projects of team {@code teamGid}, lazily across pages; {@code limit} is the page size
   * (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<ProjectCompact> iterate(String teamGid, Params params) {
    return calls.iterate(ProjectCompact.class, params, "team_gid", teamGid);
  }
}
