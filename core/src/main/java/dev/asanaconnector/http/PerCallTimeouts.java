package dev.asanaconnector.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Applies the connect, read and write timeouts of a request's {@link CallOptions} to all its attempts. */
final class PerCallTimeouts implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    CallOptions options = CallOptions.of(chain.request());
    Chain adjusted = chain;
    if (options.connectTimeout().isPresent()) {
      adjusted = adjusted.withConnectTimeout(Durations.toTimeoutMillis(options.connectTimeout().get()),
          TimeUnit.MILLISECONDS);
    }
    if (options.readTimeout().isPresent()) {
      adjusted = adjusted.withReadTimeout(Durations.toTimeoutMillis(options.readTimeout().get()),
          TimeUnit.MILLISECONDS);
    }
    if (options.writeTimeout().isPresent()) {
      adjusted = adjusted.withWriteTimeout(Durations.toTimeoutMillis(options.writeTimeout().get()),
          TimeUnit.MILLISECONDS);
    }
    return adjusted.proceed(adjusted.request());
  }
}
