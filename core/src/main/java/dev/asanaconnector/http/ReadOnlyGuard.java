package dev.asanaconnector.http;

import dev.asanaconnector.ReadOnlyClientException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The outermost interceptor of a read-only client: refuses any request but GET and HEAD before anything
 * else runs (no retry, no token, no permit), for every kind of call: catalog writes, direct calls of
 * generated APIs and raw requests through {@code httpClient()}.
 */
final class ReadOnlyGuard implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ActionName action = request.tag(ActionName.class);
      throw new ReadOnlyClientException(action != null ? action.name()
          : method + " " + request.url().encodedPath());
    }
    return chain.proceed(request);
  }
}
