package dev.asanaconnector;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs a call of a generated API with the connector's error handling: an error status becomes the
 * matching {@link AsanaApiException}, a body that is not the expected JSON an
 * {@link InvalidResponseException}, an I/O failure a {@link NetworkException}.
 */
final class GeneratedCalls {
  private final Transport transport;

  GeneratedCalls(Transport transport) {
    this.transport = transport;
  }

  <T> ApiResponse<T> execute(Call<T> call) {
    Objects.requireNonNull(call, "call");
    Request request = call.request();
    Response<T> response;
    try {
      response = call.execute();
    } catch (JsonDataException | JsonEncodingException | EOFException e) {
      // Retrofit parses only 2xx bodies and does not hand the response over when parsing fails.
      throw new InvalidResponseException("Malformed JSON from Asana for " + Transport.describe(request) + ": "
          + e.getMessage(), 200, "", request.method(), request.url().encodedPath(), e);
    } catch (IOException e) {
      throw Transport.network(request, e);
    }
    if (!response.isSuccessful()) {
      ResponseBody error = response.errorBody() != null ? response.errorBody() : ResponseBody.create("", null);
      try (error) {
        throw transport.errorFor(response.raw().newBuilder().body(error).build());
      }
    }
    return new ApiResponse<>(response.code(), response.headers(), response.body());
  }
}
