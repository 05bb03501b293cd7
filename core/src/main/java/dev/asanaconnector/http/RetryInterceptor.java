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
 * The one retry loop of a call: sends a request again as {@link RetryPolicy} describes, with one budget
 * of attempts and time whatever failed (an error status, a connection failure, or a body cut mid-read).
 * Each attempt goes through the interceptors after this one (authentication, rate limiting, logging).
 *
 * <p>On Asana's API ({@code readsBodies}) the loop also reads each answer whole with
 * {@link ResponseBodies}, so that a body cut mid-read is a failed attempt like any other; the download
 * client streams its bodies instead and resumes cut files itself ({@code AttachmentDownload}).
 */
final class RetryInterceptor implements Interceptor {
  private final RetryPolicy defaultPolicy;
  private final Logger log;
  private final boolean readsBodies;

  RetryInterceptor(RetryPolicy defaultPolicy, Logger log, boolean readsBodies) {
    this.defaultPolicy = defaultPolicy;
    this.log = log;
    this.readsBodies = readsBodies;
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
      long delay;
      String reason;
      try {
        Response response = chain.proceed(request);
        int status = response.code();
        delay = mayRetry && isRetryable(response, idempotent) ? delayAfter(response, policy, attempt) : -1;
        if (delay < 0 || System.nanoTime() - start + delay > budget) {
          return readsBodies ? ResponseBodies.buffered(response) : response;
        }
        response.close();
        reason = "answered " + status;
      } catch (ResponseTooLargeException tooLarge) {
        throw tooLarge; // the same answer would come again
      } catch (IOException e) {
        delay = policy.backoffNanos(attempt);
        if (!mayRetry || !isRetryable(e, idempotent) || System.nanoTime() - start + delay > budget) {
          throw e;
        }
        reason = "failed (" + e.getClass().getSimpleName() + ")";
      }
      log.debug("{} {} {}; retrying in {} ms", original.method(), original.url().encodedPath(), reason,
          TimeUnit.NANOSECONDS.toMillis(delay));
      Waits.sleep(delay, call);
    }
  }

  /** The wait before resending after an error status: Asana's {@code Retry-After} when given, else backoff. */
  private static long delayAfter(Response response, RetryPolicy policy, int attempt) {
    Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), Instant.now());
    return retryAfter != null ? retryAfter.toNanos() : policy.backoffNanos(attempt);
  }

  static boolean isIdempotent(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  /**
   * A 429 always (Asana refused the request unprocessed); a 503 with {@code Retry-After} always (Asana
   * says it did not take the request and when to come back); other 5xx only for reads, since a write
   * answered 500 or 502 may have been carried out.
   */
  private static boolean isRetryable(Response response, boolean idempotent) {
    int status = response.code();
    if (status == 429 || status == 503 && response.header("Retry-After") != null) {
      return true;
    }
    return idempotent && (status == 500 || status == 502 || status == 503 || status == 504);
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
