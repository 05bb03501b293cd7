package dev.asanaconnector;

import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.generated.model.ProjectCompact;
import dev.asanaconnector.generated.model.ProjectResponse;
import dev.asanaconnector.generated.model.SectionCompact;
import dev.asanaconnector.generated.model.SectionResponse;
import dev.asanaconnector.generated.model.TagCompact;
import dev.asanaconnector.generated.model.TagResponse;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.model.TeamCompact;
import dev.asanaconnector.generated.model.TeamResponse;
import dev.asanaconnector.generated.model.UserCompact;
import dev.asanaconnector.generated.model.UserResponse;
import dev.asanaconnector.generated.model.WorkspaceCompact;
import dev.asanaconnector.generated.model.WorkspaceResponse;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.generated.support.AsanaRetrofit;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.HttpStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okio.Buffer;

/**
 * The Asana connector: the documented entities and actions as typed methods and through
 * {@link #execute}, plus every generated Asana API through {@link #api(Class)}, all over one configured
 * HTTP stack (authentication, retries, rate limits, timeouts). Thread-safe; build one and share it.
 *
 * <pre>{@code
 * AsanaClient asana = AsanaClient.builder().personalAccessToken(System.getenv("ASANA_TOKEN")).build();
 * for (TaskCompact task : asana.projectTasks().iterate("1204567890", Params.builder().limit(100).build())) {
 *   System.out.println(task.getName());
 * }
 * }</pre>
 */
public final class AsanaClient {
  /** Asana's API base URL. */
  public static final String DEFAULT_BASE_URL = HttpSettings.DEFAULT_API_BASE_URL;

  private final Dispatcher dispatcher;
  private final GeneratedApis apis;
  private final GeneratedCalls calls;
  private final OkHttpClient httpClient;
  private final OkHttpClient downloadClient;
  private final Moshi moshi = AsanaJson.moshi();

  private final ListAndGet<TaskCompact, TaskResponse> tasks;
  private final NestedList<TaskCompact> projectTasks;
  private final WorkspaceTaskSearch workspaceTaskSearch;
  private final ListAndGet<ProjectCompact, ProjectResponse> projects;
  private final NestedList<ProjectCompact> taskProjects;
  private final NestedList<ProjectCompact> teamProjects;
  private final NestedList<ProjectCompact> workspaceProjects;
  private final ListAndGet<WorkspaceCompact, WorkspaceResponse> workspaces;
  private final ListAndGet<UserCompact, UserResponse> users;
  private final NestedList<UserCompact> workspaceUsers;
  private final NestedList<UserCompact> teamUsers;
  private final Lookup<TeamResponse> teams;
  private final NestedList<TeamCompact> workspaceTeams;
  private final NestedList<TeamCompact> userTeams;
  private final Attachments attachments;
  private final NestedList<TagCompact> workspaceTags;
  private final Lookup<TagResponse> tags;
  private final NestedList<SectionCompact> projectSections;
  private final Lookup<SectionResponse> sections;
  private final NestedList<TaskCompact> taskSubtasks;
  private final NestedList<TaskCompact> taskDependencies;
  private final NestedList<TaskCompact> taskDependents;

