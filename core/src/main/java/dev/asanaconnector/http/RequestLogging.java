package dev.asanaconnector.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * One DEBUG line per attempt: method, host and path (and the query, where it holds no secrets), status
 * or exception, duration until the response headers arrived, and the attempt number. Never headers.
 */
final class RequestLogging implements Interceptor {
  private final Logger log;
  private final boolean logQuery;

  /**
   * @param logQuery whether the query may be logged: true for Asana's API, whose query parameters
   *     carry no secrets; false where URLs may be signed (download hosts)
   */
  RequestLogging(Logger log, boolean logQuery) {
    this.log = log;
    this.logQuery = logQuery;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    int attempt = CallProgress.of(request).attempt;
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log.debug("{} {} -> {} in {} ms (attempt {})", request.method(), target(request.url()), response.code(),
          elapsedMillis(start), attempt);
      return response;
    } catch (IOException | RuntimeException e) {
      log.debug("{} {} -> {} after {} ms (attempt {})", request.method(), target(request.url()),
          e.getClass().getSimpleName(), elapsedMillis(start), attempt);
      throw e;
    }
  }

  private String target(HttpUrl url) {
    String query = logQuery ? url.encodedQuery() : null;
    return url.host() + url.encodedPath() + (query != null ? "?" + query : "");
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
