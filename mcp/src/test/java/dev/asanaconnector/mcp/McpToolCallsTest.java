package dev.asanaconnector.mcp;

import static dev.asanaconnector.mcp.TestServers.errorLine;
import static dev.asanaconnector.mcp.TestServers.nextOffset;
import static dev.asanaconnector.mcp.TestServers.records;
import static dev.asanaconnector.mcp.TestServers.structured;
import static dev.asanaconnector.mcp.TestServers.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a tool call answers, against the sandbox without a transport: results within the output cap, the cut
 * at a record boundary that pages on exactly, attachment downloads, and failures as one-line error results.
 */
class McpToolCallsTest {
  private static AsanaSandbox sandbox;
  private static AsanaClient asana;

  @BeforeAll
  static void startSandbox() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    asana = TestServers.client(sandbox);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void aListWithinTheCapIsTheActionsResultAsStructuredContentAndText() {
    String project = sandbox.data().projectGids().get(0);
    Map<String, Object> params = Map.of("project_gid", project, "limit", 10);

    Map<?, ?> page = structured(call(asana::execute, TestServers.DEFAULT_CAP, "project_tasks_list", params));

    // The sandbox's offsets differ from call to call, like Asana's; the records do not.
    assertEquals(records((Map<?, ?>) asana.execute("project_tasks", "list", params)), records(page));
    assertEquals(10, records(page).size());
    assertNotNull(nextOffset(page));
  }

  @Test
  void aGetIsItsRecordUnderData() {
    String task = sandbox.data().taskGids(sandbox.data().projectGids().get(0)).get(3);

    Map<?, ?> result = structured(call(asana::execute, TestServers.DEFAULT_CAP, "tasks_get", Map.of("task_gid", task)));

    assertEquals(task, ((Map<?, ?>) result.get("data")).get("gid"));
    assertEquals(sandbox.data().task(task).name(), ((Map<?, ?>) result.get("data")).get("name"));
  }

  @Test
  void aListWithoutLimitIsAskedForInPagesOfAHundredAndAGetGetsNoLimit() {
    List<Map<String, Object>> seen = new ArrayList<>();
    ActionRunner recording = (entity, action, params) -> {
      seen.add(params);
      return action.equals("list") ? Map.of("data", List.of(), "meta", new LinkedHashMap<>()) : Map.of("gid", "1");
    };

    call(recording, TestServers.DEFAULT_CAP, "workspace_projects_list", Map.of("workspace_gid", "12"));
    call(recording, TestServers.DEFAULT_CAP, "workspace_projects_list", Map.of("workspace_gid", "12", "limit", 7));
    call(recording, TestServers.DEFAULT_CAP, "projects_get", Map.of("project_gid", "12"));

    assertEquals(100, seen.get(0).get("limit"));
    assertEquals(7, seen.get(1).get("limit"));
    assertFalse(seen.get(2).containsKey("limit"));
  }

  @Test
  void anOverlongPageIsCutAtARecordBoundaryAndNextPageContinuesRightAfterIt() {
    String project = sandbox.data().projectGids().get(1);
    List<String> expected = new ArrayList<>();
    for (TaskCompact task : asana.projectTasks().iterate(project)) {
      expected.add(task.getGid());
    }
    int cap = 5_000;

    List<String> paged = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>(Map.of("project_gid", project));
    int cuts = 0;
    while (true) {
      McpSchema.CallToolResult result = call(asana::execute, cap, "project_tasks_list", params);
      assertTrue(text(result).length() <= cap, "every answer stays under the cap: " + text(result).length());
      Map<?, ?> page = structured(result);
      records(page).forEach(record -> paged.add((String) ((Map<?, ?>) record).get("gid")));
      Object cut = ((Map<?, ?>) page.get("meta")).get("cut");
      if (cut != null) {
        cuts++;
        assertTrue(cut.toString().matches("output cut to \\d+ of \\d+ records to stay under 5000 characters; call "
            + "again with the same arguments and offset set to meta.next_page.offset for the rest"), cut.toString());
      }
      String offset = nextOffset(page);
      if (offset == null) {
        break;
      }
      params.put("offset", offset);
    }

    assertTrue(cuts > 0, "pages of 100 tasks do not fit 5,000 characters");
    assertEquals(expected, paged, "every task once, in order: no gap and no repeat at the cuts");
  }