  private AsanaClient(Builder builder) {
    HttpSettings settings = builder.settings.build();
    HttpStack.Clients clients = HttpStack.newClients(settings);
    this.httpClient = clients.api();
    this.downloadClient = clients.downloads();
    this.apis = new GeneratedApis(AsanaRetrofit.builder(settings.apiBaseUrl(), httpClient).build());
    Transport transport = new Transport(httpClient, new ApiErrors(moshi, clients.redaction()));
    this.dispatcher = new Dispatcher(apis, settings.apiBaseUrl(), transport, moshi);
    this.calls = new GeneratedCalls(transport, moshi);

    tasks = new ListAndGet<>(dispatcher, "tasks", "task_gid", TaskCompact.class, TaskResponse.class);
    projectTasks = new NestedList<>(dispatcher, "project_tasks", "project_gid", TaskCompact.class);
    workspaceTaskSearch = new WorkspaceTaskSearch(dispatcher, moshi);
    projects = new ListAndGet<>(dispatcher, "projects", "project_gid", ProjectCompact.class, ProjectResponse.class);
    taskProjects = new NestedList<>(dispatcher, "task_projects", "task_gid", ProjectCompact.class);
    teamProjects = new NestedList<>(dispatcher, "team_projects", "team_gid", ProjectCompact.class);
    workspaceProjects = new NestedList<>(dispatcher, "workspace_projects", "workspace_gid", ProjectCompact.class);
    workspaces = new ListAndGet<>(dispatcher, "workspaces", "workspace_gid", WorkspaceCompact.class,
        WorkspaceResponse.class);
    users = new ListAndGet<>(dispatcher, "users", "user_gid", UserCompact.class, UserResponse.class);
    workspaceUsers = new NestedList<>(dispatcher, "workspace_users", "workspace_gid", UserCompact.class);
    teamUsers = new NestedList<>(dispatcher, "team_users", "team_gid", UserCompact.class);
    teams = new Lookup<>(dispatcher, "teams", "team_gid", TeamResponse.class);
    workspaceTeams = new NestedList<>(dispatcher, "workspace_teams", "workspace_gid", TeamCompact.class);
    userTeams = new NestedList<>(dispatcher, "user_teams", "user_gid", TeamCompact.class);
    attachments = new Attachments(dispatcher, downloadClient);
    workspaceTags = new NestedList<>(dispatcher, "workspace_tags", "workspace_gid", TagCompact.class);
    tags = new Lookup<>(dispatcher, "tags", "tag_gid", TagResponse.class);
    projectSections = new NestedList<>(dispatcher, "project_sections", "project_gid", SectionCompact.class);
    sections = new Lookup<>(dispatcher, "sections", "section_gid", SectionResponse.class);
    taskSubtasks = new NestedList<>(dispatcher, "task_subtasks", "task_gid", TaskCompact.class);
    taskDependencies = new NestedList<>(dispatcher, "task_dependencies", "task_gid", TaskCompact.class);
    taskDependents = new NestedList<>(dispatcher, "task_dependents", "task_gid", TaskCompact.class);
  }

  /** A builder: set the credentials, and optionally the base URL and HTTP settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs an action by the reference's names: {@code execute("project_tasks", "list",
   * Map.of("project_gid", "1204", "limit", 50))}. A list returns {@code {data: [records], meta:
   * {next_page}}} ({@code next_page} is {@code {offset, path, uri}} or null); a get returns the record;
   * a download returns an {@link AttachmentDownload}. Values may be strings (as a command line passes
   * them) or Java values. An unknown entity, action or parameter, a missing required one, or a bad value
   * is an {@link InvalidParameterException} naming it, thrown before any request.
   */
  public Object execute(String entity, String action, Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    ActionSpec spec = Catalog.find(entity, action);
    switch (spec.kind) {
      case LIST:
        return dispatcher.listUntyped(spec, params, null);
      case GET:
        return dispatcher.getUntyped(spec, params, null);
      case DOWNLOAD: {
        Dispatcher.validate(spec, params); // here, as the Params below drop null values unchecked
        Params.Builder rest = Params.builder().putAll(params);
        Object gid = params.get("attachment_gid");
        rest.param("attachment_gid", null);
        return attachments.download(gid == null ? null : gid.toString(), rest.build());
      }
      case CREATE:
      case UPDATE:
      case DELETE:
        return dispatcher.write(spec, params, Map.class, null);
      default:
        throw new AssertionError(spec.kind);
    }
  }

  /**
   * The request a write action would send, checked as {@link #execute} checks it, without sending
   * anything: its method, URL and body (JSON, or a description of a multipart upload). Carries no
   * credentials. For a command line's {@code --dry-run} and for an agent's confirmation step.
   *
   * @throws InvalidParameterException for bad params, or an action that is not a write
   */
  public PreparedWrite prepareWrite(String entity, String action, Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    ActionSpec spec = Catalog.find(entity, action);
    if (!spec.kind.isWrite()) {
      throw new InvalidParameterException("action", spec.name() + " is not a write");
    }
    return PreparedWrite.of(dispatcher.writeRequest(spec, params));
  }

