package dev.asanaconnector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer that answers with a function of the request and records every request. */
final class RecordingServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, MockResponse> answer = r -> json(200, "{\"data\":{}}");

  RecordingServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return answer.apply(request);
      }
    });
    server.start();
  }

  void answer(Function<RecordedRequest, MockResponse> function) {
    this.answer = function;
  }

  String baseUrl() {
    return server.url("/api/1.0/").toString();
  }

  AsanaClient client() {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(baseUrl()).personalAccessToken("test-token-123");
    builder.http().retryPolicy(dev.asanaconnector.http.RetryPolicy.none());
    return builder.build();
  }

  RecordedRequest last() {
    return requests.get(requests.size() - 1);
  }

  List<RecordedRequest> all() {
    return new ArrayList<>(requests);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json; charset=UTF-8")
        .setHeader("X-Request-Id", "req-42")
        .body(body).build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
