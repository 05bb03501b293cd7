package dev.asanaconnector;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.http.ResponseBodies;
import dev.asanaconnector.http.ResponseTooLargeException;
import dev.asanaconnector.http.RetryAfter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The one mapper from what went wrong to the connector's exceptions, for every kind of call (catalog,
 * direct generated calls, downloads): an error status becomes the matching {@link AsanaApiException}
 * with Asana's messages, request id, method and path; an answer that is not Asana's JSON an
 * {@link InvalidResponseException}; an I/O failure a {@link NetworkException}. Every excerpt of a body
 * passes through the client's redaction first, so a server echoing the request cannot put a credential
 * into a message.
 */
final class ApiErrors {
  /** How much of a body an exception quotes, once on one line. */
  private static final int EXCERPT_CHARS = 120;

  private final Moshi moshi;
  /** Made on the first error: a client that never sees one does not pay for it at start-up. */
  private volatile JsonAdapter<Envelopes.ErrorEnvelope> errorAdapter;
  private final UnaryOperator<String> redaction;

  ApiErrors(Moshi moshi, UnaryOperator<String> redaction) {
    this.moshi = moshi;
    this.redaction = redaction;
  }

  /** The exception for an error status; reads the (already bounded) body for Asana's messages. */
  AsanaException forStatus(Response response) {
    Request request = response.request();
    String text = "";
    try {
      BufferedSource source = response.body().source();
      // Bounded here too: a download host's error body has not been read by the stack.
      source.request(ResponseBodies.MAX_OTHER_BYTES);
      text = redaction.apply(source.getBuffer().snapshot(
          (int) Math.min(ResponseBodies.MAX_OTHER_BYTES, source.getBuffer().size())).string(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // The status alone still says what happened; the body was only detail.
    }
    List<AsanaError> errors = parseErrors(text);
    if (errors.isEmpty()) {
      errors = List.of(new AsanaError("no Asana error body" + (text.isBlank() ? "" : "; response starts: "
          + excerpt(text)), null, null));
    }
    String requestId = requestId(response.headers());
    String method = request.method();
    String path = request.url().encodedPath();
    int status = response.code();
    switch (status) {
      case 400:
        boolean expired = errors.stream().anyMatch(e -> e.message() != null
            && e.message().startsWith("offset:") && e.message().contains("expired"));
        return expired ? new OffsetExpiredException(status, errors, requestId, method, path)
            : new BadRequestException(status, errors, requestId, method, path);
      case 401:
        return new UnauthorizedException(status, errors, requestId, method, path);
      case 402:
        return new PremiumRequiredException(status, errors, requestId, method, path);
      case 403:
        return new ForbiddenException(status, errors, requestId, method, path);
      case 404:
        return new NotFoundException(status, errors, requestId, method, path);
      case 412: {
        // GET /events: the sync token is too old (or the first call had none); the body carries a fresh one.
        String sync = syncToken(text);
        return sync != null ? new SyncTokenExpiredException(status, errors, requestId, method, path, sync)
            : new AsanaApiException(status, errors, requestId, method, path);
      }
      case 429:
        return new RateLimitedException(status, errors, requestId, method, path,
            RetryAfter.parse(response.header("Retry-After")));
      default:
        if (status >= 500) {
          return new ServerErrorException(status, errors, requestId, method, path);
        }
        return new AsanaApiException(status, errors, requestId, method, path);
    }
  }

  /** A successful answer that is not what Asana sends; {@code head} is the body's first bytes. */
  InvalidResponseException invalid(Response response, String message, byte[] head, Throwable cause) {
    Request request = response.request();
    return new InvalidResponseException(message + " for " + describe(request), response.code(),
        excerpt(redaction.apply(new String(head, StandardCharsets.UTF_8))), request.method(),
        request.url().encodedPath(), cause);
  }

  /** An answer larger than the stack reads for its kind. */
  InvalidResponseException tooLarge(Request request, ResponseTooLargeException e) {
    String type = e.contentType();
    String message = type != null && !ResponseBodies.isJson(type)
        ? "Expected JSON from Asana but got " + type : e.getMessage();
    return new InvalidResponseException(message + " for " + describe(request), e.status(),
        excerpt(redaction.apply(new String(e.head(), StandardCharsets.UTF_8))), request.method(),
        request.url().encodedPath(), e);
  }

  static NetworkException network(Request request, IOException e) {
    return new NetworkException(describe(request) + " failed: " + e.getClass().getSimpleName()
        + (e.getMessage() != null ? ": " + e.getMessage() : ""), request.method(), request.url().encodedPath(), e);
  }

  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /** The id Asana gave the request ({@code X-Request-Id}, or the older {@code X-Asana-Request-Id}), or null. */
  static String requestId(Headers headers) {
    String id = headers.get("X-Request-Id");
    return id != null ? id : headers.get("X-Asana-Request-Id");
  }

  private List<AsanaError> parseErrors(String text) {
    List<AsanaError> errors = new ArrayList<>();
    try {
      Envelopes.ErrorEnvelope envelope = errorAdapter().fromJson(text);
      if (envelope != null && envelope.errors != null) {
        for (Envelopes.ErrorJson error : envelope.errors) {
          if (error != null && error.message != null) {
            errors.add(new AsanaError(error.message, error.help, error.phrase));
          }
        }
      }
    } catch (IOException | RuntimeException notAsanaJson) {
      // Not Asana's error shape (an HTML page from a proxy, say): the caller reports an excerpt.
    }
    return errors;
  }

  /** The {@code sync} token of a 412 body of {@code GET /events}, or null. */
  private static String syncToken(String text) {
    try {
      Object body = JsonValues.read(JsonReader.of(new Buffer().writeUtf8(text)));
      return body instanceof Map<?, ?> map && map.get("sync") instanceof String sync && !sync.isEmpty() ? sync : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  static String excerpt(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "…";
  }

  private JsonAdapter<Envelopes.ErrorEnvelope> errorAdapter() {
    JsonAdapter<Envelopes.ErrorEnvelope> adapter = errorAdapter;
    if (adapter == null) {
      adapter = moshi.adapter(Envelopes.ErrorEnvelope.class); // Moshi caches it; a race makes it twice at worst
      errorAdapter = adapter;
    }
    return adapter;
  }
}
