package dev.asanaconnector;

import dev.asanaconnector.generated.model.TeamResponse;

/**
 * Teams: get one. The teams of a workspace or a user are {@link AsanaClient#workspaceTeams()} and
 * {@link AsanaClient#userTeams()}.
 */
public final class Teams {
  private final EntityCalls calls;

  Teams(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "teams");
  }

  /** The full record of the team {@code teamGid}. */
  public TeamResponse get(String teamGid) {
    return get(teamGid, Params.none());
  }

  /** The full record of the team {@code teamGid}; {@code params} may add {@code opt_fields} and headers. */
  public TeamResponse get(String teamGid, Params params) {
    return calls.get(TeamResponse.class, params, "team_gid", teamGid);
  }
}
