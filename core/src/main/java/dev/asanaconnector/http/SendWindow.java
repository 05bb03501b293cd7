package dev.asanaconnector.http;

/**
 * The times of the last {@code limit} requests actually sent (a ring of {@link System#nanoTime()}
 * values), to admit a request only while fewer than {@code limit} were sent in the last window: the
 * sliding-window guarantee, kept on the times requests leave rather than on the slots they reserved.
 * Not thread-safe: callers hold one lock around {@link #waitNanos} and {@link #record}, so that a
 * request counted by several windows is admitted by all of them at once.
 */
final class SendWindow {
  private final long[] sends;
  private final long windowNanos;
  private int oldest; // once full, the index of the oldest send; until then, the next free index
  private boolean full;

  SendWindow(int limit, long windowNanos) {
    if (limit < 1 || windowNanos < 1) {
      throw new IllegalArgumentException("limit " + limit + " per " + windowNanos + " ns");
    }
    this.sends = new long[limit];
    this.windowNanos = windowNanos;
  }

  /** How long until a request may be sent: 0 if fewer than the limit were sent in the window ending now. */
  long waitNanos(long nowNanos) {
    return full ? Math.max(0, sends[oldest] + windowNanos - nowNanos) : 0;
  }

  /** Counts a request sent at {@code nowNanos}; call only after {@link #waitNanos} returned 0. */
  void record(long nowNanos) {
    sends[oldest] = nowNanos;
    oldest = (oldest + 1) % sends.length;
    full |= oldest == 0;
  }
}
