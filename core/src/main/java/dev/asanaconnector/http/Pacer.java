package dev.asanaconnector.http;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly at a rate per minute, allowing a small burst (a generic cell rate algorithm:
 * each request reserves the next slot). The interval is chosen so that no 60-second window holds more
 * than the rate, burst included, which keeps a busy client within a sliding-window limit such as
 * Asana's while using nearly all of it.
 */
final class Pacer {
  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final long intervalNanos;
  private final long burstToleranceNanos;
  private long nextSlotNanos;
  private boolean used;

  Pacer(int perMinute) {
    int burst = Math.max(1, Math.min(20, perMinute / 100));
    long slotsPerMinute = Math.max(1, perMinute - burst + 1);
    this.intervalNanos = (MINUTE_NANOS + slotsPerMinute - 1) / slotsPerMinute; // rounded up: never faster
    this.burstToleranceNanos = (burst - 1) * intervalNanos;
  }

  /** Reserves a slot for a request wanting to go at {@code nowNanos}; returns how long to wait for it. */
  synchronized long reserve(long nowNanos) {
    long slot = used && nextSlotNanos - nowNanos > 0 ? nextSlotNanos : nowNanos;
    used = true;
    nextSlotNanos = slot + intervalNanos;
    return Math.max(0, slot - burstToleranceNanos - nowNanos);
  }
}
