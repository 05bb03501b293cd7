package dev.asanaconnector;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Sends a request through the configured HTTP stack and turns the answer into a result or one of the
 * connector's exceptions: Asana's error statuses become {@link AsanaApiException} subclasses, anything
 * that is not Asana's JSON becomes {@link InvalidResponseException}, I/O failures {@link NetworkException}.
 */
final class Transport {
  /** A JSON body larger than this is not an Asana answer (the largest pages are a few MiB). */
  static final long MAX_JSON_BYTES = 64L * 1024 * 1024;
  private static final int EXCERPT_CHARS = 200;
  /** How much of an error body is read for Asana's messages (BearerAuthInterceptor keeps as much of a 401). */
  private static final int ERROR_BODY_BYTES = 65_536;

  /** Reads a successful JSON body. */
  interface BodyReader<R> {
    R read(JsonReader reader) throws IOException;
  }

  private final OkHttpClient client;
  private final JsonAdapter<Envelopes.ErrorEnvelope> errorAdapter;
  private final RetryPolicy retryPolicy;

  Transport(OkHttpClient client, Moshi moshi, RetryPolicy retryPolicy) {
    this.client = client;
    this.errorAdapter = moshi.adapter(Envelopes.ErrorEnvelope.class);
    this.retryPolicy = retryPolicy;
  }

  OkHttpClient client() {
    return client;
  }

