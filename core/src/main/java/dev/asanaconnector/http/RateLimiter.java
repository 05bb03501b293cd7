package dev.asanaconnector.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * Keeps one client within {@link RateLimits}, across all the threads using it. Each attempt, in order:
 * <ol>
 *   <li>waits while a 429 from Asana has paused the client;
 *   <li>waits for its slot at the per-minute pace (and the search pace for {@code /tasks/search});
 *   <li>takes an in-flight permit (reads and writes counted apart), only after those waits, so that no
 *       permit is held by a thread that sleeps; a pause that began meanwhile gives the permit back;
 *   <li>releases the permit when the response body has been read to its end or closed, or when the
 *       attempt fails: Asana counts a request as in flight until its response has been sent. On Asana's
 *       API the stack reads every body whole before the caller sees it ({@link ResponseBodies}), so a
 *       response its caller never closes holds no permit.
 * </ol>
 * A 429 with {@code Retry-After} pauses every thread until that time has passed, so that one 429 does
 * not become one per thread.
 */
final class RateLimiter implements Interceptor {
  private final Pacer pacer;
  private final Pacer searchPacer;
  private final Semaphore reads;
  private final Semaphore writes;
  private final Logger log;
  private final Object pauseLock = new Object();
  private long pauseEndNanos;
  private boolean paused;

  RateLimiter(RateLimits limits, Logger log) {
    this.pacer = limits.requestsPerMinute() > 0 ? new Pacer(limits.requestsPerMinute()) : null;
    this.searchPacer = limits.searchRequestsPerMinute() > 0 ? new Pacer(limits.searchRequestsPerMinute()) : null;
    this.reads = limits.maxReadsInFlight() > 0 ? new Semaphore(limits.maxReadsInFlight(), true) : null;
    this.writes = limits.maxWritesInFlight() > 0 ? new Semaphore(limits.maxWritesInFlight(), true) : null;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Call call = chain.call();
    awaitTurn(request, call);
    Semaphore inFlight = isRead(request.method()) ? reads : writes;
    if (inFlight == null) {
      return proceed(chain, request);
    }
    acquireUnpaused(inFlight, call);
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

  /** Takes a permit; if a 429 paused the client while this thread waited for it, gives it back and waits. */
  private void acquireUnpaused(Semaphore inFlight, Call call) throws IOException {
    while (true) {
      Waits.acquire(inFlight, call);
      if (pauseRemaining() == 0) {
        return;
      }
      inFlight.release();
      awaitPause(call);
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

  private void awaitTurn(Request request, Call call) throws IOException {
    awaitPause(call);
    if (searchPacer != null && request.url().encodedPath().endsWith("/tasks/search")) {
      Waits.sleep(searchPacer.reserve(System.nanoTime()), call);
    }
    if (pacer != null) {
      Waits.sleep(pacer.reserve(System.nanoTime()), call);
    }
    awaitPause(call); // a 429 may have arrived while this request waited for its slot
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
