package dev.asanaconnector.auth;

import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;

/**
 * What one call allows a token renewal it waits for: the attempts and backoff of its retry policy (its
 * {@link CallOptions}' or else the client's), a time budget counted from the renewal's start (the
 * policy's total time, cut to the call timeout), and an end when the call is canceled, which is also
 * what OkHttp does when the call timeout fires. Every wait is sliced so that it ends promptly then, and
 * is interruptible.
 */
final class RenewalBudget {
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Call call;
  private final RetryPolicy policy;
  private final int maxAttempts;
  private final long start = System.nanoTime();
  private final long budgetNanos;

  private RenewalBudget(Call call, RetryPolicy policy, int maxAttempts) {
    this.call = call;
    this.policy = policy;
    this.maxAttempts = maxAttempts;
    long budget = policy.maxTotalTime().toNanos();
    long callTimeout = call.timeout().timeoutNanos();
    this.budgetNanos = callTimeout > 0 ? Math.min(budget, callTimeout) : budget;
  }

  /** The budget of {@code call}: its own retry policy if its request carries one, else {@code clientPolicy}. */
  static RenewalBudget of(Call call, RetryPolicy clientPolicy) {
    RetryPolicy policy = CallOptions.of(call.request()).retryPolicy().orElse(clientPolicy);
    return new RenewalBudget(call, policy, policy.maxAttempts());
  }

  /** The same call, one attempt: for a renewal that is only ahead of time. */
  RenewalBudget singleAttempt() {
    return new RenewalBudget(call, policy, 1);
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /** Whether a wait of {@code nanos} from now still ends within the budget. */
  boolean allowsWait(long nanos) {
    return System.nanoTime() - start + nanos <= budgetNanos;
  }

  /** The call has ended: canceled, or out of time (OkHttp cancels a call when its timeout fires). */
  boolean callEnded() {
    return call.isCanceled();
  }

  /** The policy's backoff before attempt {@code failedAttempts + 1}, as the HTTP stack's retries wait. */
  long backoffNanos(int failedAttempts) {
    return policy.backoffNanos(failedAttempts);
  }

  /** The policy's backoff without jitter: how long to leave the token endpoint alone after a failure. */
  long pauseNanos(int failures) {
    return policy.exponentialNanos(failures);
  }

  /** Sleeps {@code nanos}, ending early (with an exception) if the call ends or the thread is interrupted. */
  void sleep(long nanos) throws IOException {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      throwIfEnded();
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, SLICE_NANOS));
      } catch (InterruptedException e) {
        throw interrupted("waiting to ask the OAuth token endpoint again");
      }
    }
    throwIfEnded();
  }

  /**
   * The result of {@code pending}, waited for as long as the call lasts. If the call ends or the thread
   * is interrupted first, runs {@code abandon} (to stop the work) and throws.
   */
  <T> T await(Future<T> pending, Runnable abandon) throws IOException {
    while (true) {
      try {
        return pending.get(SLICE_NANOS, TimeUnit.NANOSECONDS);
      } catch (TimeoutException notYet) {
        if (call.isCanceled()) {
          abandon.run();
          throwIfEnded();
        }
      } catch (InterruptedException e) {
        abandon.run();
        throw interrupted("waiting for the OAuth token endpoint");
      } catch (ExecutionException e) {
        throw rethrown(e.getCause());
      }
    }
  }

  private void throwIfEnded() throws IOException {
    if (call.isCanceled()) {
      // OkHttp's own word for it; OkHttp reports a call whose timeout fired as "timeout".
      throw new IOException("Canceled");
    }
  }

  /** Restores the interrupt flag (callers up the stack need to see it) and says what was interrupted. */
  static InterruptedIOException interrupted(String doing) {
    Thread.currentThread().interrupt();
    return new InterruptedIOException("interrupted while " + doing);
  }

  /** {@code failure} as thrown by the thread that ran the work: an I/O or unchecked exception as it is. */
  static IOException rethrown(Throwable failure) {
    if (failure instanceof IOException io) {
      return io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IOException("token renewal failed", failure);
  }
}
