package dev.asanaconnector.http;

import dev.asanaconnector.auth.AccessTokenSource;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link OkHttpClient}s that talk to Asana from {@link HttpSettings}.
 *
 * <p>Interceptors, outermost first, and why in this order:
 * <ol>
 *   <li>for a read-only client, the guard refusing anything but GET and HEAD before anything else runs;
 *   <li>per-call timeouts from {@link CallOptions}, so that they hold for every attempt;
 *   <li>User-Agent;
 *   <li>the one retry loop: everything below runs again for each attempt, and on Asana's API each
 *       answer's body is read there ({@link ResponseBodies}), so a body cut mid-read is retried too;
 *   <li>authentication, for the base URL's origin only: each attempt gets the current token (renewed by then, if it had to be), and
 *       a 401 is answered by one renewal and one resend, which pass the rate limiter like any attempt;
 *       a thread waiting for another's renewal holds no in-flight permit;
 *   <li>rate limiter: every attempt, the resend after a 401 included, takes its slot and permit just
 *       before it is sent, and no permit is held while retry waits run;
 *   <li>{@code Asana-Change} warnings and logging, innermost, so that every attempt is seen.
 * </ol>
 * OkHttp's own silent retry of failed connections is turned off, as it may resend a POST that Asana
 * already received; the retry interceptor decides instead. OkHttp drops the {@code Authorization}
 * header when it follows a redirect to another host, scheme or port.
 */
public final class HttpStack {
  private static final Logger LOG = LoggerFactory.getLogger("dev.asanaconnector.http");

  private HttpStack() {
  }

  /**
   * The clients of one connector and the redaction of the credentials they send: each sets its TLS up on
   * its first {@code https} request ({@link TlsOnDemand}).
   */
  public record Clients(TlsOnDemand api, TlsOnDemand downloads, UnaryOperator<String> redaction) {
  }

  /** Both clients built from {@code settings}, with one binding of the credentials. */
  public static Clients newClients(HttpSettings settings) {
    AccessTokenSource tokens = bind(settings, LOG);
    return new Clients(onDemand(settings, newClient(settings, tokens, LOG)),
        onDemand(settings, newUnauthenticatedClient(settings, LOG)), tokens::redact);
  }

  /**
   * A client for Asana's API, with authentication, retries, rate limits, timeouts, User-Agent and
   * logging. Each client has its own rate limiter: build one per application and share it.
   */
  public static OkHttpClient newClient(HttpSettings settings) {
    return newClient(settings, LOG);
  }

  /**
   * A client for hosts that must not receive Asana credentials (attachment downloads): the same
   * connection pool, timeouts, retries, User-Agent and logging (without the query, which may be signed),
   * but no authentication and no Asana rate limits.
   */
  public static OkHttpClient newUnauthenticatedClient(HttpSettings settings) {
    return onDemand(settings, newUnauthenticatedClient(settings, LOG)).secure();
  }

  static OkHttpClient newClient(HttpSettings settings, Logger log) {
    return onDemand(settings, newClient(settings, bind(settings, log), log)).secure();
  }

  private static TlsOnDemand onDemand(HttpSettings settings, OkHttpClient client) {
    if (settings.tlsDeferred() && settings.apiBaseUrl().isHttps()) {
      // The first request will be https: have its TLS ready by then.
      StartupWarmup.startTls();
    }
    return settings.tlsDeferred() ? TlsOnDemand.deferred(client) : TlsOnDemand.ready(client);
  }

  /** The credentials' tokens; the token endpoint's client is built only if the credentials call one. */
  private static AccessTokenSource bind(HttpSettings settings, Logger log) {
    return settings.credentials().bind(() -> onDemand(settings, tokenClient(settings, log)).secure(),
        settings.retryPolicy());
  }

  /** The client for OAuth token endpoints: no credentials of ours, no Asana rate limits. */
  private static OkHttpClient tokenClient(HttpSettings settings, Logger log) {
    return common(settings)
        .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
        .addInterceptor(new RequestLogging(log, false))
        .build();
  }

  private static OkHttpClient newClient(HttpSettings settings, AccessTokenSource tokens, Logger log) {
    OkHttpClient.Builder builder = common(settings);
    if (settings.readOnly()) {
      builder.addInterceptor(new ReadOnlyGuard());
    }
    return builder
        .addInterceptor(new QuietWatchdog())
        .addInterceptor(new PerCallTimeouts())
        .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
        .addInterceptor(new RetryInterceptor(settings.retryPolicy(), log, true))
        .addInterceptor(new BearerAuthInterceptor(tokens, settings.apiBaseUrl()))
        .addInterceptor(new RateLimiter(settings.rateLimits(), log))
        .addInterceptor(new AsanaChangeWarnings(log))
        .addInterceptor(new RequestLogging(log, true))
        .build();
  }

  static OkHttpClient newUnauthenticatedClient(HttpSettings settings, Logger log) {
    return common(settings)
        .addInterceptor(new QuietWatchdog())
        .addInterceptor(new PerCallTimeouts())
        .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
        .addInterceptor(new RetryInterceptor(settings.retryPolicy(), log, false))
        .addInterceptor(new RequestLogging(log, false))
        .build();
  }

  private static OkHttpClient.Builder common(HttpSettings settings) {
    return settings.baseClient().newBuilder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.writeTimeout())
        .callTimeout(settings.callTimeout())
        .retryOnConnectionFailure(false);
  }
}
