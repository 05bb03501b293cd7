package dev.asanaconnector;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.ResponseBodies;
import dev.asanaconnector.http.ResponseTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends a request through the configured HTTP stack (which retries, authenticates, paces and reads the
 * body, see {@link dev.asanaconnector.http.HttpStack}) and turns the answer into a result or, through
 * {@link ApiErrors}, one of the connector's exceptions. Every call to Asana's API that returns JSON
 * comes through here: catalog actions, iterations and direct calls of generated APIs. It retries
 * nothing itself: the stack's retry loop is the only one.
 */
final class Transport {
  /** Reads a successful JSON body. */
  interface BodyReader<R> {
    R read(JsonReader reader) throws IOException;
  }

  private final Call.Factory client;
  private final ApiErrors errors;

  Transport(Call.Factory client, ApiErrors errors) {
    this.client = client;
    this.errors = errors;
  }

  /** Sends {@code request} and reads its JSON body with {@code reader}. */
  <R> R execute(Request request, BodyReader<R> reader) {
    return exchange(request, reader).bodyOrNull();
  }

  /** As {@link #execute}, keeping the status and headers. */
  <R> ApiResponse<R> exchange(Request request, BodyReader<R> reader) {
    try (Response response = send(request)) {
      BufferedSource source = response.body().source();
      if (!ResponseBodies.isJson(response.header("Content-Type"))) {
        MediaType type = response.body().contentType();
        throw errors.invalid(response, "Expected JSON from Asana but got "
            + (type == null ? "no content type" : type), head(source), null);
      }
      byte[] head = head(source);
      try {
        return new ApiResponse<>(response.code(), response.headers(), reader.read(JsonReader.of(source)));
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        throw errors.invalid(response, "Malformed JSON from Asana: " + e.getMessage(), head, e);
      } catch (IOException e) {
        throw ApiErrors.network(request, e); // not expected: the stack has read the body into memory
      }
    }
  }

  /**
   * Sends {@code request} and returns the successful response for the caller to read and close; an
   * error status is thrown as the matching exception.
   */
  Response send(Request request) {
    Call call = CallOptions.applyTo(client.newCall(request));
    Response response;
    try {
      response = call.execute();
    } catch (ResponseTooLargeException e) {
      throw errors.tooLarge(request, e);
    } catch (IOException e) {
      throw ApiErrors.network(request, e);
    }
    if (!response.isSuccessful()) {
      try (response) {
        throw errors.forStatus(response);
      }
    }
    return response;
  }

  /** The exception for an error response of any client (the download host's too). */
  AsanaException errorFor(Response response) {
    return errors.forStatus(response);
  }

  static NetworkException network(Request request, IOException e) {
    return ApiErrors.network(request, e);
  }

  /**
   * The first bytes of a body, copied (not decoded, not a {@code snapshot} sharing okio's segment) in
   * case they have to be quoted in an exception: the JSON reader consumes what it reads.
   */
  private static byte[] head(BufferedSource source) {
    try {
      source.request(ResponseBodies.HEAD_BYTES); // a no-op on the stack's in-memory bodies
      Buffer buffer = source.getBuffer();
      ByteArrayOutputStream head = new ByteArrayOutputStream(ResponseBodies.HEAD_BYTES);
      buffer.copyTo(head, 0, Math.min(ResponseBodies.HEAD_BYTES, buffer.size()));
      return head.toByteArray();
    } catch (IOException e) {
      return new byte[0]; // an excerpt is a courtesy
    }
  }
}
