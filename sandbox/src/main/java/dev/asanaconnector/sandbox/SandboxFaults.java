package dev.asanaconnector.sandbox;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Switchable faults and limits, for reliability tests and benchmarks. Thread-safe; every switch takes
 * effect for the next request. Each method takes the servers it applies to as trailing {@link Target}s;
 * with none it applies to {@link Target#API} only. Counted faults ("the next N requests") share one
 * count across the targets named. All methods return {@code this} for chaining.
 *
 * <p>Checks run in this order for each request: concurrency limit, requests-per-minute limit, injected
 * 429s, injected server errors, then the slow-down delay, the real handling, and a connection cut.
 * Authentication is checked after the faults (like a load balancer in front of the API).
 */
public final class SandboxFaults {

  /** Which server a fault applies to. */
  public enum Target {
    /** The API server: everything under /api/1.0 and the OAuth token endpoint. */
    API,
    /** The attachment download host (download_url). */
    DOWNLOAD
  }

  /** What a request gets instead of its real answer. */
  record Injected(int status, long retryAfterSeconds, boolean limitViolation) {}

  private record Armed(EnumSet<Target> targets, AtomicInteger remaining, long param) {
    boolean take(Target t) {
      if (!targets.contains(t)) {
        return false;
      }
      while (true) {
        int n = remaining.get();
        if (n <= 0) {
          return false;
        }
        if (remaining.compareAndSet(n, n - 1)) {
          return true;
        }
      }
    }
  }

  /** Sliding one-minute window over the timestamps of the last {@code limit} admitted requests. */
  private static final class Window {
    private final long[] ring;
    private int head;

    Window(int limit) {
      ring = new long[limit];
      java.util.Arrays.fill(ring, Long.MIN_VALUE / 2);
    }

    /** 0 when admitted, else the seconds until a slot frees up. */
    synchronized long admit(long nowNanos) {
      long oldest = ring[head];
      long wait = oldest + 60_000_000_000L - nowNanos;
      if (wait > 0) {
        return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
      }
      ring[head] = nowNanos;
      head = (head + 1) % ring.length;
      return 0;
    }
  }

  private static final int TARGETS = Target.values().length;

  private final Tokens tokens;
  private final AtomicReference<Armed> rateLimit429 = new AtomicReference<>();
  private final AtomicReference<Armed> serverErrors = new AtomicReference<>();
  private final AtomicReference<Armed> cuts = new AtomicReference<>();
  private final AtomicReferenceArray<Window> windows = new AtomicReferenceArray<>(TARGETS);
  private final AtomicIntegerArray maxConcurrent = new AtomicIntegerArray(TARGETS);
  private final AtomicLongArray delayNanos = new AtomicLongArray(TARGETS);
  private final AtomicInteger[] inFlight = new AtomicInteger[TARGETS];
  private final AtomicInteger[] peak = new AtomicInteger[TARGETS];
  private final AtomicInteger rejections = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();

  SandboxFaults(Tokens tokens) {
    this.tokens = tokens;
    for (int i = 0; i < TARGETS; i++) {
      inFlight[i] = new AtomicInteger();
      peak[i] = new AtomicInteger();
    }
  }

  private static EnumSet<Target> targets(Target... targets) {
    if (targets == null || targets.length == 0) {
      return EnumSet.of(Target.API);
    }
    EnumSet<Target> set = EnumSet.noneOf(Target.class);
    for (Target t : targets) {
      set.add(Objects.requireNonNull(t));
    }
    return set;
  }

  private static long seconds(Duration d) {
    long ms = d.toMillis();
    return Math.max(0, (ms + 999) / 1000);
  }

  /**
   * The next {@code count} requests get 429 Too Many Requests with {@code Retry-After} set to
   * {@code retryAfter} in whole seconds (rounded up; zero allowed for fast tests).
   */
  public SandboxFaults rateLimit429(int count, Duration retryAfter, Target... targets) {
    rateLimit429.set(new Armed(targets(targets), new AtomicInteger(count), seconds(retryAfter)));
    return this;
  }

  /** The next {@code count} requests get {@code status} (500, 502, 503 or 504) with an Asana-shaped body. */
  public SandboxFaults serverErrors(int count, int status, Target... targets) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 5xx: " + status);
    }
    serverErrors.set(new Armed(targets(targets), new AtomicInteger(count), status));
    return this;
  }

  /**
   * The next {@code count} responses are cut mid-body: half the body is sent (at most 1 MiB), then the
   * connection is closed. On the download host, resume with a Range request from the bytes received.
   */
  public SandboxFaults cutConnections(int count, Target... targets) {
    return cutConnectionsAfter(count, -1, targets);
  }

  /** Like {@link #cutConnections} but cut after exactly {@code bytes} body bytes (or half the body when negative). */
  public SandboxFaults cutConnectionsAfter(int count, long bytes, Target... targets) {
    cuts.set(new Armed(targets(targets), new AtomicInteger(count), bytes));
    return this;
  }

  /** Enforces at most {@code limit} requests in any sliding 60-second window (429 beyond it); 0 switches it off. */
  public SandboxFaults requestsPerMinute(int limit, Target... targets) {
    for (Target t : targets(targets)) {
      windows.set(t.ordinal(), limit > 0 ? new Window(limit) : null);
    }
    return this;
  }

  /** Allows at most {@code max} requests in flight at once (429 beyond it); 0 switches it off. */
  public SandboxFaults maxConcurrentRequests(int max, Target... targets) {
    for (Target t : targets(targets)) {
      maxConcurrent.set(t.ordinal(), Math.max(0, max));
    }
    return this;
  }

  /** Delays every response by {@code delay} before it is produced (the request counts as in flight meanwhile). */
  public SandboxFaults slowResponses(Duration delay, Target... targets) {
    for (Target t : targets(targets)) {
      delayNanos.set(t.ordinal(), Math.max(0, delay.toNanos()));
    }
    return this;
  }

  /** How long a pagination offset stays valid after it was issued. */
  public SandboxFaults offsetTtl(Duration ttl) {
    tokens.offsetTtl(ttl);
    return this;
  }

  /** Expires every offset issued so far (using one then gives 400 "offset: Your pagination token has expired."). */
  public SandboxFaults expireOffsetsNow() {
    tokens.expireOffsets();
    return this;
  }

  /** How long a download_url stays valid after it was rendered. */
  public SandboxFaults downloadUrlTtl(Duration ttl) {
    tokens.downloadTtl(ttl);
    return this;
  }

  /** Expires every download_url handed out so far (the download host then answers 403 AccessDenied). */
  public SandboxFaults expireDownloadUrlsNow() {
    tokens.expireDownloads();
    return this;
  }

  /** Switches every fault and limit off and restores the configured TTLs. Counters are kept. */
  public SandboxFaults clear() {
    rateLimit429.set(null);
    serverErrors.set(null);
    cuts.set(null);
    for (int i = 0; i < TARGETS; i++) {
      windows.set(i, null);
    }
    for (int i = 0; i < TARGETS; i++) {
      maxConcurrent.set(i, 0);
      delayNanos.set(i, 0);
    }
    tokens.reset();
    return this;
  }

  /** Requests refused with 429 for exceeding {@link #requestsPerMinute} or {@link #maxConcurrentRequests}. */
  public int rateLimitRejections() {
    return rejections.get();
  }

  /** Responses replaced or cut by the counted faults ({@link #rateLimit429}, {@link #serverErrors}, cuts). */
  public int injectedFaults() {
    return injected.get();
  }

  /** The most requests that were in flight at once on a server since it started. */
  public int peakConcurrentRequests(Target target) {
    return peak[target.ordinal()].get();
  }

  // ---- used by the servers ----

  /**
   * Admits a request or says what to answer instead. When it returns null the request holds an
   * in-flight slot that the caller must give back with {@link #release}.
   */
  Injected admit(Target t) {
    int i = t.ordinal();
    int now = inFlight[i].incrementAndGet();
    int max = maxConcurrent.get(i);
    if (max > 0 && now > max) {
      inFlight[i].decrementAndGet();
      rejections.incrementAndGet();
      return new Injected(429, 1, true);
    }
    peak[i].accumulateAndGet(now, Math::max);
    Window w = windows.get(i);
    if (w != null) {
      long wait = w.admit(System.nanoTime());
      if (wait > 0) {
        inFlight[i].decrementAndGet();
        rejections.incrementAndGet();
        return new Injected(429, wait, true);
      }
    }
    Armed a = rateLimit429.get();
    if (a != null && a.take(t)) {
      inFlight[i].decrementAndGet();
      injected.incrementAndGet();
      return new Injected(429, a.param(), false);
    }
    a = serverErrors.get();
    if (a != null && a.take(t)) {
      inFlight[i].decrementAndGet();
      injected.incrementAndGet();
      return new Injected((int) a.param(), 0, false);
    }
    return null;
  }

  void release(Target t) {
    inFlight[t.ordinal()].decrementAndGet();
  }

  void delay(Target t) throws InterruptedException {
    long nanos = delayNanos.get(t.ordinal());
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  /** -1 to send the whole body, else the number of body bytes to send before cutting the connection. */
  long cutAfter(Target t, long length) {
    Armed a = cuts.get();
    if (a == null || length <= 0 || !a.take(t)) {
      return -1;
    }
    injected.incrementAndGet();
    long bytes = a.param() >= 0 ? a.param() : Math.min(length / 2, 1L << 20);
    return Math.min(bytes, length - 1);
  }
}