  /**
   * Sends {@code request} and reads its JSON body with {@code reader}. A GET whose body is cut off
   * mid-read is sent again (the HTTP stack's retries end when the headers arrive), within the retry
   * policy's attempts and total time (and the call timeout, when shorter).
   */
  <R> R execute(Request request, BodyReader<R> reader) {
    RetryPolicy policy = CallOptions.of(request).retryPolicy().orElse(retryPolicy);
    boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD");
    long start = System.nanoTime();
    long budgetMillis = budgetMillis(policy, request);
    for (int attempt = 1; ; attempt++) {
      try {
        return executeOnce(request, reader);
      } catch (BodyReadException e) {
        if (!idempotent || attempt >= policy.maxAttempts()) {
          throw network(request, e.getCause());
        }
        long delay = backoffMillis(policy, attempt);
        if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + delay > budgetMillis) {
          throw network(request, e.getCause());
        }
        pause(delay, request, e.getCause());
      }
    }
  }

  /** The retry policy's total time, cut to the call timeout (this call's, else the client's) when shorter. */
  private long budgetMillis(RetryPolicy policy, Request request) {
    long budget = policy.maxTotalTime().toMillis();
    long callTimeout = CallOptions.of(request).callTimeout().map(Duration::toMillis)
        .orElse((long) client.callTimeoutMillis());
    return callTimeout > 0 ? Math.min(budget, callTimeout) : budget;
  }

  private static long backoffMillis(RetryPolicy policy, int attempt) {
    long millis = Math.min(policy.maxDelay().toMillis(), policy.baseDelay().toMillis() << Math.min(attempt - 1, 16));
    return policy.jitter() ? ThreadLocalRandom.current().nextLong(millis + 1) : millis;
  }

  private static void pause(long millis, Request request, IOException cause) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw network(request, cause);
    }
  }

  /** An I/O failure while reading a body whose status line and headers had arrived. */
  private static final class BodyReadException extends Exception {
    private static final long serialVersionUID = 1L;

    BodyReadException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private <R> R executeOnce(Request request, BodyReader<R> reader) throws BodyReadException {
    try (Response response = send(request)) {
      ResponseBody body = response.body();
      if (!isJson(response.header("Content-Type"))) {
        MediaType type = body.contentType();
        throw invalid(response, "Expected JSON from Asana but got " + (type == null ? "no content type" : type),
            body.source(), null);
      }
      long length = body.contentLength();
      if (length > MAX_JSON_BYTES) {
        throw new InvalidResponseException("Response of " + length + " bytes exceeds the " + MAX_JSON_BYTES
            + "-byte limit for JSON for " + describe(request), response.code(), "", request.method(),
            request.url().encodedPath(), null);
      }
      // A declared length within the limit is enforced by OkHttp itself; only a chunked body is counted.
      BufferedSource source = length >= 0 ? body.source()
          : Okio.buffer(new LimitedSource(body.source(), MAX_JSON_BYTES));
      byte[] head = head(source);
      try {
        return reader.read(JsonReader.of(source));
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        throw new InvalidResponseException("Malformed JSON from Asana for " + describe(request) + ": "
            + e.getMessage(), response.code(), excerpt(redact(new String(head, StandardCharsets.UTF_8), request)),
            request.method(), request.url().encodedPath(), e);
      }
    } catch (IOException e) {
      throw new BodyReadException(e);
    }
  }

  /**
   * The first bytes of a body, copied (not decoded) in case they have to be quoted in an exception. A
   * copy, not a {@code snapshot}: a snapshot shares the buffer's segment, which okio then can neither
   * fill further nor recycle, and that costs a fresh 8 KiB segment on every response.
   */
  private static byte[] head(BufferedSource source) throws IOException {
    source.request(EXCERPT_CHARS);
    Buffer buffer = source.getBuffer();
    ByteArrayOutputStream head = new ByteArrayOutputStream(EXCERPT_CHARS);
    buffer.copyTo(head, 0, Math.min(EXCERPT_CHARS, buffer.size()));
    return head.toByteArray();
  }

  /** The id Asana gave the request ({@code X-Request-Id}, or the older {@code X-Asana-Request-Id}), or null. */
  static String requestId(Headers headers) {
    String id = headers.get("X-Request-Id");
    return id != null ? id : headers.get("X-Asana-Request-Id");
  }

  /** Whether a Content-Type is JSON; Asana's own value is matched without parsing it (once per response). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    if (contentType.regionMatches(true, 0, "application/json", 0, 16)
        && (contentType.length() == 16 || contentType.charAt(16) == ';' || contentType.charAt(16) == ' ')) {
      return true;
    }
    MediaType type = MediaType.parse(contentType);
    return type != null && "json".equalsIgnoreCase(type.subtype());
  }

  /**
   * Sends {@code request} and returns the successful response, open, for the caller to stream and
   * close; an error status is thrown as the matching exception.
   */
  Response send(Request request) {
    Call call = CallOptions.applyTo(client.newCall(request));
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw network(request, e);
    }
    if (!response.isSuccessful()) {
      try (response) {
        throw errorFor(response);
      }
    }
    return response;
  }

  static NetworkException network(Request request, IOException e) {
    return new NetworkException(describe(request) + " failed: " + e.getClass().getSimpleName()
        + (e.getMessage() != null ? ": " + e.getMessage() : ""), request.method(), request.url().encodedPath(), e);
  }

  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /** The exception for an error response; reads (a bounded part of) its body. */
  AsanaException errorFor(Response response) {
    Request request = response.request();
    String text = "";
    try {
      BufferedSource source = response.body().source();
      source.request(ERROR_BODY_BYTES);
      Buffer buffer = source.getBuffer();
      text = redact(buffer.snapshot((int) Math.min(ERROR_BODY_BYTES, buffer.size())).string(StandardCharsets.UTF_8), request);
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
      case 429:
        return new RateLimitedException(status, errors, requestId, method, path,
            retryAfter(response.header("Retry-After")));
      default:
        if (status >= 500) {
          return new ServerErrorException(status, errors, requestId, method, path);
        }
        return new AsanaApiException(status, errors, requestId, method, path);
    }
  }

  private List<AsanaError> parseErrors(String text) {
    List<AsanaError> errors = new ArrayList<>();
    try {
      Envelopes.ErrorEnvelope envelope = errorAdapter.fromJson(text);
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

  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unparseable) {
        return null;
      }
    }
  }

  private static InvalidResponseException invalid(Response response, String message, BufferedSource source,
      Throwable cause) {
    String head = "";
    try {
      source.request(EXCERPT_CHARS);
      head = redact(source.getBuffer().snapshot((int) Math.min(EXCERPT_CHARS, source.getBuffer().size()))
          .string(StandardCharsets.UTF_8), response.request());
    } catch (IOException ignored) {
      // An excerpt is a courtesy; the message stands without it.
    }
    Request request = response.request();
    return new InvalidResponseException(message + " for " + describe(request), response.code(), excerpt(head),
        request.method(), request.url().encodedPath(), cause);
  }

  /**
   * Body text with the request's own credential taken out: a proxy or server that echoes the request's
   * headers must not put the token into an exception message.
   */
  static String redact(String text, Request sent) {
    String authorization = sent.header("Authorization");
    if (authorization == null) {
      return text;
    }
    String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip()
        : authorization.strip();
    return token.isEmpty() ? text : text.replace(token, "<redacted>");
  }

  static String excerpt(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
  }

  /** Fails a body that grows past {@code limit} bytes instead of reading it all into memory. */
  private static final class LimitedSource extends ForwardingSource {
    private final long limit;
    private long total;

    LimitedSource(okio.Source delegate, long limit) {
      super(delegate);
      this.limit = limit;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, byteCount);
      if (read > 0 && (total += read) > limit) {
        throw new JsonDataException("response body exceeds " + limit + " bytes");
      }
      return read;
    }
  }
}
