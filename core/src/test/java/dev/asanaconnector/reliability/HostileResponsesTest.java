package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaApiException;
import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.InvalidResponseException;
import dev.asanaconnector.Params;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Point 6: whatever comes back, the caller gets one of the connector's exceptions with the status and a
 * short excerpt, never a parser's stack trace or an OutOfMemoryError; an iteration stops with it and keeps
 * what it delivered. (ErrorMappingTest covers the common malformed bodies on a single get; these are the
 * nastier ones, on every read path.)
 */
class HostileResponsesTest {
  private static final String TOKEN = "hostile-suite-token-7f3a";
  private static MockWebServer server;
  private static volatile Supplier<MockResponse> answer;

  @BeforeAll
  static void start() throws IOException {
    server = Fixtures.mockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.get();
      }
    });
    server.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static AsanaClient client(String baseUrl) {
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(baseUrl).personalAccessToken(TOKEN);
    builder.http().retryPolicy(RetryPolicy.none());
    return builder.build();
  }

  private static AsanaClient client() {
    return client(server.url("/api/1.0/").toString());
  }

  private static MockResponse body(int status, String type, String body) {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
    return (type == null ? response.removeHeader("Content-Type") : response.setHeader("Content-Type", type)).build();
  }

  static Stream<Arguments> hostileBodies() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    return Stream.of(
        Arguments.of("truncated JSON", body(200, "application/json", "{\"data\":[{\"gid\":\"1\"},{\"gid\":")),
        Arguments.of("HTML from a proxy, as JSON", body(200, "application/json",
            "<!DOCTYPE html><html><body><h1>Gateway</h1></body></html>")),
        Arguments.of("HTML with its own type", body(200, "text/html; charset=utf-8", "<html><p>Sign in</p></html>")),
        Arguments.of("no content type", body(200, null, "{\"data\":[]}")),
        Arguments.of("plain text", body(200, "text/plain", "OK")),
        Arguments.of("empty body", body(200, "application/json", "")),
        Arguments.of("JSON array instead of an object", body(200, "application/json", "[1,2,3]")),
        Arguments.of("data of the wrong type", body(200, "application/json", "{\"data\":\"everything\"}")),
        Arguments.of("records of the wrong type", body(200, "application/json", "{\"data\":[1,2]}")),
        Arguments.of("nesting 5000 deep", body(200, "application/json", "{\"data\":" + deep + "}")),
        Arguments.of("invalid UTF-8", new MockResponse.Builder().setHeader("Content-Type", "application/json")
            .body(new Buffer().writeUtf8("{\"data\":[{\"gid\":\"").write(new byte[] {(byte) 0xC3, (byte) 0x28})
                .writeUtf8("\"}]")).build()),
        Arguments.of("declared 200 MB", body(200, "application/json", "{\"data\":[]}")
            .newBuilder().setHeader("Content-Length", "200000000").build()),
        Arguments.of("NUL bytes", body(200, "application/json", "\u0000\u0000\u0000\u0000")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void everyReadPathTurnsAHostileBodyIntoATypedExceptionWithStatusAndExcerpt(String name, MockResponse response) {
    answer = () -> response; // immutable in MockWebServer 3: the same response serves every request
    AsanaClient asana = client();
    List<AsanaException> failures = new ArrayList<>();
    failures.add(assertThrows(AsanaException.class, () -> asana.projectTasks().list("1", Params.none()), "list"));
    failures.add(assertThrows(AsanaException.class, () -> asana.projectTasks().iterate("1", Params.none())
        .iterator().hasNext(), "iterate"));
    failures.add(assertThrows(AsanaException.class,
        () -> asana.execute("project_tasks", "list", Map.of("project_gid", "1")), "execute list"));
    failures.add(assertThrows(AsanaException.class,
        () -> asana.execute("projects", "get", Map.of("project_gid", "1")), "execute get"));
    failures.add(assertThrows(AsanaException.class, () -> asana.projects().get("1"), "get"));
    for (AsanaException e : failures) {
      assertWellFormed(e, 200);
    }
  }

  static void assertWellFormed(AsanaException e, int status) {
    String message = e.getMessage();
    assertTrue(e instanceof InvalidResponseException || e instanceof AsanaApiException, e.toString());
    if (e instanceof InvalidResponseException invalid) {
      assertEquals(status, invalid.status());
      assertTrue(invalid.excerpt().length() <= 121, "a short excerpt: " + invalid.excerpt());
    }
    assertTrue(message.contains("HTTP " + status), message);
    // Bounded: at most a parser's JSON path (255 levels deep at most) besides the excerpt.
    assertTrue(message.length() < 1200, "a bounded message: " + message.length() + " chars");
    assertFalse(message.contains("\n") || message.contains("\tat "), "one line, no stack trace: " + message);
    assertFalse(message.contains(TOKEN));
  }

  @Test
  void anHtmlErrorPageOnAnErrorStatusKeepsStatusAndExcerpt() {
    answer = () -> body(504, "text/html", "<html><head><title>504 Gateway Time-out</title></head>"
        + "<body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>");
    AsanaApiException e = assertThrows(AsanaApiException.class, () -> client().projects().get("1"));
    assertEquals(504, e.status());
    assertTrue(e.getMessage().contains("504 Gateway Time-out"), e.getMessage());
    assertWellFormed(e, 504);
  }

  @Test
  void anEndlessResponseIsCutOffAtTheLimitWithoutExhaustingMemory() throws Exception {
    AtomicInteger servedMiB = new AtomicInteger();
    try (ServerSocket endless = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> serveEndlessJson(endless, servedMiB), "endless-json");
      serving.setDaemon(true);
      serving.start();
      AsanaClient asana = client("http://127.0.0.1:" + endless.getLocalPort() + "/api/1.0/");
      InvalidResponseException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(InvalidResponseException.class, () -> asana.projects().get("1")));
      assertWellFormed(e, 200);
      assertTrue(e.getMessage().contains("larger than the " + (64 << 20) + " bytes"), e.getMessage());
      assertTrue(servedMiB.get() >= 64 && servedMiB.get() < 1024, "the client stopped reading after "
          + servedMiB.get() + " MiB");
    }
  }

  /** Answers one request with a 200 JSON body that never ends: {@code {"data":} and then spaces, chunked. */
  private static void serveEndlessJson(ServerSocket listener, AtomicInteger servedMiB) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      int last = 0;
      for (int matched = 0; matched < 4; ) { // read the request head up to CRLF CRLF
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == '\r' || b == '\n') && (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        last = b;
      }
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "9\r\n{\"data\": \r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      byte[] head = (Integer.toHexString(spaces.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      while (servedMiB.get() < 1024) {
        out.write(head);
        out.write(spaces);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        servedMiB.incrementAndGet();
      }
    } catch (IOException clientHungUp) {
      // expected: the client stops reading at its limit
    }
  }

  @Test
  void anIterationStopsAtAHostilePageKeepingWhatItDelivered() {
    AtomicInteger pages = new AtomicInteger();
    answer = () -> {
      int page = pages.getAndIncrement();
      if (page < 2) {
        String records = IntStream.range(page * 10, page * 10 + 10).mapToObj(i -> "{\"gid\":\"" + (100 + i) + "\"}")
            .collect(Collectors.joining(","));
        return body(200, "application/json; charset=UTF-8", "{\"data\":[" + records
            + "],\"next_page\":{\"offset\":\"o" + (page + 1) + "\",\"path\":\"/p\",\"uri\":\"http://x/p\"}}");
      }
      return body(200, "text/html", "<html><body>Please sign in to continue</body></html>");
    };
    List<String> delivered = new ArrayList<>();
    Iterator<TaskCompact> tasks = client().projectTasks().iterate("1", Params.builder().limit(10).build()).iterator();
    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> {
      while (tasks.hasNext()) {
        delivered.add(tasks.next().getGid());
      }
    });
    assertWellFormed(e, 200);
    assertTrue(e.excerpt().contains("Please sign in"), e.excerpt());
    assertEquals(IntStream.range(100, 120).mapToObj(String::valueOf).toList(), delivered);
  }
}
