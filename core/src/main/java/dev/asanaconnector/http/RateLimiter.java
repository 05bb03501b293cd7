package dev.asanaconnector.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * Keeps one client within {@link RateLimits}, across all the threads using it. Each attempt, in order:
 * <ol>
 *   <li>waits while a 429 from Asana has paused the client;
 *   <li>waits for its slot at the per-minute pace (and the search pace for {@code /tasks/search}), which
 *       spaces requests evenly rather than letting them go in bursts;
 *   <li>takes an in-flight permit (reads and writes counted apart), only after those waits; a pause that
 *       began meanwhile gives the permit back;
 *   <li>holding the permit, is admitted by the send logs ({@link SendWindow}): only if fewer requests than
 *       the limit (and, for a search, fewer searches than theirs) were sent in the last minute, counted
 *       on the times requests actually left. The slots cannot promise that: a request that waited for a
 *       permit leaves later than its slot, and requests that waited together leave together, on top of
 *       the slots of the minute they land in. A request the logs turn away gives its permit back, waits
 *       until the oldest send in the way is a minute old, and starts again from the permit (and the pause
 *       check). So no permit is held by a thread that sleeps. Requests that leave at their slots leave
 *       room for the next ones: the logs hold requests back only after some left late, and only until
 *       those have aged out of the window;
 *   <li>releases the permit when the response body has been read to its end or closed, or when the
 *       attempt fails: Asana counts a request as in flight until its response has been sent. On Asana's
 *       API the stack reads every body whole before the caller sees it ({@link ResponseBodies}), so a
 *       response its caller never closes holds no permit.
 * </ol>
 * A 429 with {@code Retry-After} pauses every thread until that time has passed, so that one 429 does
 * not become one per thread.
 */
final class RateLimiter implements Interceptor {
  /** Asana counts requests in any sliding 60 seconds. */
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
  /**
   * Asana counts requests when they arrive; the send logs count them when they leave. Arrival is
   * departure plus a latency that varies (a new connection's handshake, queues on the way), so two
   * requests sent a window apart may arrive a little less than a window apart. The logs therefore count
   * a window longer by this margin: 0.8% of the rate, far cheaper than a 429, which pauses every thread.
   * The pace uses the same window, so that evenly paced requests do not wait for the logs.
   */
  private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final Pacer pacer;
  private final Pacer searchPacer;
  private final SendWindow sends;
  private final SendWindow searchSends;
  private final Object sendLock = new Object();
  private final Semaphore reads;
  private final Semaphore writes;
  private final Logger log;
  private final Object pauseLock = new Object();
  private long pauseEndNanos;
  private boolean paused;

  RateLimiter(RateLimits limits, Logger log) {
    this(limits, log, WINDOW_NANOS, MARGIN_NANOS);
  }

  /**
   * With the per-minute rates of {@code limits} applied per {@code windowNanos} instead, and the logs'
   * window longer by {@code marginNanos}: for tests.
   */
  RateLimiter(RateLimits limits, Logger log, long windowNanos, long marginNanos) {
    int perWindow = limits.requestsPerMinute();
    int searchesPerWindow = limits.searchRequestsPerMinute();
    long guardedWindowNanos = windowNanos + marginNanos;
    this.pacer = perWindow > 0 ? new Pacer(perWindow, guardedWindowNanos) : null;
    this.searchPacer = searchesPerWindow > 0 ? new Pacer(searchesPerWindow, guardedWindowNanos) : null;
    this.sends = perWindow > 0 ? new SendWindow(perWindow, guardedWindowNanos) : null;
    this.searchSends = searchesPerWindow > 0 ? new SendWindow(searchesPerWindow, guardedWindowNanos) : null;
    this.reads = limits.maxReadsInFlight() > 0 ? new Semaphore(limits.maxReadsInFlight(), true) : null;
    this.writes = limits.maxWritesInFlight() > 0 ? new Semaphore(limits.maxWritesInFlight(), true) : null;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Call call = chain.call();
    boolean search = request.url().encodedPath().endsWith("/tasks/search");
    awaitTurn(search, call);
    Semaphore inFlight = isRead(request.method()) ? reads : writes;
    acquireAdmitted(inFlight, search, call);
    if (inFlight == null) {
      return proceed(chain, request);
    }
    Response response;
    try {
      response = proceed(chain, request);
    } catch (IOException | RuntimeException | Error e) {
      inFlight.release();
      throw e;
    }
    return response.body() == null ? releaseNow(response, inFlight)
        : response.newBuilder().body(new ReleasingOnCloseBody(response.body(), inFlight::release)).build();
  }

