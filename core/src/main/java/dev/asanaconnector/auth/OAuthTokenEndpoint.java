package dev.asanaconnector.auth;

import com.squareup.moshi.JsonReader;
import dev.asanaconnector.AsanaError;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.InvalidResponseException;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.UnauthorizedException;
import dev.asanaconnector.http.RetryAfter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges a refresh token for a new access token at an OAuth 2 token endpoint, asking again, within
 * the waiting call's {@link RenewalBudget}, when the answer may be different next time.
 *
 * <ul>
 *   <li>{@code invalid_grant}: the refresh token is refused for good (revoked, expired, or rotated by
 *       another installation): {@link Refused}, never asked again;
 *   <li>{@code invalid_client} or {@code unauthorized_client}: the app's client id, secret or
 *       permissions are wrong, a configuration error: {@link Refused} with a message saying so;
 *   <li>another OAuth error code with a 4xx status ({@code invalid_request}, say): an
 *       {@link UnauthorizedException} for this renewal, not asked again (the answer would not change);
 *   <li>5xx, 429 (after its {@code Retry-After}), 408, {@code temporarily_unavailable}, timeouts,
 *       connection failures, and any answer that is not an OAuth JSON answer (an HTML page from a proxy
 *       whatever its status, an empty or cut body): asked again with the policy's backoff; when the
 *       attempts or the time run out, a {@link ServerErrorException}, {@link RateLimitedException},
 *       {@link NetworkException}, {@link InvalidResponseException} or {@link UnauthorizedException}.
 * </ul>
 * Those failures are unchecked, so that the HTTP stack's retry loop (which retries I/O failures) does
 * not multiply these attempts; only the end of the waiting call itself (canceled, out of time,
 * interrupted) is an {@link IOException}. No message quotes a secret.
 */
