package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.generated.model.CreateTask201Response;
import dev.asanaconnector.generated.model.CreateTaskRequest;
import dev.asanaconnector.generated.model.GetTask200Response;
import dev.asanaconnector.generated.model.ProjectCompact;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskRequest;
import dev.asanaconnector.http.CallOptions;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.InputStream;
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
 * The README's examples, compiled and run against the sandbox so they cannot rot. Each test's body is
 * the README snippet, with the sandbox's URL, token and gids in place of a real account's.
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

  @Test
  void pagesAndIteration() {
    String workspaceGid = data.workspaceGid();
    String projectGid = data.projectGids().get(0);

    // README: Pagination
    Page<ProjectCompact> page = asana.projects().list(Params.builder().workspace(workspaceGid).limit(5).build());
    if (page.hasNext()) {
      page = asana.projects().list(Params.builder().workspace(workspaceGid).limit(5)
          .offset(page.nextPage().orElseThrow().offset()).build());
    }
    List<String> names = new ArrayList<>();
    for (TaskCompact task : asana.projectTasks().iterate(projectGid, Params.builder().limit(100).build())) {
      names.add(task.getName() + " by " + task.getCreatedBy().getGid());
    }
    long milestones = asana.projectTasks().iterate(projectGid, Params.builder().limit(50).maxItems(1000).build())
        .stream().filter(t -> t.getResourceSubtype() == TaskCompact.ResourceSubtypeEnum.MILESTONE).count();

    assertEquals(5, page.data().size());
    assertEquals(data.taskGids(projectGid).size(), names.size());
    assertTrue(milestones >= 0);
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

    // README: Workspace task search
    TaskSearch search = TaskSearch.builder()
        .completed(false)
        .assigneeAny(userGid)
        .dueOnBefore(LocalDate.of(2030, 1, 1))
        .build();
    Page<TaskCompact> first100 = asana.workspaceTaskSearch().list(workspaceGid, search, Params.none());
    int all = 0;
    for (TaskCompact task : asana.workspaceTaskSearch().iterate(workspaceGid, search, Params.none())) {
      all++;
    }

    assertTrue(first100.data().size() <= 100);
    assertTrue(all >= first100.data().size());
  }

  @Test
  void downloads(@TempDir Path dir) throws Exception {
    String attachmentGid = data.downloadableAttachmentGids().get(0);

    // README: Attachment downloads
    AttachmentDownload download = asana.attachments().download(attachmentGid);
    AttachmentResponse record = download.attachment();
    long bytes = download.saveTo(dir.resolve(record.getName()));
    try (InputStream head = asana.attachments()
        .download(attachmentGid, Params.builder().rangeHeader("bytes=0-99").build()).openStream()) {
      assertEquals(100, head.readAllBytes().length);
    }

    assertEquals(data.attachmentSize(attachmentGid), bytes);
    assertEquals(bytes, Files.size(dir.resolve(record.getName())));
    String external = data.externalAttachmentGids().get(0);
    ExternalAttachmentException e = assertThrows(ExternalAttachmentException.class,
        () -> asana.attachments().download(external));
    assertTrue(e.viewUrl().isPresent());
  }

  @Test
  void oauthWithRefresh() {
    List<String> stored = new ArrayList<>();

    // README: Authentication (OAuth 2 with a refresh token)
    OAuth2Credentials oauth = OAuth2Credentials.builder()
        .clientId("sandbox-client-id")
        .clientSecret("sandbox-client-secret")
        .refreshToken("sandbox-refresh-token")
        .tokenEndpoint(sandbox.tokenUrl())
        .tokenListener(tokens -> stored.add(tokens.refreshToken()))
        .build();
    AsanaClient viaOAuth = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .credentials(Credentials.oauth2(oauth)).build();

    assertEquals("Acme Corp", viaOAuth.workspaces().get(data.workspaceGid()).getName());
    assertEquals(1, stored.size());
  }

  @Test
  void errors() {
    // README: Errors
    try {
      asana.tasks().get("1");
    } catch (NotFoundException e) {
      assertEquals(404, e.status());
      assertTrue(e.requestId().isPresent());
      assertFalse(e.messages().isEmpty());
    }
    InvalidParameterException bad = assertThrows(InvalidParameterException.class,
        () -> asana.tasks().get("../users/me"));
    assertEquals("task_gid", bad.parameter());
  }

  @Test
  void configurationAndDirectApis() throws Exception {
    String projectGid = data.projectGids().get(0);
    String taskGid = data.taskGids(projectGid).get(0);

    // README: Configuration
    AsanaClient.Builder builder = AsanaClient.builder()
        .baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http()
        .userAgentProduct("my-app/2.1")
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).maxTotalTime(Duration.ofSeconds(30)).build())
        .rateLimits(RateLimits.builder().requestsPerMinute(150).build());
    AsanaClient configured = builder.build();
    Page<TaskCompact> quick = configured.projectTasks().list(projectGid, Params.builder()
        .callOptions(CallOptions.builder().readTimeout(Duration.ofSeconds(2)).build()).build());

    // README: Calling a generated API directly
    TasksApi tasks = configured.api(TasksApi.class);
    retrofit2.Response<GetTask200Response> response = tasks.getTask(taskGid, null, List.of("name", "notes")).execute();
    String requestId = response.headers().get("X-Request-Id");
    String name = response.body().getData().getName();

    assertFalse(quick.data().isEmpty());
    assertEquals(200, response.code());
    assertTrue(requestId != null && name != null);
    assertTrue(sandbox.requestCount() > 0);
    CreateTaskRequest body = new CreateTaskRequest().data(new TaskRequest().name("x").workspace(data.workspaceGid()));
    retrofit2.Response<CreateTask201Response> created = tasks.createTask(body, null, null).execute();
    assertTrue(created.code() >= 400, "the sandbox serves the connector's read endpoints only");
  }
}
