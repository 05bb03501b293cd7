package dev.asanaconnector.auth;

import com.squareup.moshi.JsonReader;
import dev.asanaconnector.AsanaError;
import dev.asanaconnector.UnauthorizedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Exchanges a refresh token for a new access token at an OAuth 2 token endpoint. */
final class OAuthTokenEndpoint {
  /** A token response is a few hundred bytes; more than this is not one. */
  private static final long MAX_BODY_BYTES = 64 * 1024;

  /** What the endpoint granted. */
  record Grant(String accessToken, Duration expiresIn, String refreshToken) {
  }

  private final OkHttpClient client;
  private final OAuth2Credentials config;

  OAuthTokenEndpoint(OkHttpClient client, OAuth2Credentials config) {
    this.client = client;
    this.config = config;
  }

  /**
   * POSTs {@code grant_type=refresh_token}.
   *
   * @throws UnauthorizedException the endpoint refused the credentials (HTTP 400 or 401, e.g.
   *     {@code invalid_grant}); the message carries its error code and description, never a secret
   * @throws IOException the endpoint could not be reached or answered something else
   */
  Grant refresh(String refreshToken) throws IOException {
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
    try (Response response = client.newCall(request).execute()) {
      TokenResponse body = TokenResponse.parse(readBounded(response.body()));
      int status = response.code();
      if (response.isSuccessful() && body.accessToken != null && !body.accessToken.isBlank()) {
        return new Grant(body.accessToken, body.expiresIn, body.refreshToken);
      }
      String detail = body.describeError(refreshToken, config.clientSecret());
      if (status == 400 || status == 401) {
        String requestId = response.header("X-Request-Id", response.header("X-Asana-Request-Id"));
        throw new UnauthorizedException(status, List.of(new AsanaError("OAuth token refresh failed: " + detail,
            null, null)), requestId, request.method(), request.url().encodedPath());
      }
      if (response.isSuccessful()) {
        throw new IOException("OAuth token endpoint answered HTTP " + status + " without an access_token");
      }
      throw new IOException("OAuth token endpoint answered HTTP " + status + ": " + detail);
    }
  }

  private static String readBounded(ResponseBody body) throws IOException {
    BufferedSource source = body.source();
    source.request(MAX_BODY_BYTES);
    Buffer buffer = source.getBuffer();
    return buffer.snapshot((int) Math.min(MAX_BODY_BYTES, buffer.size())).string(StandardCharsets.UTF_8);
  }

  /** The fields of a token endpoint's JSON answer, success or error; absent fields stay null. */
  private static final class TokenResponse {
    String accessToken;
    Duration expiresIn;
    String refreshToken;
    String error;
    String errorDescription;

    static TokenResponse parse(String text) {
      TokenResponse parsed = new TokenResponse();
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
      } catch (IOException | RuntimeException notJson) {
        // An HTML error page or a truncated body: whatever was read so far is all there is.
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

    String describeError(String... secrets) {
      if (error == null) {
        return "no OAuth error code in the response";
      }
      String text = errorDescription == null ? error : error + " (" + errorDescription + ")";
      return Secrets.scrub(text, secrets);
    }
  }
}
