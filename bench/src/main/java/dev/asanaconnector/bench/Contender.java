package dev.asanaconnector.bench;

/** The ways of reading Asana that the benchmarks compare, and the calibration. */
public enum Contender {
  /** A hand-written OkHttp + Moshi loop: the floor every figure is divided by. */
  RAW("raw OkHttp + Moshi"),
  /** A hand-written OkHttp + Gson loop reading {@code charStream()}: the HTTP stack apart from Moshi. */
  GSON("raw OkHttp + Gson"),
  /** This project's connector ({@code AsanaClient}), built with {@code RateLimits.unlimited()}. */
  CONNECTOR("connector"),
  /** Asana's official Java client 1.0.0 (Gson on google-http-client). */
  OFFICIAL("official client 1.0.0"),
  /**
   * Not a contender: a calibration. The raw loop's requests with the JSON left unparsed (the next
   * offset is found by a text search), so that the time the sandbox and loopback take is known.
   */
  WIRE("wire only: no JSON (calibration)");

  private final String label;

  Contender(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Opens a client of this kind against {@code target}. */
  public TaskReads open(Target target) {
    return switch (this) {
      case RAW -> new RawReads(target);
      case CONNECTOR -> new ConnectorReads(target, null);
      case OFFICIAL -> new OfficialReads(target);
      case GSON -> new GsonReads(target);
      case WIRE -> new WireReads(target);
    };
  }
}
