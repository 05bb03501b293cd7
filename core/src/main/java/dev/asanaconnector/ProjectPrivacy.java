package dev.asanaconnector;

/**
 * Who can see a new project ({@code privacy_setting}).
 */
public enum ProjectPrivacy {
  /** Everyone in the workspace. */
  PUBLIC_TO_WORKSPACE("public_to_workspace"),
  /** The members of its team. */
  PRIVATE_TO_TEAM("private_to_team"),
  /** Only its members. */
  PRIVATE("private");

  private final String asanaName;

  ProjectPrivacy(String asanaName) {
    this.asanaName = asanaName;
  }

  /** The value as Asana's API spells it, e.g. {@code private_to_team}. */
  public String asanaName() {
    return asanaName;
  }
}
