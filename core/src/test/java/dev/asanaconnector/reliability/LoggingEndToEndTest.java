package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxFaults.Target;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Point 8, through {@link AsanaClient} and the real logger {@code dev.asanaconnector.http}: one DEBUG
 * line per attempt (method, path, status, duration, attempt), redacted; one WARN per affected
 * {@code Asana-Change} name; and the library brings no SLF4J binding of its own.
 */
class LoggingEndToEndTest {
  private static final String LOGGER = "dev.asanaconnector.http";
  private static final String TOKEN = "logging-5ecret-token-0c1d";
  private static AsanaSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().token(TOKEN).build();
    sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<String> attemptLines(LogCapture logs) {
    return logs.texts(LOGGER, Level.DEBUG).stream().filter(text -> text.contains(" -> ")).toList();
  }

  @Test
  void oneDebugLinePerAttemptWithMethodPathStatusDurationAndAttempt() {
    String project = sandbox.data().projectGids().get(0);
    AsanaClient asana = Fixtures.client(sandbox).build();
    sandbox.faults().clear().serverErrors(1, 503);
    List<String> lines;
    try (LogCapture logs = LogCapture.start()) {
      asana.projects().get(project);
      lines = attemptLines(logs);
      Fixtures.assertNoSecrets(logs.lines().stream().map(LogCapture.Line::toString).toList(), TOKEN, "Bearer");
    }
    String attempt = "GET 127\\.0\\.0\\.1/api/1\\.0/projects/" + project + "(\\?\\S*)? -> %d in \\d+ ms \\(attempt %d\\)";
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches(String.format(attempt, 503, 1)), lines.get(0));
    assertTrue(lines.get(1).matches(String.format(attempt, 200, 2)), lines.get(1));
  }

  @Test
  void downloadsAreLoggedWithoutTheirSignedQuery() {
    AsanaClient asana = Fixtures.client(sandbox).build();
    String attachment = sandbox.data().downloadableAttachmentGids().get(0);
    sandbox.faults().clear().cutConnections(1, Target.DOWNLOAD);
    List<String> lines;
    try (LogCapture logs = LogCapture.start()) {
      asana.attachments().download(attachment).writeTo(new ByteArrayOutputStream());
      lines = attemptLines(logs);
    }
    List<String> files = lines.stream().filter(line -> line.contains("/files/")).toList();
    assertEquals(2, files.size(), "the cut request and the resume: " + lines);
    assertTrue(files.stream().allMatch(line -> line.matches("GET \\S+/files/" + attachment + "/\\S+ -> 20[06] in \\d+ ms "
        + "\\(attempt 1\\)")), files.toString());
    assertTrue(lines.stream().noneMatch(line -> line.contains("sig=") || line.contains("expires=")), lines.toString());
  }

  @Test
  void oneWarningPerAffectingAsanaChange() throws Exception {
    String info = "info=https://forum.asana.com/t/change";
    try (MockWebServer server = Fixtures.mockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"data\":{\"gid\":\"5\",\"name\":\"Acme\"}}")
              .addHeader("Asana-Change", "name=new_memberships;" + info + ";affected=true,name=harmless;" + info)
              .addHeader("Asana-Change", "name=string_ids;" + info + ";affected=true").build();
        }
      });
      server.start();
      AsanaClient asana = AsanaClient.builder().baseUrl(server.url("/api/1.0/").toString())
          .personalAccessToken(TOKEN).build();
      List<String> warnings;
      try (LogCapture logs = LogCapture.start()) {
        for (int i = 0; i < 5; i++) {
          asana.workspaces().get("5");
        }
        warnings = logs.texts(LOGGER, Level.WARN);
      }
      assertEquals(2, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("'new_memberships'") && warnings.get(0).contains("https://forum.asana.com/t/change"),
          warnings.get(0));
      assertTrue(warnings.get(1).contains("'string_ids'"), warnings.get(1));
    }
  }

  @Test
  void theLibraryShipsNoSlf4jBinding() throws Exception {
    List<URL> providers = Collections.list(getClass().getClassLoader()
        .getResources("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
    // Only this suite's recording provider, from the test classes: nothing from core or its dependencies.
    assertEquals(1, providers.size(), providers.toString());
    assertTrue(Pattern.compile("test-classes").matcher(providers.get(0).toString()).find(), providers.toString());
    assertTrue(providers.stream().noneMatch(url -> url.getProtocol().equals("jar")), providers.toString());
  }
}
