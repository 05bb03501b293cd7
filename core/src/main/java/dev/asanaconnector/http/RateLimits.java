package dev.asanaconnector.http;

/**
 * Client-side limits that keep one client within Asana's rate limits, shared by every thread using
 * the client. Immutable; 0 means no limit.
 *
 * <p>Asana allows 150 requests per minute on free plans and 1,500 on paid plans, 50 concurrent reads
 * and 15 concurrent writes per token, and 60 task searches per minute. The defaults assume a paid
 * plan; set {@link Builder#requestsPerMinute(int)} to 150 for a free one.
 */
public final class RateLimits {
  private static final RateLimits DEFAULTS = builder().build();
  private static final RateLimits UNLIMITED = builder().requestsPerMinute(0).maxReadsInFlight(0)
      .maxWritesInFlight(0).searchRequestsPerMinute(0).build();

  private final int requestsPerMinute;
  private final int maxReadsInFlight;
  private final int maxWritesInFlight;
  private final int searchRequestsPerMinute;

  private RateLimits(Builder builder) {
    this.requestsPerMinute = builder.requestsPerMinute;
    this.maxReadsInFlight = builder.maxReadsInFlight;
    this.maxWritesInFlight = builder.maxWritesInFlight;
    this.searchRequestsPerMinute = builder.searchRequestsPerMinute;
  }

  /** Asana's limits for paid plans: 1,500/min, 50 reads and 15 writes in flight, 60 searches/min. */
  public static RateLimits defaults() {
    return DEFAULTS;
  }

  /** No client-side limits (Asana's 429 answers are still honored by the retry policy). */
  public static RateLimits unlimited() {
    return UNLIMITED;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder().requestsPerMinute(requestsPerMinute).maxReadsInFlight(maxReadsInFlight)
        .maxWritesInFlight(maxWritesInFlight).searchRequestsPerMinute(searchRequestsPerMinute);
  }

  /** Requests of any kind per minute, paced evenly; 0 = no limit. */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /** GET, HEAD and OPTIONS requests awaiting their response at once; 0 = no limit. */
  public int maxReadsInFlight() {
    return maxReadsInFlight;
  }

  /** Other requests (POST, PUT, PATCH, DELETE) awaiting their response at once; 0 = no limit. */
  public int maxWritesInFlight() {
    return maxWritesInFlight;
  }

  /** Requests to a path ending in {@code /tasks/search} per minute, on top of the general limit; 0 = none. */
  public int searchRequestsPerMinute() {
    return searchRequestsPerMinute;
  }

  @Override
  public String toString() {
    return "RateLimits{requestsPerMinute=" + requestsPerMinute + ", maxReadsInFlight=" + maxReadsInFlight
        + ", maxWritesInFlight=" + maxWritesInFlight + ", searchRequestsPerMinute=" + searchRequestsPerMinute + "}";
  }

  /** Builds {@link RateLimits}; starts from the defaults. */
  public static final class Builder {
    private int requestsPerMinute = 1500;
    private int maxReadsInFlight = 50;
    private int maxWritesInFlight = 15;
    private int searchRequestsPerMinute = 60;

    private Builder() {
    }

    /** Requests of any kind per minute (150 for a free plan); 0 for no limit. */
    public Builder requestsPerMinute(int requestsPerMinute) {
      this.requestsPerMinute = requireLimit(requestsPerMinute, "requestsPerMinute");
      return this;
    }

    /** GET, HEAD and OPTIONS requests awaiting their response at once; 0 for no limit. */
    public Builder maxReadsInFlight(int maxReadsInFlight) {
      this.maxReadsInFlight = requireLimit(maxReadsInFlight, "maxReadsInFlight");
      return this;
    }

    /** Other requests awaiting their response at once; 0 for no limit. */
    public Builder maxWritesInFlight(int maxWritesInFlight) {
      this.maxWritesInFlight = requireLimit(maxWritesInFlight, "maxWritesInFlight");
      return this;
    }

    /** Task searches per minute, on top of the general limit; 0 for no limit. */
    public Builder searchRequestsPerMinute(int searchRequestsPerMinute) {
      this.searchRequestsPerMinute = requireLimit(searchRequestsPerMinute, "searchRequestsPerMinute");
      return this;
    }

    /** The limits, immutable. */
    public RateLimits build() {
      return new RateLimits(this);
    }

    private static int requireLimit(int value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be 0 (no limit) or more, was " + value);
      }
      return value;
    }
  }
}
