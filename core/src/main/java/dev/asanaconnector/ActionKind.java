package dev.asanaconnector;

/**
 * What an action does: the seed's reads ({@code list}, {@code get}, {@code download}) and the writes
 * ({@code create}, {@code update}, {@code delete}; adding to and removing from a relation, such as a
 * tag on a task, are its {@code create} and {@code delete}).
 */
enum ActionKind {
  LIST("list"), GET("get"), DOWNLOAD("download"), CREATE("create"), UPDATE("update"), DELETE("delete");

  private final String seedName;

  ActionKind(String seedName) {
    this.seedName = seedName;
  }

  String seedName() {
    return seedName;
  }

  /** Whether the action changes something in Asana. */
  boolean isWrite() {
    return this == CREATE || this == UPDATE || this == DELETE;
  }
}
