package dev.asanaconnector.auth;

import dev.asanaconnector.AsanaError;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;

/**
 * Tokens from an application's {@link TokenSupplier}; renewals after a 401 are shared between threads.
 * When the supplier has no usable token (null, blank, or not fit for a header) or throws, the request
 * is not sent and the caller gets an {@link UnauthorizedException} saying so (with the supplier's
 * exception as its cause), like any other missing credential.
 */
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
  public AccessTokenSource bind(OkHttpClient tokenClient, RetryPolicy retryPolicy) {
    return this;
  }

  @Override
  public AccessTokenSource bind(Supplier<OkHttpClient> tokenClient, RetryPolicy retryPolicy) {
    return this; // no token endpoint: no client to build
  }

  @Override
  public String accessToken(Call call) {
    String token = ask(supplier::accessToken, "accessToken()", call);
    String stripped = token == null ? "" : token.strip();
    if (stripped.isEmpty()) {
      throw noToken(call, "The TokenSupplier returned no access token (null or blank)", null);
    }
    if (!Secrets.isSendable(stripped)) {
      throw noToken(call, "The TokenSupplier returned an access token with spaces or control characters", null);
    }
    issued.remember(stripped);
    return stripped;
  }

  @Override
  public Optional<String> renewAfterUnauthorized(String rejectedToken, Call call) throws IOException {
    Renewal renewal = renewals.run(() -> {
      Renewal done = last;
      return done != null && done.rejected.equals(rejectedToken) ? done : null;
    }, () -> new Renewal(rejectedToken, ask(() -> supplier.refreshAfterUnauthorized(rejectedToken),
        "refreshAfterUnauthorized()", call)), fresh -> last = fresh, RenewalBudget.of(call, RetryPolicy.none()));
    Optional<String> replacement = Optional.ofNullable(renewal.replacement)
        .map(String::strip)
        .filter(token -> !token.isEmpty() && !token.equals(rejectedToken));
    if (replacement.isPresent() && !Secrets.isSendable(replacement.get())) {
      throw noToken(call, "The TokenSupplier renewed the access token with one with spaces or control characters",
          null);
    }
    replacement.ifPresent(issued::remember);
    return replacement;
  }

  /** The supplier's answer; an exception it throws becomes the caller's {@link UnauthorizedException}. */
  private static String ask(Supplier<String> question, String method, Call call) {
    try {
      return question.get();
    } catch (RuntimeException e) {
      // Only the class: the application's message is its own, and might quote a token.
      throw noToken(call, "The TokenSupplier's " + method + " failed (" + e.getClass().getName() + ")", e);
    }
  }

  /**
   * The request was not sent for want of a token: a 401 is what Asana would have answered, and what
   * callers handle as "credentials missing".
   */
  private static UnauthorizedException noToken(Call call, String reason, Throwable cause) {
    UnauthorizedException e = new UnauthorizedException(401,
        List.of(new AsanaError(reason + "; the request was not sent", null, null)), null,
        call.request().method(), call.request().url().encodedPath());
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
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
