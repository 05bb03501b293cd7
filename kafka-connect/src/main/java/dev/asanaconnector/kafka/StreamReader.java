package dev.asanaconnector.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads one source partition ({@code {tenant, resource, stream}}): each {@link #poll} does one step (a
 * page of a snapshot, one batch of events, one listing) and returns its records, each carrying the
 * offset from which a restart repeats nothing before it.
 */
interface StreamReader {
  /** The partition's key in Connect's offset storage: {@code {tenant, resource, stream}}. */
  Map<String, String> partition();

  /** One step's records (possibly none); {@code now} decides whether a step is due. */
  List<SourceRecord> poll(Instant now);

  /** When the next step is due; a time in the past means at once. */
  Instant nextDue();

  /** Puts the next step off until {@code until} (after a failure that a later try may not meet). */
  void backOff(Instant until);

  /** The source partition of {@code stream} of {@code resource} for {@code tenant}. */
  static Map<String, String> partition(String tenant, String resource, AsanaStream stream) {
    return Map.of("tenant", tenant, "resource", resource, "stream", stream.configName());
  }
}
