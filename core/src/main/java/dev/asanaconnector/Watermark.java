package dev.asanaconnector;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a {@link WatermarkCrawl} stands: the time up to which every change has been returned, and the
 * records already returned near that time (gid and {@code modified_at}), which the next crawl re-reads
 * in its overlap and drops. Immutable; persist it with {@link #encode()} and restore it with
 * {@link #decode(String)}.
 */
public final class Watermark {
  private static final String VERSION = "v1";
  private static final Pattern GID = Pattern.compile("[0-9]{1,40}");
  private static final Watermark INITIAL = new Watermark(null, Set.of());

  private final Instant time;
  private final Set<String> seen;

  Watermark(Instant time, Set<String> seen) {
    this.time = time;
    this.seen = Collections.unmodifiableSet(new TreeSet<>(seen));
  }

  /** Never crawled: the first crawl reads every record of its scope. */
  public static Watermark initial() {
    return INITIAL;
  }

  /**
   * A watermark at {@code time} with no records remembered: the next crawl returns what changed from
   * {@code time} on (less the crawl's overlap). For a time kept elsewhere, e.g. when events took over from
   * crawls and a crawl must pick up from the last event's time.
   */
  public static Watermark at(Instant time) {
    return new Watermark(java.util.Objects.requireNonNull(time, "time"), Set.of());
  }

  /** The time up to which changes have been returned; empty before the first crawl. */
  public Optional<Instant> time() {
    return Optional.ofNullable(time);
  }

  /** How many records near the watermark are remembered as already returned. */
  public int rememberedRecords() {
    return seen.size();
  }

  /** The key of a record as returned: its gid and {@code modified_at}. */
  static String key(String gid, Instant modifiedAt) {
    return gid + "@" + modifiedAt;
  }

  boolean alreadyReturned(String key) {
    return seen.contains(key);
  }

  Set<String> keys() {
    return seen;
  }

  /** Instant of a key made by {@link #key}. */
  static Instant instantOf(String key) {
    return Instant.parse(key.substring(key.indexOf('@') + 1));
  }

  /** A compact text form, for a database column or a file: {@code v1;TIME;GID@MODIFIED_AT,...}. */
  public String encode() {
    return VERSION + ";" + (time == null ? "" : time) + ";" + String.join(",", seen);
  }

  /**
   * The watermark {@link #encode()} wrote.
   *
   * @throws IllegalArgumentException if {@code text} is not one
   */
  public static Watermark decode(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split(";", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new IllegalArgumentException("not an encoded watermark (expected v1;TIME;KEYS)");
    }
    try {
      Instant time = parts[1].isEmpty() ? null : Instant.parse(parts[1]);
      Set<String> seen = new TreeSet<>();
      for (String key : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
        int at = key.indexOf('@');
        if (at < 0 || !GID.matcher(key.substring(0, at)).matches()) {
          throw new IllegalArgumentException("not an encoded watermark: bad record key");
        }
        seen.add(key(key.substring(0, at), instantOf(key)));
      }
      return new Watermark(time, seen);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not an encoded watermark: bad time", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Watermark w && Objects.equals(time, w.time) && seen.equals(w.seen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, seen);
  }

  @Override
  public String toString() {
    return "Watermark[" + (time == null ? "initial" : time) + ", " + seen.size() + " records remembered]";
  }
}