  /**
   * Every page of a list action by the reference's names, fetched lazily from the first page (or from
   * the {@code offset} given) to the last: each page as {@link #execute} returns it ({@code {data, meta:
   * {next_page}}}). The params are checked now, before any request; pages are fetched as the iteration
   * advances, and a server repeating an offset ends it with an {@link InvalidResponseException} rather
   * than a loop. A failed page can be asked for again by calling {@code next()} again.
   *
   * @throws InvalidParameterException for bad params, or an action that is not a list
   */
  public Iterable<Map<String, Object>> executePages(String entity, String action, Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    ActionSpec spec = Catalog.find(entity, action);
    if (spec.kind != ActionKind.LIST) {
      throw new InvalidParameterException("action", spec.name() + " is not a list: it has no pages");
    }
    Function<String, Map<String, Object>> pages = dispatcher.untypedPages(spec, params, null);
    Object firstOffset = params.get("offset");
    return () -> new PageWalker<>(pages, Dispatcher::nextOffset, firstOffset == null ? null : firstOffset.toString());
  }

  /** One JSON Schema tool description per entity action (see {@link #describeJson()}). */
  public static List<Map<String, Object>> describe() {
    return ActionSchemas.all();
  }

  /** {@link #describe()} as a JSON array. */
  public static String describeJson() {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      JsonValues.write(writer, describe());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /**
   * Any generated Asana API (all 247 operations), over this client's HTTP stack. Run its calls with
   * {@link #call} (the body) or {@link #callWithResponse} (status, headers, request id and body), which
   * turn Asana's errors into the connector's exceptions: {@code asana.call(asana.api(TasksApi.class)
   * .getTask(gid, null, null)).getData()}. A call's own {@code execute()} works too, Retrofit style:
   * an error status is then a {@code retrofit2.Response} to inspect, not an exception.
   */
  public <T> T api(Class<T> api) {
    return apis.get(api);
  }

  /**
   * Runs a call of a generated API and returns its parsed body. An error status is thrown as the
   * matching {@link AsanaApiException} (status, Asana's messages, request id, method and path), a body
   * that is not the expected JSON as {@link InvalidResponseException}, an I/O failure as
   * {@link NetworkException}.
   *
   * @throws InvalidResponseException also when a successful response has no body
   */
  public <T> T call(retrofit2.Call<T> call) {
    ApiResponse<T> response = calls.execute(call);
    return response.body().orElseThrow(() -> new InvalidResponseException("Asana's answer to "
        + ApiErrors.describe(call.request()) + " has no body", response.status(), "", call.request().method(),
        call.request().url().encodedPath(), null));
  }

  /** {@link #call}, keeping the response's status, headers and Asana request id. */
  public <T> ApiResponse<T> callWithResponse(retrofit2.Call<T> call) {
    return calls.execute(call);
  }

  /**
   * The configured OkHttp client (authentication, retries, rate limits) for raw requests to Asana's
   * API. Credentials go only to the base URL's origin. It reads each answer into memory (up to 64 MiB of
   * JSON, 64 KiB of anything else) before returning it, so a response holds no connection or rate-limit
   * permit after {@code execute()} returns; closing it remains good practice.
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** Tasks: list (by project, section, assignee, workspace...) and get. */
  public ListAndGet<TaskCompact, TaskResponse> tasks() {
    return tasks;
  }

  /** The tasks of a project ({@code project_gid}). */
  public NestedList<TaskCompact> projectTasks() {
    return projectTasks;
  }

  /** Task search in a workspace, with typed filters, paging past 100 results. */
  public WorkspaceTaskSearch workspaceTaskSearch() {
    return workspaceTaskSearch;
  }

  /** Projects: list and get. */
  public ListAndGet<ProjectCompact, ProjectResponse> projects() {
    return projects;
  }

  /** The projects a task is in ({@code task_gid}). */
  public NestedList<ProjectCompact> taskProjects() {
    return taskProjects;
  }

  /** The projects of a team ({@code team_gid}). */
  public NestedList<ProjectCompact> teamProjects() {
    return teamProjects;
  }

  /** The projects of a workspace ({@code workspace_gid}). */
  public NestedList<ProjectCompact> workspaceProjects() {
    return workspaceProjects;
  }

  /** Workspaces: list and get. */
  public ListAndGet<WorkspaceCompact, WorkspaceResponse> workspaces() {
    return workspaces;
  }

  /** Users: list and get. */
  public ListAndGet<UserCompact, UserResponse> users() {
    return users;
  }

  /** The users of a workspace ({@code workspace_gid}). */
  public NestedList<UserCompact> workspaceUsers() {
    return workspaceUsers;
  }

  /** The users of a team ({@code team_gid}). */
  public NestedList<UserCompact> teamUsers() {
    return teamUsers;
  }

  /** Teams: get. */
  public Lookup<TeamResponse> teams() {
    return teams;
  }

  /** The teams of a workspace ({@code workspace_gid}). */
  public NestedList<TeamCompact> workspaceTeams() {
    return workspaceTeams;
  }

  /** The teams of a user; {@code organization} is required: {@code Params.builder().organization(gid)}. */
  public NestedList<TeamCompact> userTeams() {
    return userTeams;
  }

  /** Attachments: list (by {@code parent}), get and the two-step download. */
  public Attachments attachments() {
    return attachments;
  }

  /** The tags of a workspace ({@code workspace_gid}). */
  public NestedList<TagCompact> workspaceTags() {
    return workspaceTags;
  }

  /** Tags: get. */
  public Lookup<TagResponse> tags() {
    return tags;
  }

  /** The sections of a project ({@code project_gid}). */
  public NestedList<SectionCompact> projectSections() {
    return projectSections;
  }

  /** Sections: get. */
  public Lookup<SectionResponse> sections() {
    return sections;
  }

  /** The subtasks of a task ({@code task_gid}). */
  public NestedList<TaskCompact> taskSubtasks() {
    return taskSubtasks;
  }

  /** The tasks a task depends on ({@code task_gid}). */
  public NestedList<TaskCompact> taskDependencies() {
    return taskDependencies;
  }

  /** The tasks that depend on a task ({@code task_gid}). */
  public NestedList<TaskCompact> taskDependents() {
    return taskDependents;
  }

  /** Configures an {@link AsanaClient}. */
  public static final class Builder {
    private final HttpSettings.Builder settings = HttpSettings.builder();

    private Builder() {
    }

    /**
     * The API base URL; HTTPS unless the host is loopback (tests, the sandbox). Credentials are sent to
     * its scheme, host and port only.
     *
     * @throws IllegalArgumentException naming {@code baseUrl} if it is not an HTTPS URL
     */
    public Builder baseUrl(String url) {
      settings.apiBaseUrl(url);
      return this;
    }

    /** Authenticate with a personal access token. */
    public Builder personalAccessToken(String token) {
      settings.credentials(Credentials.personalAccessToken(token));
      return this;
    }

    /** Authenticate with any {@link Credentials}: OAuth 2 with refresh, or a token supplier. */
    public Builder credentials(Credentials credentials) {
      settings.credentials(credentials);
      return this;
    }

    /**
     * Refuses every write (catalog writes, direct calls of generated APIs other than GET, raw requests)
     * with a {@link ReadOnlyClientException} naming the action before anything is sent: for AI agents
     * and dashboards that must never change anything in Asana.
     */
    public Builder readOnly(boolean readOnly) {
      settings.readOnly(readOnly);
      return this;
    }

    /** Direct access to the HTTP settings: timeouts, User-Agent, retries, rate limits, an OkHttpClient. */
    public HttpSettings.Builder http() {
      return settings;
    }

    /** The client; build one per application and share it (it is thread-safe). */
    public AsanaClient build() {
      return new AsanaClient(this);
    }
  }

  /**
   * Asana's event stream ({@code GET /events}): a start token, pages, drained batches and a polling
   * stream, with sync tokens and their expiry ({@link SyncTokenExpiredException}). See {@link Events}.
   */
  public Events events() {
    return new Events(dispatcher.transport(), apis);
  }

  /** Webhooks: creation with a {@link WebhookReceiver} answering the handshake, and deletion. */
  public Webhooks webhooks() {
    return new Webhooks(calls, apis);
  }
}
