package dev.asanaconnector.http;

import dev.asanaconnector.auth.AccessTokenSource;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Puts {@code Authorization: Bearer <token>} on each attempt. When Asana answers 401, asks the
 * credentials for a renewed token and sends the request once more with it; this happens at most once
 * per call, so a 401 for the renewed token goes back to the caller.
 */
final class BearerAuthInterceptor implements Interceptor {
  private final AccessTokenSource tokens;

  BearerAuthInterceptor(AccessTokenSource tokens) {
    this.tokens = tokens;
  }

  private static final long ERROR_BODY_BYTES = 65_536;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String token = tokens.accessToken();
    Response response = chain.proceed(withToken(request, token));
    CallProgress progress = CallProgress.of(request);
    boolean resendable = request.body() == null || !request.body().isOneShot();
    if (response.code() != 401 || progress.tokenRenewed || !resendable) {
      return response;
    }
    // Read the small 401 body now: its connection and in-flight permit are free while the token is
    // renewed, and it is still there to report if the renewal does not help.
    response = buffered(response);
    Optional<String> renewed;
    try {
      renewed = tokens.renewAfterUnauthorized(token);
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

  private static Response buffered(Response response) throws IOException {
    // As much as an error report reads (Transport.errorFor): a hostile 401 cannot fill the memory.
    ResponseBody copy = response.peekBody(ERROR_BODY_BYTES);
    response.close();
    return response.newBuilder().body(copy).build();
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }
}
