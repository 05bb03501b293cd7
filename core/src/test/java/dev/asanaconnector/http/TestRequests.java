package dev.asanaconnector.http;

import dev.asanaconnector.auth.Credentials;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import mockwebserver3.MockWebServer;

/** Small helpers shared by the HTTP stack tests. */
final class TestRequests {
  static final String TOKEN = "pat-SECRET-0123456789";

  private TestRequests() {
  }

  /** Settings with a personal access token for {@code server}'s API and no client-side rate limits. */
  static HttpSettings.Builder settings(MockWebServer server) {
    return HttpSettings.builder().credentials(Credentials.personalAccessToken(TOKEN))
        .apiBaseUrl(server.url("/api/1.0/").toString()).rateLimits(RateLimits.unlimited());
  }

  static Request get(MockWebServer server, String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  static Request post(MockWebServer server, String path) {
    return new Request.Builder().url(server.url(path))
        .post(RequestBody.create("{\"data\":{\"name\":\"x\"}}", MediaType.get("application/json"))).build();
  }

  /** Executes {@code request}, applying its call options, and returns the status. */
  static int status(OkHttpClient client, Request request) throws IOException {
    try (Response response = CallOptions.applyTo(client.newCall(request)).execute()) {
      response.body().string();
      return response.code();
    }
  }
}
