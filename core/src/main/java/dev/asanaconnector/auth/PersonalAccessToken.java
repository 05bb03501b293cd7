package dev.asanaconnector.auth;

import java.util.Optional;
import okhttp3.OkHttpClient;

/** A fixed token: sent as it is, never renewed. */
final class PersonalAccessToken implements Credentials, AccessTokenSource {
  private final String token;

  PersonalAccessToken(String token) {
    this.token = Secrets.require(token, "token");
  }

  @Override
  public AccessTokenSource bind(OkHttpClient tokenClient) {
    return this;
  }

  @Override
  public String accessToken() {
    return token;
  }

  @Override
  public Optional<String> renewAfterUnauthorized(String rejectedToken) {
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
