package dev.asanaconnector;

/**
 * The kind of a new task ({@code resource_subtype}).
 */
public enum TaskSubtype {
  /** An ordinary task. */
  DEFAULT_TASK("default_task"),
  /** A milestone: a point in time rather than work. */
  MILESTONE("milestone"),
  /** An approval: a request for someone to approve, reject or ask for changes. */
  APPROVAL("approval");

  private final String asanaName;

  TaskSubtype(String asanaName) {
    this.asanaName = asanaName;
  }

  /** The value as Asana's API spells it, e.g. {@code milestone}. */
  public String asanaName() {
    return asanaName;
  }
}
