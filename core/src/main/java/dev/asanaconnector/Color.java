package dev.asanaconnector;

/**
 * The colors Asana offers for projects and tags (see {@link ProjectCreate}, {@link TagCreate}).
 */
public enum Color {
  /** Asana's dark-pink. */
  DARK_PINK("dark-pink"),
  /** Asana's dark-green. */
  DARK_GREEN("dark-green"),
  /** Asana's dark-blue. */
  DARK_BLUE("dark-blue"),
  /** Asana's dark-red. */
  DARK_RED("dark-red"),
  /** Asana's dark-teal. */
  DARK_TEAL("dark-teal"),
  /** Asana's dark-brown. */
  DARK_BROWN("dark-brown"),
  /** Asana's dark-orange. */
  DARK_ORANGE("dark-orange"),
  /** Asana's dark-purple. */
  DARK_PURPLE("dark-purple"),
  /** Asana's dark-warm-gray. */
  DARK_WARM_GRAY("dark-warm-gray"),
  /** Asana's light-pink. */
  LIGHT_PINK("light-pink"),
  /** Asana's light-green. */
  LIGHT_GREEN("light-green"),
  /** Asana's light-blue. */
  LIGHT_BLUE("light-blue"),
  /** Asana's light-red. */
  LIGHT_RED("light-red"),
  /** Asana's light-teal. */
  LIGHT_TEAL("light-teal"),
  /** Asana's light-brown. */
  LIGHT_BROWN("light-brown"),
  /** Asana's light-orange. */
  LIGHT_ORANGE("light-orange"),
  /** Asana's light-purple. */
  LIGHT_PURPLE("light-purple"),
  /** Asana's light-warm-gray. */
  LIGHT_WARM_GRAY("light-warm-gray");

  private final String asanaName;

  Color(String asanaName) {
    this.asanaName = asanaName;
  }

  /** The value as Asana's API spells it, e.g. {@code dark-pink}. */
  public String asanaName() {
    return asanaName;
  }
}
