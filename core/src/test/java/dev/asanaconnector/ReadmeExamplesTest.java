package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.generated.model.CreateTask201Response;
import dev.asanaconnector.generated.model.CreateTaskRequest;
import dev.asanaconnector.generated.model.GetTask200Response;
import dev.asanaconnector.generated.model.ProjectCompact;
import dev.asanaconnector.generated.model.TagResponse;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskCreateRequest;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples, word for word (checked by {@link #everyReadmeExampleIsInThisTestVerbatim}),
 * compiled and run against the sandbox so they cannot rot; the variables they use are set to the sandbox's
 * URL, token and gids. Only the client for app.asana.com ({@link #productionClient}) is compiled, not run.
 */
class ReadmeExamplesTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
    asana = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString()).personalAccessToken(sandbox.token()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Every Java example of the README appears in this file verbatim (up to its indentation). */
  @Test
  void everyReadmeExampleIsInThisTestVerbatim() throws IOException {
    Path root = Path.of(System.getProperty("asana.root", "..")).toAbsolutePath().normalize();
    List<String> readme = Files.readAllLines(root.resolve("README.md"));
    List<List<String>> sources = new ArrayList<>();
    for (String test : List.of("ReadmeExamplesTest.java", "ReadmeFollowingChangesTest.java")) {
      sources.add(Files.readAllLines(root.resolve("core/src/test/java/dev/asanaconnector/" + test)));
    }
    List<List<String>> snippets = new ArrayList<>();
    List<String> current = null;
    for (String line : readme) {
      if (line.equals("```java")) {
        current = new ArrayList<>();
      } else if (line.equals("```") && current != null) {
        snippets.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    assertTrue(snippets.size() >= 9, "the README's Java examples: " + snippets.size());
    for (List<String> snippet : snippets) {
      assertTrue(sources.stream().anyMatch(source -> containsIndented(source, snippet)),
          "README example not in ReadmeExamplesTest or ReadmeFollowingChangesTest:\n"
          + String.join("\n", snippet));
    }
  }

  /** Whether {@code lines} appear consecutively in {@code source}, each with one common indentation. */
  private static boolean containsIndented(List<String> source, List<String> lines) {
    for (int start = 0; start + lines.size() <= source.size(); start++) {
      String first = source.get(start);
      if (!first.endsWith(lines.get(0)) || !first.substring(0, first.length() - lines.get(0).length()).isBlank()) {
        continue;
      }
      String indent = first.substring(0, first.length() - lines.get(0).length());
      boolean all = true;
      for (int i = 1; i < lines.size() && all; i++) {
        String line = source.get(start + i);
        all = lines.get(i).isEmpty() ? line.isBlank() : line.equals(indent + lines.get(i));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** README "Using the connector", first part: compiled only, since it builds a client for app.asana.com. */
  static AsanaClient productionClient() {
    // README: Using the connector
    AsanaClient asana = AsanaClient.builder()
        .personalAccessToken(System.getenv("ASANA_TOKEN"))
        .build();
    return asana;
  }

  @Test
  void usingTheConnector() {
    String projectGid = data.projectGids().get(0);
    StringBuilder expected = new StringBuilder();
    asana.projectTasks().iterate(projectGid, Params.builder().limit(37).build())
        .forEach(t -> expected.append(t.getName()).append(System.lineSeparator()));
    int before = sandbox.requestCount();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // README: Using the connector, iteration
      for (TaskCompact task : asana.projectTasks().iterate(projectGid)) {
        System.out.println(task.getName());
      }
    } finally {
      System.setOut(console);
    }

    int tasks = data.taskGids(projectGid).size();
    assertTrue(tasks > 100, "more than one page");
    assertEquals(expected.toString(), printed.toString(StandardCharsets.UTF_8));
    assertEquals((tasks + 99) / 100, sandbox.requestCount() - before, "pages of 100");
  }

  @Test
  void pagesAndIteration() {
    String workspaceGid = data.workspaceGid();
    String projectGid = data.projectGids().get(0);

    List<String> names = new ArrayList<>();

    // README: Pagination
    Page<ProjectCompact> page = asana.projects().list(Params.builder().workspace(workspaceGid).limit(5).build());
    if (page.hasNext()) {
      page = asana.projects().list(Params.builder().workspace(workspaceGid).limit(5)
          .offset(page.nextPage().orElseThrow().offset()).build());
    }
    for (TaskCompact task : asana.projectTasks().iterate(projectGid, Params.builder().limit(100).build())) {
      names.add(task.getName() + " by " + task.getCreatedBy().getGid());
    }
    long milestones = asana.projectTasks().iterate(projectGid, Params.builder().limit(50).maxItems(1000).build())
        .stream().filter(t -> t.getResourceSubtype() == TaskCompact.ResourceSubtypeEnum.MILESTONE).count();

    assertEquals(5, page.data().size());
    assertEquals(data.taskGids(projectGid).size(), names.size());
    assertEquals(asana.projectTasks().iterate(projectGid).stream()
        .filter(t -> t.getResourceSubtype() == TaskCompact.ResourceSubtypeEnum.MILESTONE).count(), milestones);
  }

  @Test
  void writing(@TempDir Path dir) throws IOException {
    String workspaceGid = data.workspaceGid();
    String projectGid = data.projectGids().get(0);
    String otherProjectGid = data.projectGids().get(1);
    String sectionGid = data.sectionGids(otherProjectGid).get(0);
    String doneSectionGid = data.sectionGids(otherProjectGid).get(1);
    Files.write(dir.resolve("plan.pdf"), new byte[] {'%', 'P', 'D', 'F'});

    // README: Writing to Asana
    TaskResponse task = asana.tasks().create(TaskCreate.builder()
        .workspace(workspaceGid)
        .name("Write the launch plan")
        .projects(List.of(projectGid))
        .dueOn(LocalDate.of(2030, 1, 31))
        .build());
    TaskResponse changed = asana.tasks().update(task.getGid(), TaskUpdate.builder()
        .notes("First draft attached")
        .clearDueOn()                  // sent as null: the due date is removed; fields not set stay as they are
        .build());
    asana.taskStories().create(task.getGid(), StoryCreate.builder().text("Ready for review").build());
    TagResponse urgent = asana.workspaceTags().create(workspaceGid,
        TagCreate.builder().name("urgent").color(Color.LIGHT_RED).build());
    asana.taskTags().add(task.getGid(), urgent.getGid());
    asana.taskProjects().add(task.getGid(), otherProjectGid, TaskPosition.inSection(sectionGid));
    asana.taskProjects().remove(task.getGid(), projectGid);     // moved to the other project
    asana.sectionTasks().add(doneSectionGid, task.getGid());    // and within it, to another section
    AttachmentResponse plan = asana.attachments().upload(task.getGid(), dir.resolve("plan.pdf"));
    asana.tasks().delete(task.getGid());

    assertEquals(LocalDate.of(2030, 1, 31), task.getDueOn());
    assertEquals(null, changed.getDueOn());
    assertEquals("Write the launch plan", changed.getName(), "the name was left unchanged");
    assertEquals("First draft attached", changed.getNotes());
    assertEquals("plan.pdf", plan.getName());
    assertEquals(4, (int) plan.getSize());
    assertEquals(List.of(), asana.tagTasks().list(urgent.getGid()).data(), "the deleted task left its tag");
    assertThrows(NotFoundException.class, () -> asana.tasks().get(task.getGid()));
  }

  @Test
  void executeAndDescribe() {
    String workspaceGid = data.workspaceGid();

    // README: The generic entry point
    Map<?, ?> result = (Map<?, ?>) asana.execute("workspace_task_search", "list",
        Map.of("workspace_gid", workspaceGid, "text", "a", "completed", "false", "limit", 10));
    List<?> records = (List<?>) result.get("data");
    Object nextPage = ((Map<?, ?>) result.get("meta")).get("next_page");
    String toolsJson = AsanaClient.describeJson();

    assertFalse(records.isEmpty());
    assertEquals(null, nextPage);
    assertTrue(toolsJson.contains("\"workspace_task_search_list\""));
  }

  @Test
  void typedSearch() {
    String workspaceGid = data.workspaceGid();
    String userGid = data.userGids().get(0);

    int all = 0;

    // README: Workspace task search
    TaskSearch search = TaskSearch.builder()
        .completed(false)
        .assigneeAny(userGid)
        .dueOnBefore(LocalDate.of(2030, 1, 1))
        .build();
    Page<TaskCompact> first100 = asana.workspaceTaskSearch().list(workspaceGid, search, Params.none());
    for (TaskCompact task : asana.workspaceTaskSearch().iterate(workspaceGid, search, Params.none())) {
      all++;
    }

    assertTrue(first100.data().size() <= 100);
    assertTrue(all >= first100.data().size());
  }

  @Test
  void downloads(@TempDir Path dir) throws Exception {
    String attachmentGid = data.downloadableAttachmentGids().get(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // README: Attachment downloads
    AttachmentDownload download = asana.attachments().download(attachmentGid);
    AttachmentResponse record = download.attachment();
    long bytes = download.saveTo(dir.resolve(record.getName()));
    boolean checked = download.sizeVerified();   // false only when neither the host nor the record gave the size
    try (InputStream head = asana.attachments()
        .download(attachmentGid, Params.builder().rangeHeader("bytes=0-99").build()).openStream()) {
      head.transferTo(out);
    }

    assertEquals(100, out.size());
    assertEquals(data.attachmentSize(attachmentGid), bytes);
    assertEquals(bytes, Files.size(dir.resolve(record.getName())));
    assertTrue(checked, "the sandbox gives the size");
    String external = data.externalAttachmentGids().get(0);
    ExternalAttachmentException e = assertThrows(ExternalAttachmentException.class,
        () -> asana.attachments().download(external));
    assertTrue(e.viewUrl().isPresent());
  }

  private final List<String> stored = new ArrayList<>();

  private void store(String refreshToken) {
    stored.add(refreshToken);
  }

  @Test
  void oauthWithRefresh() {
    String clientId = "sandbox-client-id";
    String clientSecret = "sandbox-client-secret";
    String refreshToken = "sandbox-refresh-token";
    var tokenUrl = sandbox.tokenUrl();

    // README: Authentication (OAuth 2 with a refresh token)
    OAuth2Credentials oauth = OAuth2Credentials.builder()
        .clientId(clientId)
        .clientSecret(clientSecret)
        .refreshToken(refreshToken)
        .tokenEndpoint(tokenUrl)                                 // optional: Asana's by default
        .tokenListener(tokens -> store(tokens.refreshToken()))   // optional: persist rotated tokens
        .build();
    AsanaClient viaOAuth = AsanaClient.builder().credentials(Credentials.oauth2(oauth)).build();

    // The same credentials against the sandbox instead of app.asana.com.
    AsanaClient sandboxed = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .credentials(Credentials.oauth2(oauth)).build();
    assertTrue(viaOAuth.httpClient() != null);
    assertEquals("Acme Corp", sandboxed.workspaces().get(data.workspaceGid()).getName());
    assertEquals(1, stored.size());
  }

  /** Stands in for an application's logger in the errors example. */
  private static final class Log {
    final List<Object[]> warnings = new ArrayList<>();

    void warn(String format, Object... args) {
      warnings.add(args);
    }
  }

  private final Log log = new Log();

  @Test
  void errors() {
    // README: Errors
    try {
      asana.tasks().get("1");
    } catch (NotFoundException e) {
      log.warn("{} {}: {} (request {})", e.status(), e.path(), e.messages(), e.requestId().orElse("?"));
    }

    if (log.warnings.isEmpty()) {
      fail("asana.tasks().get(\"1\") returned instead of throwing NotFoundException");
    }
    Object[] warning = log.warnings.get(0);
    assertEquals(404, warning[0]);
    assertEquals("/api/1.0/tasks/1", warning[1]);
    assertFalse(((List<?>) warning[2]).isEmpty());
    assertFalse(warning[3].equals("?"), "the sandbox sends a request id");
    InvalidParameterException bad = assertThrows(InvalidParameterException.class,
        () -> asana.tasks().get("../users/me"));
    assertEquals("task_gid", bad.parameter());
  }

  @Test
  void configurationAndDirectApis() throws Exception {
    String projectGid = data.projectGids().get(0);
    String taskGid = data.taskGids(projectGid).get(0);

    String baseUrl = sandbox.baseUrl().toString();
    String token = sandbox.token();
    String workspaceGid = data.workspaceGid();

    // README: Configuration
    AsanaClient.Builder builder = AsanaClient.builder()
        .baseUrl(baseUrl)                                   // optional: https://app.asana.com/api/1.0/ by default
        .personalAccessToken(token);
    builder.http()
        .userAgentProduct("my-app/2.1")
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).maxTotalTime(Duration.ofSeconds(30)).build())
        .rateLimits(RateLimits.builder().requestsPerMinute(150).build());   // Asana's free-plan limit
    AsanaClient configured = builder.build();
    Page<TaskCompact> quick = configured.projectTasks().list(projectGid, Params.builder()
        .callOptions(CallOptions.builder().readTimeout(Duration.ofSeconds(2)).build()).build());

    // README: Calling a generated API directly
    TasksApi tasks = configured.api(TasksApi.class);
    GetTask200Response task = configured.call(tasks.getTask(taskGid, null, List.of("name", "notes")));
    String name = task.getData().getName();

    ApiResponse<GetTask200Response> response = configured.callWithResponse(tasks.getTask(taskGid, null, null));
    String requestId = response.requestId().orElse("none");

    CreateTaskRequest body = CreateTaskRequest.builder().data(TaskCreateRequest.builder().name("Write the launch plan").workspace(workspaceGid).build()).build();
    retrofit2.Call<CreateTask201Response> create = tasks.createTask(body, null, null);
    // configured.call(create) sends it: the new task, or Asana's error as an AsanaApiException

    assertFalse(quick.data().isEmpty());
    assertEquals(200, response.status());
    assertTrue(!requestId.equals("none") && name != null);
    assertTrue(sandbox.requestCount() > 0);
    CreateTask201Response created = configured.call(create);
    assertEquals("Write the launch plan", created.getData().getName());
  }
}
