package dev.asanaconnector;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list: its records and, when there are more, the pointer to the next page.
 *
 * @param <T> the record type
 * @param data the records of this page (immutable)
 * @param nextPage where the next page starts, or {@code null} on the last page
 */
public record Page<T>(List<T> data, NextPage nextPage) {
  public Page {
    data = List.copyOf(data);
  }

  /** The pointer to the next page, empty on the last page. */
  public Optional<NextPage> next() {
    return Optional.ofNullable(nextPage);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextPage != null;
  }
}
