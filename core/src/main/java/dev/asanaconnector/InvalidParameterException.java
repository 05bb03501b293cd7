package dev.asanaconnector;

/**
 * A parameter the caller passed is missing, unknown, malformed or out of range. Thrown before any
 * request is sent; {@link #parameter()} names the parameter.
 */
public class InvalidParameterException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /** {@code parameter} is the name as the caller gave it; {@code problem} says what is wrong with it. */
  public InvalidParameterException(String parameter, String problem) {
    super(parameter + ": " + problem);
    this.parameter = parameter;
  }

  /** The parameter's name, as the caller gave it (seed names for {@code execute}). */
  public String parameter() {
    return parameter;
  }
}
