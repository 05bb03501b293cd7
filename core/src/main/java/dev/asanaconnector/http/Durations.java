package dev.asanaconnector.http;

import java.time.Duration;

/** Validation and conversion of the durations in the settings. */
final class Durations {
  private Durations() {
  }

  static Duration requireNonNegative(Duration value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /** Milliseconds for OkHttp's int-valued timeouts: 0 stays 0 (no timeout), anything else at least 1. */
  static int toTimeoutMillis(Duration value) {
    if (value.isZero()) {
      return 0;
    }
    long millis = Math.max(1, value.toMillis());
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }
}
