package dev.asanaconnector.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Response;
import okio.AsyncTimeout;

/**
 * Keeps Okio's timeout watchdog asleep while calls run. OkHttp enforces the call, read and write
 * timeouts with Okio's {@link AsyncTimeout}s, which one shared watchdog thread watches; each time a
 * timeout is entered that expires before every other one queued, the watchdog is woken to re-plan its
 * sleep. With one call at a time that is every call, every request write and every read: measured on
 * a 10,000-task listing, about four wake-ups of that thread per page, each a futex call on the calling
 * thread and a context switch, where {@code HttpURLConnection} has none.
 *
 * <p>This interceptor keeps one timeout of its own queued while calls are being made, expiring every
 * {@value #PERIOD_MILLIS} ms and queued again at once: the timeouts OkHttp enters (seconds long) then
 * expire after it, so entering them wakes nobody, and the watchdog wakes about once a second instead.
 * It changes no timeout: each is still enforced by the same watchdog, at the same moment; only the
 * needless wake-ups go. A timeout shorter than the period still wakes the watchdog, as before. Once no
 * call has started for {@value #IDLE_MILLIS} ms it is no longer queued, and the watchdog idles out as
 * it always does.
 */
final class QuietWatchdog implements Interceptor {
  static final long PERIOD_MILLIS = 1_000;
  static final long IDLE_MILLIS = 5_000;

  /** One for the JVM, like Okio's watchdog. */
  private static final Sentinel SENTINEL = new Sentinel();

  @Override
  public Response intercept(Chain chain) throws IOException {
    SENTINEL.callStarted();
    return chain.proceed(chain.request());
  }

  /** Whether the sentinel is queued now: for tests. */
  static boolean armed() {
    return SENTINEL.armed.get();
  }

  private static final class Sentinel extends AsyncTimeout {
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile long lastCallNanos;

    Sentinel() {
      timeout(PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void callStarted() {
      lastCallNanos = System.nanoTime();
      if (!armed.get() && armed.compareAndSet(false, true)) {
        enter();
      }
    }

    /** On the watchdog thread, when a period has passed: queued again while calls go on. */
    @Override
    protected void timedOut() {
      exit(); // from timed out back to idle, so that it can be entered again
      if (System.nanoTime() - lastCallNanos < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
        enter();
      } else {
        // A call starting meanwhile may find it still armed and not queue it: that call's timeouts then
        // wake the watchdog as they would without this class; the next call queues it again.
        armed.set(false);
      }
    }
  }
}
