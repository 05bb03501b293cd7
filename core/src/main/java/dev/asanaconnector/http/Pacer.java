package dev.asanaconnector.http;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly at a rate per window (a minute in production), allowing a small burst (a
 * generic cell rate algorithm: each request reserves the next slot). The interval is chosen so that no
 * window holds more slots than the rate, burst included, which spreads a busy client's requests over a
 * sliding-window limit such as Asana's while using nearly all of it. Slots are reserved before a request
 * is sent, and a request may leave later than its slot (it may wait for an in-flight permit), so the
 * slots alone do not bound the actual send times: {@link SendWindow} does.
 */
final class Pacer {
  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final long intervalNanos;
  private final long burstToleranceNanos;
  private long nextSlotNanos;
  private boolean used;

  Pacer(int perMinute) {
    this(perMinute, MINUTE_NANOS);
  }

  /** {@code perWindow} slots in any {@code windowNanos}: a minute in production, shorter in tests. */
  Pacer(int perWindow, long windowNanos) {
    int burst = Math.max(1, Math.min(20, perWindow / 100));
    long slotsPerWindow = Math.max(1, perWindow - burst + 1);
    this.intervalNanos = (windowNanos + slotsPerWindow - 1) / slotsPerWindow; // rounded up: never faster
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
