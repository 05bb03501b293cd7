package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.TaskCompact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every list and get action of the connector's reference (and the lists that came with the writes),
 * through {@code execute} and through the typed methods: the exact request (method, path, query, headers)
 * and the parsed result.
 */
class EntityActionsTest {
  private static final String LIST_BODY = "{\"data\":[{\"gid\":\"11\",\"resource_type\":\"task\",\"name\":\"Write spec\","
      + "\"resource_subtype\":\"default_task\",\"created_by\":{\"gid\":\"9\",\"resource_type\":\"user\"}}],"
      + "\"next_page\":{\"offset\":\"tok2\",\"path\":\"/x?offset=tok2\",\"uri\":\"https://app.asana.com/api/1.0/x?offset=tok2\"}}";
  private static final String GET_BODY = "{\"data\":{\"gid\":\"11\",\"resource_type\":\"thing\",\"name\":\"Eleven\","
      + "\"size\":1024}}";
  // gid and resource_type come with every record and are not asked for (the spec's opt_fields refuse them).
  private static final String TASK_FIELDS = "name,resource_subtype,created_by";

  private static RecordingServer server;
  private static AsanaClient asana;

  @BeforeAll
  static void start() throws Exception {
    server = new RecordingServer();
    server.answer(request -> RecordingServer.json(200,
        request.getUrl().pathSegments().size() % 2 == 0 && !request.getTarget().contains("/search")
            && !request.getTarget().startsWith("/api/1.0/attachments?") ? GET_BODY : LIST_BODY));
    asana = server.client();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** entity, action, params, expected path, expected query (exactly), typed call doing the same. */
  static Stream<Arguments> actions() {
    return Stream.of(
        list("tasks", Map.of("project", "100", "limit", "50"), "/tasks",
            Map.of("project", "100", "limit", "50", "opt_fields", TASK_FIELDS),
            c -> c.tasks().list(Params.builder().project("100").limit(50).build())),
        get("tasks", Map.of("task_gid", "11"), "/tasks/11", Map.of(),
            c -> c.tasks().get("11")),
        list("project_tasks", Map.of("project_gid", "100", "completed_since", "now"), "/projects/100/tasks",
            Map.of("completed_since", "now", "opt_fields", TASK_FIELDS),
            c -> c.projectTasks().list("100", Params.builder().incompleteOnly().build())),
        list("workspace_task_search", Map.of("workspace_gid", "5", "text", "launch", "assignee.any", "1,2",
                "completed", "false", "limit", "20", "created_at.after", "2026-01-01T00:00:00Z"),
            "/workspaces/5/tasks/search",
            Map.of("text", "launch", "assignee.any", "1,2", "completed", "false", "limit", "20",
                "created_at.after", "2026-01-01T00:00:00Z", "opt_fields", TASK_FIELDS),
            c -> c.workspaceTaskSearch().list("5", TaskSearch.builder().text("launch").assigneeAny("1", "2")
                .completed(false).createdAtAfter(java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z")).build(),
                Params.builder().limit(20).build())),
        list("projects", Map.of("workspace", "5", "archived", "false"), "/projects",
            Map.of("workspace", "5", "archived", "false"),
            c -> c.projects().list(Params.builder().workspace("5").archived(false).build())),
        get("projects", Map.of("project_gid", "100"), "/projects/100", Map.of(), c -> c.projects().get("100")),
        list("task_projects", Map.of("task_gid", "11"), "/tasks/11/projects", Map.of(),
            c -> c.taskProjects().list("11")),
        list("team_projects", Map.of("team_gid", "7", "archived", true), "/teams/7/projects",
            Map.of("archived", "true"), c -> c.teamProjects().list("7", Params.builder().archived(true).build())),
        list("workspace_projects", Map.of("workspace_gid", "5", "offset", "abc"), "/workspaces/5/projects",
            Map.of("offset", "abc"), c -> c.workspaceProjects().list("5", Params.builder().offset("abc").build())),
        list("workspaces", Map.of("limit", 10), "/workspaces", Map.of("limit", "10"),
            c -> c.workspaces().list(Params.builder().limit(10).build())),
        get("workspaces", Map.of("workspace_gid", "5"), "/workspaces/5", Map.of(), c -> c.workspaces().get("5")),
        list("users", Map.of("workspace", "5", "team", "7"), "/users", Map.of("workspace", "5", "team", "7"),
            c -> c.users().list(Params.builder().workspace("5").team("7").build())),
        get("users", Map.of("user_gid", "me"), "/users/me", Map.of(), c -> c.users().get("me")),
        list("workspace_users", Map.of("workspace_gid", "5", "limit", "30"), "/workspaces/5/users",
            Map.of("limit", "30"), c -> c.workspaceUsers().list("5", Params.builder().limit(30).build())),
        list("team_users", Map.of("team_gid", "7"), "/teams/7/users", Map.of(), c -> c.teamUsers().list("7")),
        get("teams", Map.of("team_gid", "7"), "/teams/7", Map.of(), c -> c.teams().get("7")),
        list("workspace_teams", Map.of("workspace_gid", "5"), "/workspaces/5/teams", Map.of(),
            c -> c.workspaceTeams().list("5")),
        list("user_teams", Map.of("user_gid", "me", "organization", "5"), "/users/me/teams",
            Map.of("organization", "5"), c -> c.userTeams().list("me", Params.builder().organization("5").build())),
        list("attachments", Map.of("parent", "11"), "/attachments", Map.of("parent", "11"),
            c -> c.attachments().list("11", Params.none())),
        get("attachments", Map.of("attachment_gid", "3"), "/attachments/3", Map.of(), c -> c.attachments().get("3")),
        list("workspace_tags", Map.of("workspace_gid", "5"), "/workspaces/5/tags", Map.of(),
            c -> c.workspaceTags().list("5")),
        get("tags", Map.of("tag_gid", "8"), "/tags/8", Map.of(), c -> c.tags().get("8")),
        list("project_sections", Map.of("project_gid", "100"), "/projects/100/sections", Map.of(),
            c -> c.projectSections().list("100")),
        get("sections", Map.of("section_gid", "9"), "/sections/9", Map.of(), c -> c.sections().get("9")),
        list("task_subtasks", Map.of("task_gid", "11"), "/tasks/11/subtasks", Map.of("opt_fields", TASK_FIELDS),
            c -> c.taskSubtasks().list("11")),
        list("task_dependencies", Map.of("task_gid", "11"), "/tasks/11/dependencies",
            Map.of("opt_fields", TASK_FIELDS), c -> c.taskDependencies().list("11")),
        list("task_dependents", Map.of("task_gid", "11"), "/tasks/11/dependents", Map.of("opt_fields", TASK_FIELDS),
            c -> c.taskDependents().list("11")),
        // The lists that came with the writes.
        list("section_tasks", Map.of("section_gid", "9", "completed_since", "now"), "/sections/9/tasks",
            Map.of("completed_since", "now"), c -> c.sectionTasks().list("9", Params.builder().incompleteOnly().build())),
        list("tag_tasks", Map.of("tag_gid", "8", "limit", 5), "/tags/8/tasks", Map.of("limit", "5"),
            c -> c.tagTasks().list("8", Params.builder().limit(5).build())),
        list("task_stories", Map.of("task_gid", "11"), "/tasks/11/stories", Map.of(), c -> c.taskStories().list("11")));
  }

  private static Arguments list(String entity, Map<String, ?> params, String path, Map<String, String> query,
      Function<AsanaClient, Object> typed) {
    return Arguments.of(entity, "list", params, path, query, typed);
  }

  private static Arguments get(String entity, Map<String, ?> params, String path, Map<String, String> query,
      Function<AsanaClient, Object> typed) {
    return Arguments.of(entity, "get", params, path, query, typed);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("actions")
  void executeSendsTheDocumentedRequestAndReturnsTheDocumentedShape(String entity, String action,
      Map<String, ?> params, String path, Map<String, String> query, Function<AsanaClient, Object> typed) {
    Object result = asana.execute(entity, action, params);
    assertRequest(server.last(), path, query);
    if (action.equals("list")) {
      Map<?, ?> page = assertInstanceOf(Map.class, result);
      assertEquals(Set.of("data", "meta"), page.keySet());
      List<?> data = assertInstanceOf(List.class, page.get("data"));
      assertEquals("11", ((Map<?, ?>) data.get(0)).get("gid"));
      Map<?, ?> nextPage = (Map<?, ?>) ((Map<?, ?>) page.get("meta")).get("next_page");
      assertEquals("tok2", nextPage.get("offset"));
      assertEquals(Set.of("offset", "path", "uri"), nextPage.keySet());
    } else {
      Map<?, ?> record = assertInstanceOf(Map.class, result);
      assertEquals("11", record.get("gid"));
      assertEquals(1024L, record.get("size"), "integers stay integers");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("actions")
  void typedMethodSendsTheSameRequest(String entity, String action, Map<String, ?> params, String path,
      Map<String, String> query, Function<AsanaClient, Object> typed) {
    Object result = typed.apply(asana);
    assertRequest(server.last(), path, query);
    if (action.equals("list")) {
      Page<?> page = assertInstanceOf(Page.class, result);
      assertEquals(1, page.data().size());
      assertEquals("tok2", page.nextPage().orElseThrow().offset());
    } else {
      assertTrue(result.getClass().getName().startsWith("dev.asanaconnector.generated.model."));
    }
  }

  @Test
  void typedTaskRecordsCarryTheDocumentedFields() {
    Page<TaskCompact> page = asana.tasks().list(Params.builder().project("100").build());
    TaskCompact task = page.data().get(0);
    assertEquals("Write spec", task.getName());
    assertEquals(TaskCompact.ResourceSubtypeEnum.DEFAULT_TASK, task.getResourceSubtype());
    assertEquals("9", task.getCreatedBy().getGid());
    assertEquals("user", task.getCreatedBy().getResourceType());
    assertNull(asana.tasks().get("11").getCompleted(), "a field Asana did not send stays absent, not false");
  }

  @Test
  void callerOptFieldsAreAddedToTheDocumentedOnesAndHeadersAreSent() {
    asana.tasks().get("11", Params.builder().optFields("notes", "due_on").asanaEnable("new_goal_memberships")
        .asanaDisable("string_ids").build());
    RecordedRequest request = server.last();
    assertEquals("notes,due_on", request.getUrl().queryParameter("opt_fields"));
    assertEquals("new_goal_memberships", request.getHeaders().get("Asana-Enable"));
    assertEquals("string_ids", request.getHeaders().get("Asana-Disable"));
    assertEquals("Bearer test-token-123", request.getHeaders().get("Authorization"));

    asana.execute("project_tasks", "list", Map.of("project_gid", "100", "opt_fields", "notes,created_by"));
    assertEquals(TASK_FIELDS + ",notes", server.last().getUrl().queryParameter("opt_fields"));
  }

  @Test
  void dateTimesWithZeroSecondsAreSentInFullIso8601() {
    java.time.OffsetDateTime nine = java.time.OffsetDateTime.parse("2026-01-31T09:00Z");
    asana.projectTasks().list("100", Params.builder().completedSince(nine).build());
    assertEquals("2026-01-31T09:00:00Z", server.last().getUrl().queryParameter("completed_since"));
    asana.execute("project_tasks", "list", Map.of("project_gid", "100", "completed_since", "2026-01-31T09:00+01:00"));
    assertEquals("2026-01-31T09:00:00+01:00", server.last().getUrl().queryParameter("completed_since"));
    asana.tasks().list(Params.builder().project("100").completedSince(nine).modifiedSince(nine).build());
    assertEquals("2026-01-31T09:00:00Z", server.last().getUrl().queryParameter("completed_since"));
    assertEquals("2026-01-31T09:00:00Z", server.last().getUrl().queryParameter("modified_since"));
    asana.workspaceTaskSearch().list("5", TaskSearch.builder().createdAtAfter(nine).dueAtBefore(nine).build(),
        Params.none());
    assertEquals("2026-01-31T09:00:00Z", server.last().getUrl().queryParameter("created_at.after"));
    assertEquals("2026-01-31T09:00:00Z", server.last().getUrl().queryParameter("due_at.before"));
  }

  @Test
  void searchNeverSendsTheSpecDefaultForResourceSubtype() {
    asana.execute("workspace_task_search", "list", Map.of("workspace_gid", "5", "text", "x"));
    assertNull(server.last().getUrl().queryParameter("resource_subtype"));
  }

  /** One action of the connector's reference and the parameters its table lists. */
  record SeedAction(String entity, String action, List<SeedParam> params) {
    @Override
    public String toString() {
      return entity + " " + action;
    }
  }

  record SeedParam(String name, String type, boolean required) {
  }

  private static final Pattern SEED_ENTITY = Pattern.compile("\"entity\": \"(\\w+)\"");
  private static final Pattern SEED_ACTION = Pattern.compile("\"action\": \"(\\w+)\"");
  private static final Pattern SEED_PARAM = Pattern.compile("\\| `([^`]+)` \\| `([^`]+)` \\| (Yes|No) \\|.*");

  /** Every action of the reference ({@code ../shared/seeds/}, the project's contract), parsed from its tables. */
  static List<SeedAction> seedActions() throws IOException {
    Path seed = Path.of(System.getProperty("asana.root", "..")).resolve("../shared/seeds/000_82e322971dfa2b98.txt");
    assertTrue(Files.isRegularFile(seed), "the connector reference is needed at " + seed.toAbsolutePath());
    List<SeedAction> actions = new ArrayList<>();
    String entity = null;
    String action = null;
    List<SeedParam> params = null;
    for (String line : Files.readAllLines(seed)) {
      Matcher m;
      if ((m = SEED_ENTITY.matcher(line)).find()) {
        entity = m.group(1);
      } else if ((m = SEED_ACTION.matcher(line)).find()) {
        action = m.group(1);
      } else if (line.equals("**Parameters**")) {
        params = new ArrayList<>();
        actions.add(new SeedAction(entity, action, params));
      } else if (line.startsWith("<details>") || line.startsWith("#")) {
        params = null;
      } else if (params != null && (m = SEED_PARAM.matcher(line)).matches()) {
        params.add(new SeedParam(m.group(1), m.group(2), m.group(3).equals("Yes")));
      }
    }
    assertEquals(28, actions.size(), "the reference's 22 entities have 28 actions");
    return actions;
  }

  /** The reads the connector adds to the reference's, for the entities its writes bring. */
  static final Set<String> LISTS_OF_THE_WRITES = Set.of("section_tasks list", "tag_tasks list", "task_stories list");

  @Test
  void theCatalogHasTheReferencesActionsAndBesidesThemOnlyTheWritesAndTheirLists() throws IOException {
    Set<String> seed = seedActions().stream().map(SeedAction::toString).collect(Collectors.toCollection(TreeSet::new));
    Set<String> reads = new TreeSet<>();
    for (Map<ActionKind, ActionSpec> actions : Catalog.entities().values()) {
      actions.values().stream().filter(spec -> !spec.kind.isWrite()).map(ActionSpec::name).forEach(reads::add);
    }
    Set<String> expected = new TreeSet<>(seed);
    expected.addAll(LISTS_OF_THE_WRITES);
    assertEquals(expected, reads);
  }

  /**
   * Every parameter the reference names for an action, all at once through {@code execute}: declared with
   * the reference's type and required flag, accepted, and sent where it belongs ({@code *_gid} in the path,
   * {@code range_header} as the download's Range header, the rest as the query parameter of that name).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("seedActions")
  void everyReferenceParameterIsAcceptedAndSentInItsSlot(SeedAction seed) throws Exception {
    ActionSpec spec = Catalog.find(seed.entity(), seed.action());
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    int gid = 9001;
    for (SeedParam param : seed.params()) {
      ParamSpec declared = spec.params.get(param.name());
      assertNotNull(declared, seed + " lacks the reference's parameter " + param.name());
      assertEquals(param.type(), declared.type().jsonType(), seed + " " + param.name() + " type");
      assertEquals(param.required(), declared.required(), seed + " " + param.name() + " required");
      Object value = switch (declared.type()) {
        case GID, GID_OR_ME -> String.valueOf(gid++);
        case GID_LIST -> (gid++) + "," + (gid++);
        case LIMIT -> 7;
        case BOOLEAN -> true;
        case DATE_TIME, DATE_TIME_OR_NOW -> "2026-02-03T04:05:06Z";
        case DATE -> "2026-02-03";
        case BYTE_RANGE -> "bytes=0-9";
        default -> declared.allowed().isEmpty() ? "v-" + param.name() : declared.allowed().get(1);
      };
      params.put(param.name(), value);
      expected.put(param.name(), value.toString());
    }
    try (RecordingServer api = new RecordingServer(); RecordingServer files = new RecordingServer()) {
      String record = "{\"data\":{\"gid\":\"1\",\"name\":\"f\",\"download_url\":\"" + files.server.url("/f/1")
          + "\"}}";
      api.answer(r -> RecordingServer.json(200, spec.kind == ActionKind.LIST ? "{\"data\":[]}" : record));
      files.answer(r -> new MockResponse.Builder().code(206).setHeader("Content-Range", "bytes 0-9/100")
          .body("0123456789").build());
      Object result = api.client().execute(seed.entity(), seed.action(), params);
      if (result instanceof AttachmentDownload download) {
        try (InputStream in = download.openStream()) {
          assertEquals(10, in.readAllBytes().length);
        }
      }
      HttpUrl url = api.last().getUrl();
      for (Map.Entry<String, String> entry : expected.entrySet()) {
        String name = entry.getKey();
        if (name.endsWith("_gid")) {
          assertTrue(url.pathSegments().contains(entry.getValue()), name + " in the path of " + url);
          assertNull(url.queryParameter(name), name + " not also in the query");
        } else if (name.equals("range_header")) {
          assertEquals(entry.getValue(), files.last().getHeaders().get("Range"));
        } else {
          assertEquals(entry.getValue(), url.queryParameter(name), name + " in the query of " + url);
        }
      }
    }
  }

  private static void assertRequest(RecordedRequest request, String path, Map<String, String> query) {
    assertEquals("GET", request.getMethod());
    HttpUrl url = request.getUrl();
    assertEquals("/api/1.0" + path, url.encodedPath());
    Map<String, String> actual = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      assertEquals(1, url.queryParameterValues(name).size(), name + " sent once");
      actual.put(name, url.queryParameter(name));
    }
    assertEquals(new java.util.TreeMap<>(query), new java.util.TreeMap<>(actual),
        "query of " + path + ": " + actual.keySet().stream().collect(Collectors.joining(",")));
  }
}
