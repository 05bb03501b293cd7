package dev.asanaconnector.auth;

import java.io.IOException;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** Tokens from an application's {@link TokenSupplier}; renewals after a 401 are shared between threads. */
final class SuppliedToken implements Credentials, AccessTokenSource {
  /** What the supplier answered for one rejected token; {@code replacement} may be null. */
  private record Renewal(String rejected, String replacement) {
  }

  private final TokenSupplier supplier;
  private final SingleFlight<Renewal> renewals = new SingleFlight<>();
  private volatile Renewal last;
  /** The latest tokens handed out, newest first: a server may echo any of them. */
  private final RecentSecrets issued = new RecentSecrets(4);

  SuppliedToken(TokenSupplier supplier) {
    this.supplier = supplier;
  }

  @Override
  public AccessTokenSource bind(OkHttpClient tokenClient) {
    return this;
  }

  @Override
  public String accessToken() {
    String token = supplier.accessToken();
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("The TokenSupplier returned no access token");
    }
    String stripped = token.strip();
    issued.remember(stripped);
    return stripped;
  }

  @Override
  public Optional<String> renewAfterUnauthorized(String rejectedToken) throws IOException {
    Renewal renewal = renewals.run(() -> {
      Renewal done = last;
      return done != null && done.rejected.equals(rejectedToken) ? done : null;
    }, () -> new Renewal(rejectedToken, supplier.refreshAfterUnauthorized(rejectedToken)),
        fresh -> last = fresh);
    Optional<String> replacement = Optional.ofNullable(renewal.replacement)
        .map(String::strip)
        .filter(token -> !token.isEmpty() && !token.equals(rejectedToken));
    replacement.ifPresent(issued::remember);
    return replacement;
  }

  @Override
  public String redact(String text) {
    return issued.redact(text);
  }

  @Override
  public String toString() {
    return "Credentials.tokenSupplier(" + supplier.getClass().getName() + ")";
  }
}
