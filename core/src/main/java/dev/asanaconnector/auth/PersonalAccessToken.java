package dev.asanaconnector.auth;

import dev.asanaconnector.http.RetryPolicy;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;

/** A fixed token: sent as it is, never renewed. */
final class PersonalAccessToken implements Credentials, AccessTokenSource {
  private final String token;

  PersonalAccessToken(String token) {
    this.token = Secrets.require(token, "token");
  }

  @Override
  public AccessTokenSource bind(OkHttpClient tokenClient, RetryPolicy retryPolicy) {
    return this;
  }

  @Override
  public AccessTokenSource bind(Supplier<OkHttpClient> tokenClient, RetryPolicy retryPolicy) {
    return this; // no token endpoint: no client to build
  }

  @Override
  public String accessToken(Call call) {
    return token;
  }

  @Override
  public Optional<String> renewAfterUnauthorized(String rejectedToken, Call call) {
    return Optional.empty();
  }

  @Override
  public String redact(String text) {
    return Secrets.redact(text, token);
  }

  @Override
  public String toString() {
    return "Credentials.personalAccessToken(" + Secrets.REDACTED + ")";
  }
}
