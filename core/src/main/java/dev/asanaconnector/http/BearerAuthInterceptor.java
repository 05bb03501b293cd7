package dev.asanaconnector.http;

import dev.asanaconnector.auth.AccessTokenSource;
import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts {@code Authorization: Bearer <token>} on each attempt to Asana's API, that is to the scheme, host
 * and port of the client's base URL; a request to any other origin is sent without credentials (and
 * without any {@code Authorization} header the caller set). When Asana answers 401, asks the
 * credentials for a renewed token and sends the request once more with it; this happens at most once
 * per call, so a 401 for the renewed token goes back to the caller.
 */
final class BearerAuthInterceptor implements Interceptor {
  private final AccessTokenSource tokens;
  private final HttpUrl apiOrigin;

  BearerAuthInterceptor(AccessTokenSource tokens, HttpUrl apiBaseUrl) {
    this.tokens = tokens;
    this.apiOrigin = apiBaseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!isApiOrigin(request.url())) {
      return chain.proceed(request.header("Authorization") == null ? request
          : request.newBuilder().removeHeader("Authorization").build());
    }
    String token = tokens.accessToken(chain.call());
    Response response = chain.proceed(withToken(request, token));
    CallProgress progress = CallProgress.of(request);
    boolean resendable = request.body() == null || !request.body().isOneShot();
    if (response.code() != 401 || progress.tokenRenewed || !resendable) {
      return response;
    }
    // Read the small 401 body now: its connection and in-flight permit are free while the token is
    // renewed, and it is still there to report if the renewal does not help.
    response = ResponseBodies.buffered(response);
    Optional<String> renewed;
    try {
      renewed = tokens.renewAfterUnauthorized(token, chain.call());
    } catch (IOException | RuntimeException | Error e) {
      response.close();
      throw e;
    }
    if (renewed.isEmpty() || renewed.get().equals(token)) {
      return response;
    }
    progress.tokenRenewed = true;
    response.close();
    return chain.proceed(withToken(request, renewed.get()));
  }

  private boolean isApiOrigin(HttpUrl url) {
    return url.port() == apiOrigin.port() && url.scheme().equals(apiOrigin.scheme())
        && url.host().equals(apiOrigin.host());
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }
}
