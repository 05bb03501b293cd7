package dev.asanaconnector;

import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A successful answer to a call of a generated API, with its raw parts: status, headers, Asana's
 * request id and the parsed body. Errors never get here: they are thrown as {@link AsanaException}s.
 *
 * @param <T> the operation's response type, e.g. {@code GetTask200Response}
 */
public final class ApiResponse<T> {
  private final int status;
  private final Headers headers;
  private final T body;

  ApiResponse(int status, Headers headers, T body) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
  }

  /** The HTTP status, 2xx. */
  public int status() {
    return status;
  }

  /** All response headers (immutable). */
  public Headers headers() {
    return headers;
  }

  /** The id Asana gave the request ({@code X-Request-Id}), for support tickets. */
  public Optional<String> requestId() {
    return Optional.ofNullable(ApiErrors.requestId(headers));
  }

  /** The parsed body; empty for a response without one (204). */
  public Optional<T> body() {
    return Optional.ofNullable(body);
  }

  T bodyOrNull() {
    return body;
  }

  @Override
  public String toString() {
    return "ApiResponse{status=" + status + ", requestId=" + requestId().orElse("none") + ", body="
        + (body == null ? "none" : body.getClass().getSimpleName()) + "}";
  }
}
