package dev.asanaconnector;

import java.util.Map;

/**
 * The members of a workspace or organization: add a user. The members are listed by
 * {@link AsanaClient#workspaceUsers()}.
 */
public final class WorkspaceMemberships {
  private final EntityCalls calls;

  WorkspaceMemberships(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "workspace_memberships");
  }

  /**
   * Adds a user to a workspace ({@code workspace_memberships create}): by gid, {@code me}, or email
   * address (Asana invites an address it does not know).
   */
  public void add(String workspaceGid, String userGidOrEmail) {
    calls.write(ActionKind.CREATE, Map.of(), "workspace_gid", workspaceGid, "user", userGidOrEmail);
  }
}
