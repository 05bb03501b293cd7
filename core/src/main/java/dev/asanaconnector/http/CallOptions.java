package dev.asanaconnector.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;

/**
 * Settings for one call that differ from the client's: a retry policy and timeouts. Immutable.
 *
 * <p>Attach them to the request as its {@code CallOptions} tag ({@link #attachTo(Request)}, or
 * {@code requestBuilder.tag(CallOptions.class, options)}); the stack's interceptors read the tag. The
 * whole-call timeout cannot be changed from inside the call, so whoever creates the {@link Call} also
 * passes it through {@link #applyTo(Call)}:
 *
 * <pre>{@code
 * Request request = options.attachTo(new Request.Builder().url(url).build());
 * try (Response response = CallOptions.applyTo(client.newCall(request)).execute()) { ... }
 * }</pre>
 *
 * Connect, read and write timeouts apply to each attempt; the call timeout spans all attempts, the
 * waits between them, and reading the response body. {@link Duration#ZERO} means no timeout.
 */
public final class CallOptions {
  private static final CallOptions NONE = builder().build();

  private final RetryPolicy retryPolicy;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;

  private CallOptions(Builder builder) {
    this.retryPolicy = builder.retryPolicy;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.writeTimeout = builder.writeTimeout;
    this.callTimeout = builder.callTimeout;
  }

  /** A builder in which nothing is set: every setting is the client's. */
  public static Builder builder() {
    return new Builder();
  }

  /** The options attached to {@code request}, or none. */
  public static CallOptions of(Request request) {
    CallOptions options = request.tag(CallOptions.class);
    return options != null ? options : NONE;
  }

  /** Sets the call timeout of {@code call} from the options attached to its request, if they have one. */
  public static Call applyTo(Call call) {
    of(call.request()).callTimeout()
        .ifPresent(timeout -> call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS));
    return call;
  }

  /** A copy of {@code request} carrying these options. */
  public Request attachTo(Request request) {
    return request.newBuilder().tag(CallOptions.class, this).build();
  }

  /** The retry policy for this call, when it differs from the client's. */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /** The connect timeout for this call, when it differs from the client's. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** The read timeout for this call, when it differs from the client's. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** The write timeout for this call, when it differs from the client's. */
  public Optional<Duration> writeTimeout() {
    return Optional.ofNullable(writeTimeout);
  }

  /** The whole-call timeout for this call, when it differs from the client's. */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  @Override
  public String toString() {
    return "CallOptions{retryPolicy=" + retryPolicy + ", connectTimeout=" + connectTimeout + ", readTimeout="
        + readTimeout + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout + "}";
  }

  /** Builds {@link CallOptions}; anything not set keeps the client's setting. */
  public static final class Builder {
    private RetryPolicy retryPolicy;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;

    private Builder() {
    }

    /** Retries for this call only. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Connect timeout for this call only; zero for none. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Durations.requireNonNegative(timeout, "connectTimeout");
      return this;
    }

    /** Read timeout for this call only; zero for none. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.requireNonNegative(timeout, "readTimeout");
      return this;
    }

    /** Write timeout for this call only; zero for none. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Durations.requireNonNegative(timeout, "writeTimeout");
      return this;
    }

    /** Spans the whole call; takes effect only through {@link CallOptions#applyTo(Call)}. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.requireNonNegative(timeout, "callTimeout");
      return this;
    }

    /** The options, immutable. */
    public CallOptions build() {
      return new CallOptions(this);
    }
  }
}
