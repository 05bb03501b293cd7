package dev.asanaconnector;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running {@link Events#poll}: one thread fetching a resource's events every interval and handing
 * them to the handler. {@link #close()} stops it after the call or batch in progress; the token to
 * resume from later is {@link #lastSyncToken()}: the one after the last batch the handler accepted.
 */
public final class EventPoller implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Events events;
  private final String resourceGid;
  private final Duration interval;
  private final Events.Handler handler;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicLong polls = new AtomicLong();
  private volatile String lastSyncToken;
  private volatile Exception failure;
  private volatile AsanaException lastTransientFailure;
  private volatile Thread thread;

  private EventPoller(Events events, String resourceGid, String syncToken, Duration interval, Events.Handler handler) {
    this.events = events;
    this.resourceGid = resourceGid;
    this.lastSyncToken = syncToken;
    this.interval = interval;
    this.handler = handler;
  }

  static EventPoller start(Events events, String resourceGid, String syncToken, Duration interval,
      Events.Handler handler) {
    EventPoller poller = new EventPoller(events, resourceGid, syncToken, interval, handler);
    Thread thread = new Thread(poller::run, "asana-events-" + resourceGid + "-" + THREADS.incrementAndGet());
    thread.setDaemon(true); // a forgotten poller must not keep the JVM alive
    poller.thread = thread;
    thread.start();
    return poller;
  }

  private void run() {
    try {
      while (stopRequested.getCount() > 0) {
        boolean more = false;
        try {
          polls.incrementAndGet();
          String token = lastSyncToken;
          if (token == null) {
            lastSyncToken = events.start(resourceGid);
          } else {
            EventBatch batch = events.fetch(resourceGid, token);
            if (!batch.events().isEmpty()) {
              handler.onEvents(batch);
            }
            lastSyncToken = batch.syncToken(); // only once the handler is done with the batch
            more = batch.hasMore();
          }
          lastTransientFailure = null;
        } catch (NetworkException | ServerErrorException | RateLimitedException e) {
          // Already retried by the client; the stream is still good, so try again at the next interval.
          lastTransientFailure = e;
        }
        if (!more) {
          stopRequested.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
    } finally {
      finished.countDown();
    }
  }

  /** The token to resume from: after the last batch handed over and processed, or of the last empty answer. */
  public String lastSyncToken() {
    return lastSyncToken;
  }

  /**
   * Why the poll ended by itself: a {@link SyncTokenExpiredException} (events were lost: read the
   * resource in full and poll again from its fresh token), another API error, or the handler's exception.
   */
  public Optional<Exception> failure() {
    return Optional.ofNullable(failure);
  }

  /** The last failure that the poll is riding out (network, 5xx, 429), cleared by the next success. */
  public Optional<AsanaException> lastTransientFailure() {
    return Optional.ofNullable(lastTransientFailure);
  }

  /** Calls made so far (the start, each fetch, failed ones included). */
  public long polls() {
    return polls.get();
  }

  /** Whether the poll is still running. */
  public boolean isRunning() {
    return finished.getCount() > 0;
  }

  /** Waits until the poll has ended (closed or failed); true if it did within {@code timeout}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the poll and waits for it: a call or batch in progress is completed first (a batch being
   * handled is handed over in full), so {@link #lastSyncToken()} is final once this returns. Called
   * from the handler itself, it only asks the poll to stop after that batch.
   */
  @Override
  public void close() {
    stopRequested.countDown();
    if (Thread.currentThread() == thread) {
      return; // the handler asked: waiting here for ourselves would never end
    }
    boolean interrupted = false;
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // keep waiting: the token must be final when close returns
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "EventPoller[resource " + resourceGid + ", every " + interval + (isRunning() ? ", running" : ", ended")
        + ", " + polls.get() + " polls]";
  }
}
