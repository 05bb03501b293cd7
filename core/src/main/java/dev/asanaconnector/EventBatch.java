package dev.asanaconnector;

import java.util.List;

/**
 * Events of one resource and the sync token that follows them. Process the events first, then persist
 * {@link #syncToken()}: after a crash before the token was stored, the same events come again (at least
 * once for the application). Asana itself delivers events at most once: it may drop some, and says so
 * only for an expired token ({@link SyncTokenExpiredException}).
 *
 * @param events the events, oldest first (unmodifiable); empty when nothing happened
 * @param syncToken where the next call continues from
 * @param hasMore whether Asana holds more events after these ({@link Events#page} answers one page of at
 *     most 100; {@link Events#fetch} drains them and returns false unless it stopped at its cap)
 */
public record EventBatch(List<AsanaEvent> events, String syncToken, boolean hasMore) {
  /** Copies {@code events}; a null token is refused, as every answer of Asana's carries one. */
  public EventBatch {
    events = List.copyOf(events);
    if (syncToken == null) {
      throw new IllegalArgumentException("syncToken must not be null");
    }
  }

  /** Counts the events rather than listing them. */
  @Override
  public String toString() {
    return "EventBatch[" + events.size() + " events, hasMore=" + hasMore + "]";
  }
}
