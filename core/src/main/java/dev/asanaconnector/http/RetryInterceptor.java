package dev.asanaconnector.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * Sends a request again as {@link RetryPolicy} describes. Each attempt goes through the interceptors
 * after this one (authentication, rate limiting, logging) again.
 *
 * <p>This sees the response when its headers have arrived; a connection cut while the caller reads the
 * body happens after this interceptor has returned and is the caller's to handle.
 */
final class RetryInterceptor implements Interceptor {
  private final RetryPolicy defaultPolicy;
  private final Logger log;

  RetryInterceptor(RetryPolicy defaultPolicy, Logger log) {
    this.defaultPolicy = defaultPolicy;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    Call call = chain.call();
    RetryPolicy policy = CallOptions.of(original).retryPolicy().orElse(defaultPolicy);
    boolean idempotent = isIdempotent(original.method());
    boolean resendable = original.body() == null || !original.body().isOneShot();
    long start = System.nanoTime();
    long budget = budgetNanos(policy, call);
    CallProgress progress = new CallProgress();
    Request request = original.newBuilder().tag(CallProgress.class, progress).build();

    for (int attempt = 1; ; attempt++) {
      progress.attempt = attempt;
      boolean mayRetry = resendable && attempt < policy.maxAttempts() && !call.isCanceled();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (!mayRetry || !isRetryable(e, idempotent)) {
          throw e;
        }
        long delay = policy.backoffNanos(attempt);
        if (System.nanoTime() - start + delay > budget) {
          throw e;
        }
        log.debug("{} {} failed ({}); retrying in {} ms", original.method(), original.url().encodedPath(),
            e.getClass().getSimpleName(), TimeUnit.NANOSECONDS.toMillis(delay));
        Waits.sleep(delay, call);
        continue;
      }
      int status = response.code();
      if (!mayRetry || !isRetryable(status, idempotent)) {
        return response;
      }
      Duration retryAfter = status == 429 ? RetryAfter.parse(response.header("Retry-After"), Instant.now()) : null;
      long delay = retryAfter != null ? retryAfter.toNanos() : policy.backoffNanos(attempt);
      if (System.nanoTime() - start + delay > budget) {
        return response;
      }
      response.close();
      log.debug("{} {} answered {}; retrying in {} ms", original.method(), original.url().encodedPath(), status,
          TimeUnit.NANOSECONDS.toMillis(delay));
      Waits.sleep(delay, call);
    }
  }

  static boolean isIdempotent(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  private static boolean isRetryable(int status, boolean idempotent) {
    return status == 429 || idempotent && (status == 500 || status == 502 || status == 503 || status == 504);
  }

  /**
   * Reads retry any I/O failure that may be transient; writes only failures that happen before a
   * connection exists, so Asana cannot have seen the request.
   */
  private static boolean isRetryable(IOException e, boolean idempotent) {
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
      return true;
    }
    if (!idempotent) {
      return false;
    }
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return false; // the thread was interrupted, or the call canceled or out of time
    }
    if (e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) {
      return false; // a certificate problem does not go away by asking again
    }
    return !"Canceled".equals(e.getMessage());
  }

  /** The retry time budget: the policy's, cut to the call timeout when that is shorter. */
  private static long budgetNanos(RetryPolicy policy, Call call) {
    long budget = policy.maxTotalTime().toNanos();
    long callTimeout = call.timeout().timeoutNanos();
    return callTimeout > 0 ? Math.min(budget, callTimeout) : budget;
  }
}
