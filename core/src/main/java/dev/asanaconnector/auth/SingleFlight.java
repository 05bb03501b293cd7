package dev.asanaconnector.auth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a renewal once for all threads that ask for it at the same time: the first caller runs it on its
 * own thread, the others wait for its result. The lock is held only to look at and update state, never
 * during the renewal itself.
 */
final class SingleFlight<T> {
  /** The renewal itself. */
  interface Work<T> {
    T run() throws IOException;
  }

  private final Object lock = new Object();
  private CompletableFuture<T> running;

  /**
   * @param reuse asked under the lock before anything else: a non-null answer (say, another thread
   *     already renewed) is returned at once; it may throw to refuse
   * @param work the renewal, run by the first caller when none is running
   * @param publish stores the result, under the lock, before waiting callers are released and before
   *     another renewal can start
   */
  T run(Supplier<T> reuse, Work<T> work, Consumer<T> publish) throws IOException {
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
    return leader ? lead(flight, work, publish) : follow(flight);
  }

  private T lead(CompletableFuture<T> flight, Work<T> work, Consumer<T> publish) throws IOException {
    T result;
    try {
      result = work.run();
    } catch (Throwable failure) {
      synchronized (lock) {
        running = null;
      }
      flight.completeExceptionally(failure);
      throw failure;
    }
    synchronized (lock) {
      publish.accept(result);
      running = null;
    }
    flight.complete(result);
    return result;
  }

  private T follow(CompletableFuture<T> flight) throws IOException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for another thread to renew the token");
    } catch (ExecutionException e) {
      // The renewing thread's own exception: the same failure applies to every waiting request.
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException("token renewal failed", cause);
    }
  }
}
