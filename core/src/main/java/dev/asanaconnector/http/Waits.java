package dev.asanaconnector.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Waiting inside an interceptor: in short slices, so that a canceled call (including one whose call
 * timeout fired) stops waiting promptly, and interruptibly (the interrupt flag is restored and an
 * {@link InterruptedIOException} thrown).
 */
final class Waits {
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private Waits() {
  }

  static void sleep(long nanos, Call call) throws IOException {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      checkCanceled(call);
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, SLICE_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to send " + describe(call));
      }
    }
    checkCanceled(call);
  }

  static void acquire(Semaphore permits, Call call) throws IOException {
    try {
      while (!permits.tryAcquire(SLICE_NANOS, TimeUnit.NANOSECONDS)) {
        checkCanceled(call);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to send " + describe(call));
    }
  }

  private static void checkCanceled(Call call) throws IOException {
    if (call.isCanceled()) {
      throw new IOException("Canceled");
    }
  }

  private static String describe(Call call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }
}
