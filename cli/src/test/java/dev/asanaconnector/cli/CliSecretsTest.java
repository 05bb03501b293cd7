package dev.asanaconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point 7 for the command line: whatever happens (success, writes and dry runs, API errors, retries, rate
 * limits, a proxy that echoes the request, bad usage), the token given by {@code --token} or {@code ASANA_TOKEN} appears on
 * neither stdout nor stderr.
 */
class CliSecretsTest {
  private static final String TOKEN = "cli-5ecret-pat-1/9876543210:e3b0c44298fc1c14";
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private final List<String> outputs = new ArrayList<>();

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().token(TOKEN).build();
    sandbox.start();
    data = sandbox.data();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  /** Runs the command, keeps its stdout and stderr for the search, returns the exit status. */
  private int run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AsanaCli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), env, true);
    outputs.add(out.toString(StandardCharsets.UTF_8));
    outputs.add(err.toString(StandardCharsets.UTF_8));
    return status;
  }

  private int api(String... words) {
    List<String> args = new ArrayList<>(List.of("--base-url", sandbox.baseUrl().toString(), "--token", TOKEN));
    args.addAll(List.of(words));
    return run(Map.of(), args.toArray(new String[0]));
  }

  private int viaEnv(String token, String... words) {
    List<String> args = new ArrayList<>(List.of("--base-url", sandbox.baseUrl().toString()));
    args.addAll(List.of(words));
    return run(Map.of("ASANA_TOKEN", token), args.toArray(new String[0]));
  }

  private String lastStderr() {
    return outputs.get(outputs.size() - 1);
  }

  private void assertNoTokenAnywhere() {
    assertTrue(outputs.size() >= 2);
    for (String output : outputs) {
      assertFalse(output.contains(TOKEN), () -> "the token leaked in: " + output);
      assertFalse(output.contains("5ecret"), () -> "part of the token leaked in: " + output);
      assertFalse(output.contains("\tat "), () -> "a stack trace: " + output);
    }
  }

  @Test
  void noTokenInAnyOutputOfSuccessesAndFailures(@TempDir Path dir) throws IOException {
    String project = data.projectGids().get(0);
    String attachment = data.downloadableAttachmentGids().get(0);
    assertEquals(0, api("--all", "--jsonl", "project_tasks", "list", "--project_gid", project, "--limit", "50"));
    assertEquals(0, viaEnv(TOKEN, "users", "get", "--user_gid", "me"));
    assertEquals(0, api("attachments", "download", "--attachment_gid", attachment));
    assertEquals(0, api("--output", dir.resolve("f.bin").toString(), "attachments", "download", "--attachment_gid",
        attachment));
    assertEquals(data.attachmentSize(attachment), Files.size(dir.resolve("f.bin")));

    sandbox.faults().serverErrors(1, 503).cutConnections(1);
    assertEquals(0, api("projects", "get", "--project_gid", project), lastStderr());
    sandbox.faults().clear().rateLimit429(100, Duration.ZERO);
    assertEquals(1, api("projects", "get", "--project_gid", project));
    assertTrue(lastStderr().startsWith("asana: HTTP 429: "), lastStderr());
    sandbox.faults().clear();

    assertEquals(0, api("tasks", "create", "--workspace", data.workspaceGid(), "--name", "No secrets here"));
    assertEquals(0, api("--dry-run", "tasks", "update", "--task_gid", "1", "--due_on", "null"));
    assertEquals(0, viaEnv(TOKEN, "--dry-run", "tasks", "delete", "--task_gid", "1"));
    assertEquals(1, api("tasks", "delete", "--task_gid", "999999999"));
    assertTrue(lastStderr().startsWith("asana: HTTP 404: "), lastStderr());
    assertEquals(1, api("tasks", "get", "--task_gid", "999999999"));
    assertTrue(lastStderr().startsWith("asana: HTTP 404: "), lastStderr());
    assertEquals(1, viaEnv("wrong-" + TOKEN, "workspaces", "list"));
    assertTrue(lastStderr().startsWith("asana: HTTP 401: "), lastStderr());
    assertEquals(2, api("tasks", "get", "--task_gid", "../users/me"));
    assertEquals(2, api("projects", "list", "--colour", "red"));
    assertEquals(2, run(Map.of(), "--token", TOKEN, "--base-url", "http://asana.example.com/api/1.0/",
        "workspaces", "list"));
    assertTrue(lastStderr().startsWith("asana: base-url: "), lastStderr());
    assertEquals(2, run(Map.of(), "--token", TOKEN + "\n", "workspaces"));
    assertEquals(0, run(Map.of("ASANA_TOKEN", TOKEN), "--help"));
    assertNoTokenAnywhere();
  }

  @Test
  void aTokenWithControlCharactersIsNamedAndNotEchoed() {
    assertEquals(2, run(Map.of(), "--base-url", sandbox.baseUrl().toString(), "--token", "cli-5ecret\r\nX: y",
        "workspaces", "list"));
    assertTrue(lastStderr().startsWith("asana: token: "), lastStderr());
    assertEquals(1, lastStderr().lines().count());
    assertNoTokenAnywhere();
  }

  @Test
  void aProxyThatEchoesTheRequestHeadersCannotPutTheTokenOnStderr() throws IOException {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          String echo = "<html><body>Bad gateway. You sent: Authorization: " + request.getHeaders().get("Authorization")
              + "</body></html>";
          boolean ok = request.getTarget().contains("/workspaces");
          return new MockResponse.Builder().code(ok ? 200 : 403).setHeader("Content-Type", "text/html")
              .body(echo).build();
        }
      });
      proxy.start();
      String base = proxy.url("/api/1.0/").toString();
      assertEquals(1, run(Map.of(), "--base-url", base, "--token", TOKEN, "workspaces", "list"));
      assertTrue(lastStderr().contains("Authorization: Bearer"), lastStderr());
      assertEquals(1, run(Map.of("ASANA_TOKEN", TOKEN), "--base-url", base, "projects", "get", "--project_gid", "1"));
      assertTrue(lastStderr().startsWith("asana: HTTP 403: "), lastStderr());
    }
    assertNoTokenAnywhere();
  }
}
