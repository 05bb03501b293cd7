package dev.asanaconnector;

import java.util.Objects;

/**
 * Asana's pointer to the next page of a list: pass {@link #offset()} back as the {@code offset}
 * parameter to fetch it.
 *
 * @param offset the opaque token for the next page
 * @param path the API path of the next page
 * @param uri the full URI of the next page
 */
public record NextPage(String offset, String path, String uri) {
  /** Checks that the offset is present: a next page without one cannot be fetched. */
  public NextPage {
    Objects.requireNonNull(offset, "offset");
  }
}