final class OAuthTokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenEndpoint.class);
  /** A token response is a few hundred bytes; more than this is not one. */
  private static final long MAX_BODY_BYTES = 64 * 1024;
  /**
   * Runs each token request, so that the renewing thread can stop waiting for it when its call ends or
   * it is interrupted (a blocking socket read would not notice either). Daemon threads: an application
   * may exit while one is idle.
   */
  private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "asana-connector OAuth token request");
    thread.setDaemon(true);
    return thread;
  });

  /** What the endpoint granted. */
  record Grant(String accessToken, Duration expiresIn, String refreshToken) {
  }

  /** The endpoint refused the refresh token or the app's credentials: no later attempt can succeed. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final UnauthorizedException exception;

    Refused(UnauthorizedException exception) {
      super(exception.getMessage(), null, false, false);
      this.exception = exception;
    }

    /** The exception for the caller. */
    UnauthorizedException exception() {
      return exception;
    }
  }

  private final OkHttpClient client;
  private final OAuth2Credentials config;

  OAuthTokenEndpoint(OkHttpClient client, OAuth2Credentials config) {
    this.client = client;
    this.config = config;
  }

  /**
   * POSTs {@code grant_type=refresh_token}, again as {@code budget} allows while the answer may change.
   *
   * @throws Refused the endpoint refused the refresh token or the app's credentials
   * @throws AsanaException no access token within the budget (see the class description)
   * @throws IOException the waiting call was canceled or ran out of time, or the thread was interrupted
   */
  Grant refresh(String refreshToken, RenewalBudget budget) throws IOException, Refused {
    Request request = new Request.Builder()
        .url(config.tokenEndpoint())
        .header("Accept", "application/json")
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("refresh_token", refreshToken)
            .add("client_id", config.clientId())
            .add("client_secret", config.clientSecret())
            .build())
        .build();
    for (int attempt = 1; ; attempt++) {
      Answer answer;
      try {
        answer = exchange(request, budget, refreshToken);
      } catch (IOException e) {
        if (budget.callEnded() || Thread.currentThread().isInterrupted()) {
          throw e; // the waiting call is over: no answer about the credentials
        }
        answer = Answer.unreachable(e);
      }
      switch (answer.kind) {
        case GRANTED:
          return answer.grant;
        case REFUSED:
          throw new Refused((UnauthorizedException) answer.toException(request, attempt));
        case FAILED:
          throw answer.toException(request, attempt);
        default:
          break;
      }
      long delay = answer.retryAfter != null ? answer.retryAfter.toNanos() : budget.backoffNanos(attempt);
      if (attempt >= budget.maxAttempts() || !budget.allowsWait(delay)) {
        throw answer.toException(request, attempt);
      }
      LOG.debug("OAuth token endpoint: {}; asking again in {} ms", answer.summary(),
          TimeUnit.NANOSECONDS.toMillis(delay));
      budget.sleep(delay);
    }
  }

  private Answer exchange(Request request, RenewalBudget budget, String refreshToken) throws IOException {
    Call call = client.newCall(request);
    Future<Answer> pending = EXCHANGES.submit(() -> {
      try (Response response = call.execute()) {
        return Answer.of(response, readBounded(response.body()), refreshToken, config.clientSecret());
      }
    });
    return budget.await(pending, call::cancel);
  }

  private static String readBounded(ResponseBody body) throws IOException {
    BufferedSource source = body.source();
    source.request(MAX_BODY_BYTES);
    Buffer buffer = source.getBuffer();
    return buffer.snapshot((int) Math.min(MAX_BODY_BYTES, buffer.size())).string(StandardCharsets.UTF_8);
  }

  /** What one attempt meant. */
  private enum Kind {
    /** An access token. */
    GRANTED,
    /** {@code invalid_grant}, {@code invalid_client}, {@code unauthorized_client}: refused for good. */
    REFUSED,
    /** Another OAuth error: this renewal failed, asking again would not help. */
    FAILED,
    /** Worth another attempt: a server error, a rate limit, not an OAuth answer, no connection. */
    TRANSIENT
  }

  /** One attempt's outcome, classified; builds the exception that reports it. */
  private static final class Answer {
    final Kind kind;
    final Grant grant;
    final int status;
    /** The OAuth error code and description, fit to quote; null when the body was no OAuth error. */
    final String oauthError;
    /** The start of a body that was no OAuth answer, fit to quote (one line, no secret); may be empty. */
    final String excerpt;
    final String requestId;
    final Duration retryAfter;
    final IOException failure;

    private Answer(Kind kind, Grant grant, int status, String oauthError, String excerpt, String requestId,
        Duration retryAfter, IOException failure) {
      this.kind = kind;
      this.grant = grant;
      this.status = status;
      this.oauthError = oauthError;
      this.excerpt = excerpt;
      this.requestId = requestId;
      this.retryAfter = retryAfter;
      this.failure = failure;
    }

    static Answer unreachable(IOException e) {
      return new Answer(Kind.TRANSIENT, null, -1, null, null, null, null, e);
    }

    static Answer of(Response response, String text, String... secrets) {
      int status = response.code();
      String requestId = response.header("X-Request-Id", response.header("X-Asana-Request-Id"));
      Duration retryAfter = status == 429 || status == 503 ? RetryAfter.parse(response.header("Retry-After")) : null;
      TokenResponse body = TokenResponse.parse(text);
      if (body.complete && response.isSuccessful() && Secrets.isSendable(body.accessToken)) {
        return new Answer(Kind.GRANTED, new Grant(body.accessToken, body.expiresIn, body.refreshToken), status,
            null, null, requestId, null, null);
      }
      if (body.complete && body.error != null) {
        String error = Secrets.scrub(body.errorDescription == null ? body.error
            : body.error + " (" + body.errorDescription + ")", secrets);
        Kind kind = switch (body.error) {
          case "invalid_grant", "invalid_client", "unauthorized_client" -> Kind.REFUSED;
          case "temporarily_unavailable", "server_error" -> Kind.TRANSIENT;
          default -> status >= 500 || status == 429 || status == 408 ? Kind.TRANSIENT : Kind.FAILED;
        };
        if (body.error.equals("invalid_client")) {
          error += ": a configuration error, the endpoint does not accept this app's client credentials;"
              + " check the clientId and clientSecret of OAuth2Credentials";
        } else if (body.error.equals("unauthorized_client")) {
          error += ": a configuration error, this app may not use refresh tokens; check its OAuth settings";
        }
        return new Answer(kind, null, status, error, null, requestId, retryAfter, null);
      }
      return new Answer(Kind.TRANSIENT, null, status, null, excerpt(text, body, secrets), requestId, retryAfter,
          null);
    }

    /** The start of a body that is not an OAuth answer; never of one that may hold a token. */
    private static String excerpt(String text, TokenResponse body, String... secrets) {
      if (body.mentionsTokens) {
        return "(JSON with token fields but no usable token: not quoted)";
      }
      return Secrets.scrub(text.replaceAll("\\s+", " "), secrets);
    }

    /** What this answer was, for a log line: never a secret. */
    String summary() {
      if (failure != null) {
        return failure.getClass().getSimpleName();
      }
      return "HTTP " + status + ", " + (oauthError != null ? oauthError : "no OAuth answer");
    }

    AsanaException toException(Request request, int attempts) {
      String method = request.method();
      String path = request.url().encodedPath();
      String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
      if (failure != null) {
        return new NetworkException("OAuth token refresh " + method + " " + path + " failed" + tries + ": "
            + failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : ""),
            method, path, failure);
      }
      String what = oauthError != null ? oauthError
          : excerpt.isEmpty() ? "no OAuth answer, an empty body" : "no OAuth answer; body starts: " + excerpt;
      List<AsanaError> errors = List.of(new AsanaError("OAuth token refresh failed" + tries + ": " + what, null,
          null));
      if (kind == Kind.REFUSED || kind == Kind.FAILED) {
        return new UnauthorizedException(status, errors, requestId, method, path);
      }
      if (status == 429) {
        return new RateLimitedException(status, errors, requestId, method, path, retryAfter);
      }
      if (status >= 500) {
        return new ServerErrorException(status, errors, requestId, method, path);
      }
      if (oauthError != null) {
        return new UnauthorizedException(status, errors, requestId, method, path);
      }
      return new InvalidResponseException("The OAuth token endpoint's answer to " + method + " " + path
          + " is not an OAuth token response" + tries, status, excerpt, method, path, null);
    }
  }

  /** The fields of a token endpoint's JSON answer, success or error; absent fields stay null. */
  private static final class TokenResponse {
    String accessToken;
    Duration expiresIn;
    String refreshToken;
    String error;
    String errorDescription;
    /** The whole body was one JSON object (not an HTML page, not cut short). */
    boolean complete;
    /** The body names a token field: not to be quoted, whatever else it is. */
    boolean mentionsTokens;

    static TokenResponse parse(String text) {
      TokenResponse parsed = new TokenResponse();
      parsed.mentionsTokens = text.contains("access_token") || text.contains("refresh_token");
      try {
        JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
        reader.beginObject();
        while (reader.hasNext()) {
          switch (reader.nextName()) {
            case "access_token" -> parsed.accessToken = string(reader);
            case "refresh_token" -> parsed.refreshToken = string(reader);
            case "expires_in" -> parsed.expiresIn = seconds(reader);
            case "error" -> parsed.error = string(reader);
            case "error_description" -> parsed.errorDescription = string(reader);
            default -> reader.skipValue();
          }
        }
        reader.endObject();
        parsed.complete = reader.peek() == JsonReader.Token.END_DOCUMENT;
      } catch (IOException | RuntimeException notJson) {
        // An HTML error page or a cut body: not an answer to act on, whatever was read so far.
      }
      return parsed;
    }

    private static String string(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      return reader.nextString();
    }

    private static Duration seconds(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      long seconds = reader.nextLong();
      return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    }
  }
}