  /**
   * Takes a permit ({@code inFlight} null: none needed) and has the send logs admit the request; the
   * caller then holds the permit and must send at once. A full log gives the permit back and waits.
   */
  private void acquireAdmitted(Semaphore inFlight, boolean search, Call call) throws IOException {
    while (true) {
      acquireUnpaused(inFlight, call);
      long wait = admit(search);
      if (wait == 0) {
        return;
      }
      if (inFlight != null) {
        inFlight.release();
      }
      Waits.sleep(wait, call);
    }
  }

  /** Takes a permit; if a 429 paused the client while this thread waited for it, gives it back and waits. */
  private void acquireUnpaused(Semaphore inFlight, Call call) throws IOException {
    while (true) {
      if (inFlight != null) {
        Waits.acquire(inFlight, call);
      }
      if (pauseRemaining() == 0) {
        return;
      }
      if (inFlight != null) {
        inFlight.release();
      }
      awaitPause(call);
    }
  }

  /**
   * Records a send now in the logs that count this request and returns 0 if each of them has room;
   * otherwise records nothing and returns how long until they all have.
   */
  private long admit(boolean search) {
    SendWindow searchLog = search ? searchSends : null;
    if (sends == null && searchLog == null) {
      return 0;
    }
    synchronized (sendLock) {
      long now = System.nanoTime();
      long wait = Math.max(sends == null ? 0 : sends.waitNanos(now),
          searchLog == null ? 0 : searchLog.waitNanos(now));
      if (wait == 0) {
        if (sends != null) {
          sends.record(now);
        }
        if (searchLog != null) {
          searchLog.record(now);
        }
      }
      return wait;
    }
  }

  private Response proceed(Chain chain, Request request) throws IOException {
    Response response = chain.proceed(request);
    if (response.code() == 429) {
      pauseFor(RetryAfter.parse(response.header("Retry-After"), Instant.now()));
    }
    return response;
  }

  private static Response releaseNow(Response response, Semaphore inFlight) {
    inFlight.release();
    return response;
  }

  private void awaitTurn(boolean search, Call call) throws IOException {
    awaitPause(call);
    if (searchPacer != null && search) {
      Waits.sleep(searchPacer.reserve(System.nanoTime()), call);
    }
    if (pacer != null) {
      Waits.sleep(pacer.reserve(System.nanoTime()), call);
    }
  }

  private void awaitPause(Call call) throws IOException {
    for (long wait = pauseRemaining(); wait > 0; wait = pauseRemaining()) {
      Waits.sleep(wait, call);
    }
  }

  private long pauseRemaining() {
    synchronized (pauseLock) {
      return paused ? Math.max(0, pauseEndNanos - System.nanoTime()) : 0;
    }
  }

  private void pauseFor(Duration retryAfter) {
    if (retryAfter == null || retryAfter.isZero()) {
      return;
    }
    long end = System.nanoTime() + retryAfter.toNanos();
    synchronized (pauseLock) {
      if (paused && pauseEndNanos - end >= 0) {
        return;
      }
      paused = true;
      pauseEndNanos = end;
    }
    log.info("Asana's rate limit was reached (HTTP 429); pausing this client's requests for {} ms",
        retryAfter.toMillis());
  }

  /** Read permits free now (all of them when reads are not capped): for tests and diagnostics. */
  int availableReadPermits() {
    return reads == null ? Integer.MAX_VALUE : reads.availablePermits();
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}