  @Test
  void aRecordOverTheCapIsAnErrorSayingHowToAskForLess() {
    ActionRunner big = (entity, action, params) -> action.equals("get")
        ? Map.of("gid", "1", "notes", "x".repeat(3_000))
        : Map.of("data", List.of(Map.of("gid", "1", "notes", "x".repeat(3_000))), "meta", new LinkedHashMap<>());

    String get = errorLine(call(big, 2_000, "tasks_get", Map.of("task_gid", "1")));
    String list = errorLine(call(big, 2_000, "project_tasks_list", Map.of("project_gid", "1")));

    assertTrue(get.matches("tasks_get: the result is \\d+ characters, over the output cap of 2000; ask for fewer "
        + "fields with opt_fields"), get);
    assertEquals("project_tasks_list: the first record alone is over the output cap of 2000 characters; ask for "
        + "fewer fields with opt_fields", list);
  }

  @Test
  void aSmallAttachmentComesBackAsAnEmbeddedBase64Resource() {
    String attachment = attachment(size -> size <= 20_000);

    McpSchema.CallToolResult result = call(asana::execute, TestServers.DEFAULT_CAP, "attachments_download",
        Map.of("attachment_gid", attachment));

    Map<?, ?> record = (Map<?, ?>) structured(result).get("data");
    assertEquals(attachment, record.get("gid"));
    assertEquals((int) sandbox.data().attachmentSize(attachment), ((Number) record.get("bytes_returned")).intValue());
    McpSchema.EmbeddedResource embedded = assertInstanceOf(McpSchema.EmbeddedResource.class, result.content().get(1));
    McpSchema.BlobResourceContents blob = assertInstanceOf(McpSchema.BlobResourceContents.class, embedded.resource());
    assertArrayEquals(sandbox.data().attachmentBytes(attachment), Base64.getDecoder().decode(blob.blob()));
    assertEquals(record.get("mime_type"), blob.mimeType());
  }

