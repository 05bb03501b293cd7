package dev.asanaconnector.http;

import dev.asanaconnector.auth.Credentials;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything {@link HttpStack} needs to build a client: credentials, User-Agent, timeouts, retry policy,
 * rate limits and optionally an {@link OkHttpClient} to build on. Immutable.
 *
 * <p>Timeouts: connect (10 s), read and write (30 s each) apply to every attempt; the call timeout
 * (3 min) spans a whole call: all its attempts, the waits between them and reading the response body.
 * Retry waits never extend past it. {@link Duration#ZERO} means no timeout. {@link CallOptions} changes
 * them for one call.
 */
public final class HttpSettings {
  /** This library's product token, e.g. {@code asana-connector-java/0.1.0}. */
  public static final String PRODUCT = "asana-connector-java/" + version();
  /** Asana's API base URL. */
  public static final String DEFAULT_API_BASE_URL = "https://app.asana.com/api/1.0/";

  private final Credentials credentials;
  private final HttpUrl apiBaseUrl;
  private final String userAgent;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final OkHttpClient baseClient;
  /** Whether {@link #baseClient} is ours, built without TLS, which the stack sets up on demand. */
  private final boolean tlsDeferred;
  private final RetryPolicy retryPolicy;
  private final RateLimits rateLimits;
  private final boolean readOnly;

  private HttpSettings(Builder builder) {
    if (builder.credentials == null) {
      throw new IllegalStateException("credentials are required: set them with credentials(...)");
    }
    this.credentials = builder.credentials;
    this.apiBaseUrl = builder.apiBaseUrl;
    this.userAgent = builder.userAgent != null ? builder.userAgent
        : builder.userAgentProduct != null ? builder.userAgentProduct + " " + defaultUserAgent()
        : defaultUserAgent();
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.writeTimeout = builder.writeTimeout;
    this.callTimeout = builder.callTimeout;
    this.tlsDeferred = builder.baseClient == null || builder.baseClientIsOurs;
    this.baseClient = builder.baseClient != null ? builder.baseClient
        : new OkHttpClient.Builder().connectionSpecs(TlsOnDemand.CLEARTEXT_ONLY).build();
    this.retryPolicy = builder.retryPolicy;
    this.rateLimits = builder.rateLimits;
    this.readOnly = builder.readOnly;
  }

  /**
   * A builder with the defaults: 10 s connect, 30 s read and write, 3 min call timeouts, the default
   * retry policy and rate limits.
   */
  public static Builder builder() {
    StartupWarmup.startBasics();
    return new Builder();
  }

  /** A builder with these settings, sharing the same base client. */
  public Builder toBuilder() {
    Builder builder = new Builder().credentials(credentials).apiBaseUrl(apiBaseUrl.toString()).userAgent(userAgent).connectTimeout(connectTimeout)
        .readTimeout(readTimeout).writeTimeout(writeTimeout).callTimeout(callTimeout).retryPolicy(retryPolicy)
        .rateLimits(rateLimits).readOnly(readOnly);
    builder.baseClient = baseClient;
    builder.baseClientIsOurs = tlsDeferred; // a copy keeps setting TLS up on demand for our own base client
    return builder;
  }

  /** {@code asana-connector-java/<version> (Java <version>)}. */
  public static String defaultUserAgent() {
    return PRODUCT + " (Java " + System.getProperty("java.version") + ")";
  }

  /** How each request is authenticated. */
  public Credentials credentials() {
    return credentials;
  }

  /** Asana's API base URL: credentials are sent to its scheme, host and port only. */
  public HttpUrl apiBaseUrl() {
    return apiBaseUrl;
  }

  /** The User-Agent header sent with every request. */
  public String userAgent() {
    return userAgent;
  }

  /** Time allowed to open a connection; zero means none. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Time allowed between two reads of a response; zero means none. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Time allowed between two writes of a request; zero means none. */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** Time allowed for a whole call, retries included; zero means none. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * The client the stack's clients are derived from ({@link OkHttpClient#newBuilder()}), so that they
   * share its connection pool and dispatcher: the one supplied, or one created with these settings,
   * without TLS: the stack's clients set TLS up on their first {@code https} request ({@link TlsOnDemand}).
   */
  public OkHttpClient baseClient() {
    return baseClient;
  }

  boolean tlsDeferred() {
    return tlsDeferred;
  }

  /** When and how failed attempts are retried. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The client-side limits shared by every thread using the client. */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** Whether every request but GET and HEAD is refused before it is sent. */
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public String toString() {
    return "HttpSettings{credentials=" + credentials + ", apiBaseUrl=" + apiBaseUrl + ", userAgent=" + userAgent + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout + ", callTimeout="
        + callTimeout + ", retryPolicy=" + retryPolicy + ", rateLimits=" + rateLimits + ", readOnly=" + readOnly + "}";
  }

  private static String version() {
    String version = HttpSettings.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0";
  }

  /** Builds {@link HttpSettings}; only the credentials are required. */
  public static final class Builder {
    private Credentials credentials;
    private HttpUrl apiBaseUrl = HttpUrl.get(DEFAULT_API_BASE_URL);
    private String userAgent;
    private String userAgentProduct;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofMinutes(3);
    private OkHttpClient baseClient;
    /** Whether {@link #baseClient} is the one a copied HttpSettings created (without TLS), not a caller's. */
    private boolean baseClientIsOurs;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimits rateLimits = RateLimits.defaults();
    private boolean readOnly;

    private Builder() {
    }

    /** How each request is authenticated (required). */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Asana's API base URL ({@value #DEFAULT_API_BASE_URL} by default): HTTPS unless the host is
     * loopback (tests, the sandbox). Credentials go to its scheme, host and port and nowhere else.
     *
     * @throws IllegalArgumentException naming {@code baseUrl} if it is not a URL or not HTTPS
     */
    public Builder apiBaseUrl(String url) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url.endsWith("/") ? url : url + "/");
      if (url != null && parsed == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      }
      this.apiBaseUrl = BaseUrls.requireSecure(parsed);
      return this;
    }

    /** Replaces the whole User-Agent header. */
    public Builder userAgent(String userAgent) {
      this.userAgent = requireHeaderText(userAgent, "userAgent");
      this.userAgentProduct = null;
      return this;
    }

    /**
     * Puts the application's product token ({@code my-app/2.1}) before the default User-Agent, as
     * {@code my-app/2.1 asana-connector-java/0.1.0 (Java 17.0.15)}.
     */
    public Builder userAgentProduct(String product) {
      this.userAgentProduct = requireHeaderText(product, "userAgentProduct");
      this.userAgent = null;
      return this;
    }

    /** Time allowed to open a connection; zero for none. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Durations.requireNonNegative(timeout, "connectTimeout");
      return this;
    }

    /** Time allowed between two reads of a response; zero for none. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.requireNonNegative(timeout, "readTimeout");
      return this;
    }

    /** Time allowed between two writes of a request; zero for none. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Durations.requireNonNegative(timeout, "writeTimeout");
      return this;
    }

    /** Spans a whole call: every attempt, the waits between them and reading the body. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.requireNonNegative(timeout, "callTimeout");
      return this;
    }

    /**
     * A client to build on, sharing its connection pool, dispatcher, proxy and TLS settings. It should
     * be a plain client: its own interceptors would run before the stack's, once per call.
     */
    public Builder baseClient(OkHttpClient client) {
      this.baseClient = Objects.requireNonNull(client, "baseClient");
      this.baseClientIsOurs = false;
      return this;
    }

    /** When and how failed attempts are retried; {@link RetryPolicy#none()} turns retries off. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Client-side rate limits; {@link RateLimits#unlimited()} turns them off. */
    public Builder rateLimits(RateLimits rateLimits) {
      this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
      return this;
    }

    /**
     * Refuses every request but GET and HEAD with a {@code ReadOnlyClientException} before anything is
     * sent: for agents and dashboards that must never change anything in Asana.
     */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** @throws IllegalStateException if no credentials were set */
    public HttpSettings build() {
      return new HttpSettings(this);
    }

    private static String requireHeaderText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(name + " must be printable ASCII");
      }
      return value.strip();
    }
  }
}
