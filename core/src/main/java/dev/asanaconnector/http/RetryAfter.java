package dev.asanaconnector.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one reader of Asana's {@code Retry-After} header (delay seconds, or an HTTP date), used by the
 * retry loop, the rate limiter's pause and {@code RateLimitedException}. Negative, fractional or garbage
 * values are ignored (null); a delay too long to count in nanoseconds is capped there.
 */
public final class RetryAfter {
  /** Longer than any call budget: a larger delay is as good as this one, and still countable in nanos. */
  private static final Duration LONGEST = Duration.ofDays(365);

  private RetryAfter() {
  }

  /** How long {@code header} asks to wait from now, or null when it is absent or unreadable. */
  public static Duration parse(String header) {
    return parse(header, Instant.now());
  }

  /** How long to wait, or null when the header is absent or unreadable; a date in the past is zero. */
  static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        Duration delay = Duration.ofSeconds(Long.parseLong(value));
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
      } catch (NumberFormatException tooLarge) {
        return LONGEST;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      if (!at.isAfter(now)) {
        return Duration.ZERO;
      }
      Duration delay = Duration.between(now, at);
      return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
