package dev.asanaconnector.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a request again. Immutable.
 *
 * <p>What is retried:
 * <ul>
 *   <li>HTTP 429, for every method: after exactly {@code Retry-After} (seconds or an HTTP date) when
 *       Asana sends it, otherwise after the backoff delay. If {@code Retry-After} goes beyond the
 *       remaining time budget, the 429 is returned at once.
 *   <li>GET and HEAD only: HTTP 500, 502, 503 and 504, timeouts and other I/O failures.
 *   <li>POST, PUT, PATCH and DELETE only when Asana certainly did not see the request: a refused
 *       connection, an unknown host or no route to it. Never after the request may have been sent.
 * </ul>
 * Retries stop after {@link #maxAttempts()} attempts or when the next wait would end after
 * {@link #maxTotalTime()} (counted from the first attempt, and never beyond the call's timeout); the
 * last response or exception is then the result. Backoff is exponential from {@link #baseDelay()},
 * capped at {@link #maxDelay()}, with full jitter (a uniformly random wait up to that) unless turned off.
 * A request body that can only be sent once ({@link okhttp3.RequestBody#isOneShot()}) is never resent.
 *
 * <p>Retries end when the response headers arrive: a connection cut while the caller reads the body
 * happens after the call has returned and is the caller's to handle (resume or re-request).
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration maxTotalTime;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final boolean jitter;

  private RetryPolicy(Builder builder) {
    if (builder.baseDelay.compareTo(builder.maxDelay) > 0) {
      throw new IllegalArgumentException("baseDelay must not exceed maxDelay");
    }
    this.maxAttempts = builder.maxAttempts;
    this.maxTotalTime = builder.maxTotalTime;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
    this.jitter = builder.jitter;
  }

  /** 5 attempts within 2 minutes, backoff from 500 ms up to 30 s with full jitter. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: every response and failure goes straight to the caller. */
  /** One attempt per call: nothing is retried. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder().maxAttempts(maxAttempts).maxTotalTime(maxTotalTime).baseDelay(baseDelay)
        .maxDelay(maxDelay).jitter(jitter);
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** No retry wait ends later than this after the first attempt began. */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** The backoff before the second attempt; each later one doubles it, up to {@link #maxDelay()}. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The longest backoff between two attempts (a 429's {@code Retry-After} is waited in full). */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Whether backoff delays are randomized (full jitter). */
  public boolean jitter() {
    return jitter;
  }

  /**
   * The wait before the next attempt, after {@code failedAttempts} attempts (1 or more): exponential from
   * the base delay, capped at the maximum, with full jitter when the policy has jitter. The HTTP stack's
   * retry loop and the OAuth token endpoint's retries both wait this long.
   */
  public long backoffNanos(int failedAttempts) {
    long exponential = exponentialNanos(failedAttempts);
    return jitter && exponential > 0 ? ThreadLocalRandom.current().nextLong(exponential + 1) : exponential;
  }

  /** {@link #backoffNanos} without the jitter. */
  public long exponentialNanos(int failedAttempts) {
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 62);
    return base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", maxTotalTime=" + maxTotalTime + ", baseDelay="
        + baseDelay + ", maxDelay=" + maxDelay + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration maxTotalTime = Duration.ofMinutes(2);
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(30);
    private boolean jitter = true;

    private Builder() {
    }

    /** Attempts in all, at least 1 (1 = no retries). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** No retry wait ends later than this after the first attempt began. */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = Durations.requireNonNegative(maxTotalTime, "maxTotalTime");
      return this;
    }

    /** The backoff before the second attempt; later ones double it. */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = Durations.requireNonNegative(baseDelay, "baseDelay");
      return this;
    }

    /** The longest backoff between two attempts. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Durations.requireNonNegative(maxDelay, "maxDelay");
      return this;
    }

    /** Whether backoff delays are randomized between zero and the computed delay (full jitter). */
    public Builder jitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** @throws IllegalArgumentException if baseDelay exceeds maxDelay */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
