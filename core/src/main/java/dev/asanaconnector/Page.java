package dev.asanaconnector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list: its records and, when there are more, the pointer to the next page. Immutable.
 *
 * @param <T> the record type
 */
public final class Page<T> {
  private final List<T> data;
  private final NextPage nextPage;

  /**
   * @param data the records of this page (copied; no nulls)
   * @param nextPage where the next page starts, or {@code null} on the last page
   */
  public Page(List<T> data, NextPage nextPage) {
    this.data = List.copyOf(data);
    this.nextPage = nextPage;
  }

  /** The records of this page (immutable). */
  public List<T> data() {
    return data;
  }

  /** Where the next page starts; empty on the last page. */
  public Optional<NextPage> nextPage() {
    return Optional.ofNullable(nextPage);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextPage != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Page<?> page && data.equals(page.data) && Objects.equals(nextPage, page.nextPage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(data, nextPage);
  }

  @Override
  public String toString() {
    return "Page[" + data.size() + " records, nextPage=" + nextPage + "]";
  }
}
