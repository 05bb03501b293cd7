package dev.asanaconnector;

/** What an action does: the seed's {@code list}, {@code get} and {@code download}. */
enum ActionKind {
  LIST("list"), GET("get"), DOWNLOAD("download");

  private final String seedName;

  ActionKind(String seedName) {
    this.seedName = seedName;
  }

  String seedName() {
    return seedName;
  }
}
