package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import mockwebserver3.MockWebServer;

/** Shared set-up of the fault-injection suite: fast retry policies, clients on a sandbox, a wire recorder. */
final class Fixtures {
  /** Five attempts, backoff 10 to 50 ms: keeps the suite fast while exercising every retry path. */
  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(5).baseDelay(java.time.Duration.ofMillis(10))
      .maxDelay(java.time.Duration.ofMillis(50)).maxTotalTime(java.time.Duration.ofSeconds(20)).build();

  private Fixtures() {
  }

  /** A client on the sandbox with its token, {@link #FAST} retries and no client-side rate limits. */
  static AsanaClient.Builder client(AsanaSandbox sandbox) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().retryPolicy(FAST).rateLimits(RateLimits.unlimited());
    return builder;
  }

  /** One attempt as it went on the wire (seen by a network interceptor of the base client). */
  record Sent(long sentNanos, long answeredNanos, String method, String host, String path, String query,
      String range, boolean authorization, int status, String failure) {
  }

  /**
   * Records every attempt that reaches the network. Passed as the stack's base client, its network
   * interceptor runs below all of the connector's interceptors, once per attempt, for API calls and
   * downloads alike.
   */
  static final class Wire implements Interceptor {
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    OkHttpClient baseClient() {
      return new OkHttpClient.Builder().addNetworkInterceptor(this).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      long start = System.nanoTime();
      try {
        Response response = chain.proceed(request);
        sent.add(new Sent(start, System.nanoTime(), request.method(), request.url().host(),
            request.url().encodedPath(), request.url().encodedQuery(), request.header("Range"),
            request.header("Authorization") != null, response.code(), null));
        return response;
      } catch (IOException e) {
        sent.add(new Sent(start, System.nanoTime(), request.method(), request.url().host(),
            request.url().encodedPath(), request.url().encodedQuery(), request.header("Range"),
            request.header("Authorization") != null, -1, e.getClass().getSimpleName()));
        throw e;
      }
    }

    List<Sent> to(String pathPart) {
      return sent.stream().filter(s -> s.path().contains(pathPart)).toList();
    }
  }

  /**
   * A MockWebServer whose connections set TCP_NODELAY: it writes headers and body separately, so each
   * small response would otherwise wait ~40 ms for the client's delayed ACK.
   */
  static MockWebServer mockWebServer() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new ServerSocketFactory() {
      @Override
      public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
          @Override
          public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
          }
        };
      }

      @Override
      public ServerSocket createServerSocket(int port) throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        throw new UnsupportedOperationException();
      }
    });
    return server;
  }

  /** Fails when any of {@code outputs} contains any of {@code secrets}. */
  static void assertNoSecrets(Collection<String> outputs, String... secrets) {
    for (String output : outputs) {
      for (String secret : secrets) {
        assertFalse(output.contains(secret), () -> "secret '" + secret + "' leaked in: " + output);
      }
    }
  }
}