  @Test
  void aLargeAttachmentIsRefusedNamingItsSizeAndTheLimitAndAPartCanBeFetched() {
    String attachment = attachment(size -> size > 200_000);
    long size = sandbox.data().attachmentSize(attachment);
    int before = sandbox.downloadRequestCount();

    String refused = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "attachments_download",
        Map.of("attachment_gid", attachment)));

    assertTrue(refused.contains(String.format(java.util.Locale.ROOT, "is %,d bytes", size)), refused);
    assertTrue(refused.contains("download limit of 75,000 bytes") && refused.contains("output cap of 100,000"),
        refused);
    assertTrue(refused.contains("range_header, e.g. 'bytes=0-74999'"), refused);
    assertEquals(before, sandbox.downloadRequestCount(), "refused from the attachment's size, before downloading");

    McpSchema.CallToolResult part = call(asana::execute, TestServers.DEFAULT_CAP, "attachments_download",
        Map.of("attachment_gid", attachment, "range_header", "bytes=0-999"));
    McpSchema.EmbeddedResource embedded = assertInstanceOf(McpSchema.EmbeddedResource.class, part.content().get(1));
    assertArrayEquals(sandbox.data().attachmentBytes(attachment, 0, 1000),
        Base64.getDecoder().decode(((McpSchema.BlobResourceContents) embedded.resource()).blob()));
  }

  @Test
  void badParametersAreOneLineNamingTheParameterAndWhatIsWrong() {
    String notAGid = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "tasks_get", Map.of("task_gid", "abc")));
    String unknown = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "tasks_get",
        Map.of("task_gid", "1", "colour", "red")));
    String missing = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "project_tasks_list", Map.of()));
    String limit = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "project_tasks_list",
        Map.of("project_gid", "1", "limit", 500)));

    assertEquals("invalid parameter task_gid: must be a gid (digits only), was 'abc'", notAGid);
    assertTrue(unknown.startsWith("invalid parameter colour: is not a parameter of tasks get; it takes: task_gid"),
        unknown);
    assertEquals("invalid parameter project_gid: is required for project_tasks list", missing);
    assertEquals("invalid parameter limit: must be between 1 and 100, was 500", limit);
  }

  @Test
  void asanasErrorsAreOneLineWithTheStatusAndAsanasMessage() {
    String notFound = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "tasks_get", Map.of("task_gid", "1")));
    sandbox.faults().serverErrors(1, 503);
    String unavailable = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "workspaces_list", Map.of()));

    assertTrue(notFound.startsWith("Asana answered HTTP 404 to GET /api/1.0/tasks/1: "), notFound);
    assertTrue(notFound.contains("Check the gid: no such object, or no access to it"), notFound);
    assertTrue(unavailable.startsWith("Asana answered HTTP 503 to GET /api/1.0/workspaces: "), unavailable);
    assertTrue(unavailable.contains("Asana failed: retry shortly"), unavailable);
  }

  @Test
  void aRateLimitSaysHowLongToWait() {
    // A client of its own: after a 429 the client holds back every request for the wait it was told.
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().retryPolicy(RetryPolicy.builder().maxAttempts(1).build());
    AsanaClient limited = builder.build();
    sandbox.faults().rateLimit429(1, Duration.ofSeconds(2));

    String fromAsana = errorLine(call(limited::execute, TestServers.DEFAULT_CAP, "workspaces_list", Map.of()));
    String fromAnyWait = errorLine(call((entity, action, params) -> {
      throw new RateLimitedException(429, List.of(), null, "GET", "/workspaces", Duration.ofMillis(29_500));
    }, TestServers.DEFAULT_CAP, "workspaces_list", Map.of()));

    assertEquals("rate limited by Asana, retry after 2 s", fromAsana);
    assertEquals("rate limited by Asana, retry after 30 s", fromAnyWait);
  }

  @Test
  void aNetworkFailureSaysSoAndToRetry() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/api/1.0/")
        .personalAccessToken("unused-token");
    builder.http().retryPolicy(RetryPolicy.none());

    String failure = errorLine(call(builder.build()::execute, TestServers.DEFAULT_CAP, "workspaces_list", Map.of()));

    assertTrue(failure.startsWith("network failure talking to Asana, retry later: "), failure);
  }

  @Test
  void noMessageShowsASecretOrAStackTrace() {
    String secret = "0/abcdef1234567890secret";
    ActionRunner leaky = (entity, action, params) -> {
      throw new NetworkException("proxy said: Authorization: Bearer " + secret + "\n\tat some.Frame(Frame.java:1)", null);
    };
    ActionRunner broken = (entity, action, params) -> {
      throw new IllegalStateException("bug with " + secret);
    };
    List<CatalogTool> tools = CatalogTools.from(AsanaClient.describe(), false, TestServers.DEFAULT_CAP);
    CatalogTool workspaces = tools.stream().filter(t -> t.name().equals("workspaces_list")).findFirst().orElseThrow();

    String masked = errorLine(new ToolCalls(leaky, TestServers.JSON, new ToolErrors(List.of(secret)),
        TestServers.DEFAULT_CAP).call(workspaces, Map.of()));
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    String internal;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      internal = errorLine(new ToolCalls(broken, TestServers.JSON, new ToolErrors(List.of(secret)),
          TestServers.DEFAULT_CAP).call(workspaces, Map.of()));
    } finally {
      System.setErr(stderr);
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("workspaces_list failed unexpectedly") && logged.contains("bug with [redacted]"),
        "the log says where it failed: " + logged);
    assertFalse(logged.contains(secret), logged);

    assertFalse(masked.contains(secret), masked);
    assertTrue(masked.contains("Bearer [redacted]"), masked);
    assertEquals("internal error in the MCP server (IllegalStateException); see its log", internal);
  }

  @Test
  void anExternalAttachmentSaysWhereItLives() {
    String external = sandbox.data().externalAttachmentGids().get(0);

    String refused = errorLine(call(asana::execute, TestServers.DEFAULT_CAP, "attachments_download",
        Map.of("attachment_gid", external)));

    assertTrue(refused.startsWith("Attachment " + external + " is hosted on '"), refused);
    assertTrue(refused.endsWith("it cannot be downloaded here"), refused);
  }

  /** Calls tool {@code name} of the catalog, answered by {@code runner}, with output capped at {@code cap}. */
  private static McpSchema.CallToolResult call(ActionRunner runner, int cap, String name, Map<String, Object> args) {
    CatalogTool tool = CatalogTools.from(AsanaClient.describe(), false, cap).stream()
        .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    return new ToolCalls(runner, TestServers.JSON, new ToolErrors(List.of(sandbox.token())), cap).call(tool, args);
  }

  private static String attachment(java.util.function.LongPredicate size) {
    return sandbox.data().downloadableAttachmentGids().stream()
        .filter(gid -> size.test(sandbox.data().attachmentSize(gid)))
        .findFirst().orElseThrow();
  }
}
