package dev.asanaconnector;

import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.generated.support.AsanaRetrofit;
import dev.asanaconnector.http.HttpSettings;
import dev.asanaconnector.http.HttpStack;
import dev.asanaconnector.http.TlsOnDemand;
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
  private final TlsOnDemand httpClient;
  private final Moshi moshi = AsanaJson.moshi();

  private final Tasks tasks;
  private final ProjectTasks projectTasks;
  private final WorkspaceTaskSearch workspaceTaskSearch;
  private final Projects projects;
  private final TaskProjects taskProjects;
  private final TeamProjects teamProjects;
  private final WorkspaceProjects workspaceProjects;
  private final Workspaces workspaces;
  private final Users users;
  private final WorkspaceUsers workspaceUsers;
  private final TeamUsers teamUsers;
  private final Teams teams;
  private final WorkspaceTeams workspaceTeams;
  private final UserTeams userTeams;
  private final Attachments attachments;
  private final WorkspaceTags workspaceTags;
  private final Tags tags;
  private final ProjectSections projectSections;
  private final Sections sections;
  private final TaskSubtasks taskSubtasks;
  private final TaskDependencies taskDependencies;
  private final TaskDependents taskDependents;
  private final SectionTasks sectionTasks;
  private final TagTasks tagTasks;
  private final TaskStories taskStories;
  private final TaskTags taskTags;
  private final TaskFollowers taskFollowers;
  private final WorkspaceMemberships workspaceMemberships;

  private AsanaClient(Builder builder) {
    HttpSettings settings = builder.settings.build();
    HttpStack.Clients clients = HttpStack.newClients(settings);
    this.httpClient = clients.api();
    this.apis = new GeneratedApis(() -> AsanaRetrofit.builder(settings.apiBaseUrl(), httpClient).build());
    Transport transport = new Transport(httpClient, new ApiErrors(moshi, clients.redaction()));
    this.dispatcher = new Dispatcher(settings.apiBaseUrl(), transport, moshi);
    this.calls = new GeneratedCalls(transport, moshi);

    tasks = new Tasks(dispatcher);
    projectTasks = new ProjectTasks(dispatcher);
    workspaceTaskSearch = new WorkspaceTaskSearch(dispatcher, moshi);
    projects = new Projects(dispatcher);
    taskProjects = new TaskProjects(dispatcher);
    teamProjects = new TeamProjects(dispatcher);
    workspaceProjects = new WorkspaceProjects(dispatcher);
    workspaces = new Workspaces(dispatcher);
    users = new Users(dispatcher);
    workspaceUsers = new WorkspaceUsers(dispatcher);
    teamUsers = new TeamUsers(dispatcher);
    teams = new Teams(dispatcher);
    workspaceTeams = new WorkspaceTeams(dispatcher);
    userTeams = new UserTeams(dispatcher);
    attachments = new Attachments(dispatcher, clients.downloads());
    workspaceTags = new WorkspaceTags(dispatcher);
    tags = new Tags(dispatcher);
    projectSections = new ProjectSections(dispatcher);
    sections = new Sections(dispatcher);
    taskSubtasks = new TaskSubtasks(dispatcher);
    taskDependencies = new TaskDependencies(dispatcher);
    taskDependents = new TaskDependents(dispatcher);
    sectionTasks = new SectionTasks(dispatcher);
    tagTasks = new TagTasks(dispatcher);
    taskStories = new TaskStories(dispatcher);
    taskTags = new TaskTags(dispatcher);
    taskFollowers = new TaskFollowers(dispatcher);
    workspaceMemberships = new WorkspaceMemberships(dispatcher);
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
    return httpClient.secure();
  }

  /** Tasks: list (by project, section, or assignee in a workspace), get, create, update, delete. */
  public Tasks tasks() {
    return tasks;
  }

  /** The tasks of a project ({@code project_gid}). */
  public ProjectTasks projectTasks() {
    return projectTasks;
  }

  /** Task search in a workspace, with typed filters, paging past 100 results. */
  public WorkspaceTaskSearch workspaceTaskSearch() {
    return workspaceTaskSearch;
  }

  /** Projects: list, get, create, update, delete. */
  public Projects projects() {
    return projects;
  }

  /**
   * The projects a task is in ({@code task_gid}): list; add the task to a project or move it within one;
   * remove it.
   */
  public TaskProjects taskProjects() {
    return taskProjects;
  }

  /** The projects of a team ({@code team_gid}). */
  public TeamProjects teamProjects() {
    return teamProjects;
  }

  /** The projects of a workspace ({@code workspace_gid}). */
  public WorkspaceProjects workspaceProjects() {
    return workspaceProjects;
  }

  /** Workspaces: list and get. */
  public Workspaces workspaces() {
    return workspaces;
  }

  /** Users: list and get. */
  public Users users() {
    return users;
  }

  /** The users of a workspace ({@code workspace_gid}). */
  public WorkspaceUsers workspaceUsers() {
    return workspaceUsers;
  }

  /** The users of a team ({@code team_gid}). */
  public TeamUsers teamUsers() {
    return teamUsers;
  }

  /** Teams: get. */
  public Teams teams() {
    return teams;
  }

  /** The teams of a workspace ({@code workspace_gid}). */
  public WorkspaceTeams workspaceTeams() {
    return workspaceTeams;
  }

  /** The teams of a user; {@code organization} is required: {@code Params.builder().organization(gid)}. */
  public UserTeams userTeams() {
    return userTeams;
  }

  /** Attachments: list (by {@code parent}), get, the two-step download, upload, links. */
  public Attachments attachments() {
    return attachments;
  }

  /** The tags of a workspace ({@code workspace_gid}): list, create. */
  public WorkspaceTags workspaceTags() {
    return workspaceTags;
  }

  /** Tags: get, update, delete. */
  public Tags tags() {
    return tags;
  }

  /** The sections of a project ({@code project_gid}): list, create. */
  public ProjectSections projectSections() {
    return projectSections;
  }

  /** Sections: get, rename, delete. */
  public Sections sections() {
    return sections;
  }

  /** The subtasks of a task ({@code task_gid}): list, create. */
  public TaskSubtasks taskSubtasks() {
    return taskSubtasks;
  }

  /** The tasks a task depends on ({@code task_gid}): list, add, remove. */
  public TaskDependencies taskDependencies() {
    return taskDependencies;
  }

  /** The tasks that depend on a task ({@code task_gid}). */
  public TaskDependents taskDependents() {
    return taskDependents;
  }

  /** The tasks of a section ({@code section_gid}): list; move a task into the section. */
  public SectionTasks sectionTasks() {
    return sectionTasks;
  }

  /** The tasks that carry a tag ({@code tag_gid}). */
  public TagTasks tagTasks() {
    return tagTasks;
  }

  /** The stories of a task ({@code task_gid}), its comments and history: list; comment. */
  public TaskStories taskStories() {
    return taskStories;
  }

  /** The tags on a task: add, remove. */
  public TaskTags taskTags() {
    return taskTags;
  }

  /** The followers of a task: add, remove. */
  public TaskFollowers taskFollowers() {
    return taskFollowers;
  }

  /** The members of a workspace: add a user by gid or email. */
  public WorkspaceMemberships workspaceMemberships() {
    return workspaceMemberships;
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
