package dev.asanaconnector;

import java.io.Serializable;
import java.util.Optional;

/**
 * One entry of Asana's error body ({@code {"errors": [{"message", "help", "phrase"}]}}).
 *
 * @param message what went wrong, as Asana says it
 * @param help where to read more, when Asana says
 * @param phrase the phrase Asana support uses to find a 500 in its logs, when present
 */
public record AsanaError(String message, String help, String phrase) implements Serializable {
  /** {@link #help()}, when Asana sent one. */
  public Optional<String> helpText() {
    return Optional.ofNullable(help);
  }

  /** {@link #phrase()}, when Asana sent one (it identifies a 500 for Asana's support). */
  public Optional<String> phraseText() {
    return Optional.ofNullable(phrase);
  }
}
