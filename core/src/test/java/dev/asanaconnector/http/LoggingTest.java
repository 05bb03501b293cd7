package dev.asanaconnector.http;

import static dev.asanaconnector.http.TestRequests.TOKEN;
import static dev.asanaconnector.http.TestRequests.get;
import static dev.asanaconnector.http.TestRequests.settings;
import static dev.asanaconnector.http.TestRequests.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LoggingTest {
  private MockWebServer server;
  private final CapturingLogger log = new CapturingLogger();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private HttpSettings fastRetries() {
    return settings(server).retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10))
        .maxDelay(Duration.ofMillis(10)).build()).build();
  }

  @Test
  void logsEachAttemptWithoutTheToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    OkHttpClient client = HttpStack.newClient(fastRetries(), log);
    assertEquals(200, status(client, get(server, "/api/1.0/tasks?opt_fields=name")));

    List<String> attempts = log.texts(Level.DEBUG).stream().filter(text -> text.contains(" -> ")).toList();
    assertEquals(2, attempts.size(), attempts.toString());
    String expected = "GET \\S+/api/1\\.0/tasks\\?opt_fields=name -> %d in \\d+ ms \\(attempt %d\\)";
    assertTrue(attempts.get(0).matches(String.format(expected, 503, 1)), attempts.get(0));
    assertTrue(attempts.get(1).matches(String.format(expected, 200, 2)), attempts.get(1));
    for (CapturingLogger.Line line : log.lines()) {
      assertFalse(line.text().contains(TOKEN), line.text());
      assertFalse(line.text().contains("Bearer"), line.text());
    }
  }

  @Test
  void logsAFailedAttemptWithTheExceptionType() throws Exception {
    server.enqueue(new MockResponse.Builder().onRequestStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    status(HttpStack.newClient(fastRetries(), log), get(server, "/api/1.0/projects"));
    List<String> debug = log.texts(Level.DEBUG);
    String failed = "GET \\S+/api/1\\.0/projects -> \\w+Exception after \\d+ ms \\(attempt 1\\)";
    assertTrue(debug.stream().anyMatch(text -> text.matches(failed)), debug.toString());
  }

  @Test
  void theUnauthenticatedClientLogsNoQuery() throws Exception {
    server.enqueue(new MockResponse.Builder().body("file").build());
    OkHttpClient client = HttpStack.newUnauthenticatedClient(fastRetries(), log);
    status(client, get(server, "/bucket/file.pdf?X-Amz-Signature=s3cr3t"));
    List<String> debug = log.texts(Level.DEBUG);
    assertTrue(debug.stream().anyMatch(text -> text.contains("/bucket/file.pdf -> 200")), debug.toString());
    assertTrue(debug.stream().noneMatch(text -> text.contains("s3cr3t")), debug.toString());
  }

  @Test
  void warnsOncePerAsanaChangeThatAffectsTheApp() throws Exception {
    String info = "info=https://forum.asana.com/change";
    MockResponse both = new MockResponse.Builder().body("{}")
        .addHeader("Asana-Change", "name=new_goal_memberships;" + info + ";affected=true,"
            + "name=new_user_task_lists;" + info).build();
    server.enqueue(both);
    server.enqueue(both); // immutable in MockWebServer 3: enqueued twice
    server.enqueue(new MockResponse.Builder().body("{}")
        .addHeader("Asana-Change", "name=new_goal_memberships;" + info + ";affected=true")
        .addHeader("Asana-Change", "name=string_ids;" + info + ";affected=true").build());
    OkHttpClient client = HttpStack.newClient(settings(server).build(), log);
    for (int i = 0; i < 3; i++) {
      status(client, get(server, "/api/1.0/goals"));
    }
    List<String> warnings = log.texts(Level.WARN);
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("'new_goal_memberships'")
        && warnings.get(0).contains("https://forum.asana.com/change"), warnings.get(0));
    assertTrue(warnings.get(1).contains("'string_ids'"), warnings.get(1));
  }
}
