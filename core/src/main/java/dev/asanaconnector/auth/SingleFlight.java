package dev.asanaconnector.auth;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a renewal once for all threads that ask for it at the same time: the first caller (the leader)
 * runs it on its own thread, the others wait for its result, each no longer than its own call lasts.
 * A leader that stops for a reason of its own (its thread interrupted, its call canceled or out of
 * time) fails alone: the threads that were waiting on it run the renewal again, one of them leading.
 * The lock is held only to look at and update state, never during the renewal itself.
 */
final class SingleFlight<T> {
  /** The renewal itself. */
  interface Work<T> {
    T run() throws IOException;
  }

  /** How a flight ends when its leader gave up for its own reasons: the waiters try again. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("the renewing thread stopped", null, false, false);
    }
  }

  private final Object lock = new Object();
  private CompletableFuture<T> running;

  /**
   * @param reuse asked under the lock before anything else: a non-null answer (say, another thread
   *     already renewed) is returned at once; it may throw to refuse
   * @param work the renewal, run by the first caller when none is running
   * @param publish stores the result, under the lock, before waiting callers are released and before
   *     another renewal can start
   * @param caller the calling thread's call: how long it may wait, and whether its failure is its own
   * @throws IOException the caller's call ended or its thread was interrupted while it waited or led;
   *     or the renewal's own failure, which every waiting caller gets
   */
  T run(Supplier<T> reuse, Work<T> work, Consumer<T> publish, RenewalBudget caller) throws IOException {
    while (true) {
      CompletableFuture<T> flight;
      boolean leader = false;
      synchronized (lock) {
        T ready = reuse.get();
        if (ready != null) {
          return ready;
        }
        if (running == null) {
          running = new CompletableFuture<>();
          leader = true;
        }
        flight = running;
      }
      if (leader) {
        return lead(flight, work, publish, caller);
      }
      try {
        // A waiter that gives up leaves the renewal running for the others.
        return caller.await(flight, () -> { });
      } catch (Abandoned again) {
        // The leader stopped on its own account: look again, and lead if nobody else does.
      }
    }
  }

  /** Whether a renewal is running now. */
  boolean inFlight() {
    synchronized (lock) {
      return running != null;
    }
  }

  private T lead(CompletableFuture<T> flight, Work<T> work, Consumer<T> publish, RenewalBudget caller)
      throws IOException {
    T result;
    try {
      result = work.run();
    } catch (Throwable failure) {
      synchronized (lock) {
        running = null;
      }
      // An interrupt or the end of the leader's call is no answer about the credentials: it would
      // fail every waiter with the leader's InterruptedIOException.
      boolean own = Thread.currentThread().isInterrupted() || caller.callEnded();
      flight.completeExceptionally(own ? new Abandoned() : failure);
      throw failure;
    }
    synchronized (lock) {
      publish.accept(result);
      running = null;
    }
    flight.complete(result);
    return result;
  }
}
