package dev.asanaconnector;

/**
 * The view a project opens in ({@code default_view}).
 */
public enum ProjectView {
  /** A list of tasks. */
  LIST("list"),
  /** Columns of cards, one per section. */
  BOARD("board"),
  /** Tasks on a calendar by due date. */
  CALENDAR("calendar"),
  /** Tasks on a timeline (Gantt chart). */
  TIMELINE("timeline");

  private final String asanaName;

  ProjectView(String asanaName) {
    this.asanaName = asanaName;
  }

  /** The value as Asana's API spells it, e.g. {@code board}. */
  public String asanaName() {
    return asanaName;
  }
}
