package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.BadRequestException;
import dev.asanaconnector.InvalidParameterException;
import dev.asanaconnector.Params;
import dev.asanaconnector.TaskSearch;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Point 5, end to end: hostile gids and parameters through every typed accessor and {@code execute},
 * each rejected with an {@link InvalidParameterException} naming the parameter while the sandbox
 * receives nothing; values that are allowed but odd are encoded, never changing the path or query.
 */
class HostileInputTest {
  /** Gids that must never reach a path: traversal, query and fragment injection, encodings, look-alikes. */
  static final List<String> HOSTILE_GIDS = List.of("../users/me", "..", ".", "1?x=2", "1#f", "1/2", "1\\2", "%2e%2e",
      "1%2F2", "1%3Fx%3D2", " 1", "1 ", "1\n", "1\r\nX-Evil: 1", "1\u0000", "１２３", "١٢٣", "-1", "+1", "0x1F",
      "1e3", "1.0", "1,2", "1;2", "1&limit=1", "", " ", "1".repeat(41), "ME", "me/", "me?x", "self", "null",
      "<script>", "' OR 1=1 --");

  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;
  private static Fixtures.Wire wire;
  /** Rejections counted across the class, for the README's table. */
  private static int rejected;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
    wire = new Fixtures.Wire();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(wire.baseClient());
    asana = builder.build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    System.out.println("HostileInputTest: " + rejected + " bad inputs rejected before any request");
  }

  private static void assertRejectedBeforeAnyRequest(String parameter, Executable call) {
    assertRejectedBeforeAnyRequest(parameter, call, parameter);
  }

  private static void assertRejectedBeforeAnyRequest(String parameter, Executable call, String what) {
    int before = sandbox.requestCount();
    InvalidParameterException e = assertThrows(InvalidParameterException.class, call, what);
    assertEquals(parameter, e.parameter(), e.getMessage());
    assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\r"), "one line: " + e.getMessage());
    assertEquals(before, sandbox.requestCount(), "nothing was sent for " + parameter);
    rejected++;
  }

  /** Every gid-taking entry point: typed accessors (list, iterate, get, download) and {@code execute}. */
  static Stream<Arguments> gidTakers() {
    String ws = data.workspaceGid();
    Map<String, Consumer<String>> takers = new LinkedHashMap<>();
    takers.put("task_gid|tasks().get", gid -> asana.tasks().get(gid));
    takers.put("project_gid|projects().get", gid -> asana.projects().get(gid));
    takers.put("workspace_gid|workspaces().get", gid -> asana.workspaces().get(gid));
    takers.put("user_gid|users().get", gid -> asana.users().get(gid));
    takers.put("team_gid|teams().get", gid -> asana.teams().get(gid));
    takers.put("tag_gid|tags().get", gid -> asana.tags().get(gid));
    takers.put("section_gid|sections().get", gid -> asana.sections().get(gid));
    takers.put("attachment_gid|attachments().get", gid -> asana.attachments().get(gid));
    takers.put("attachment_gid|attachments().download", gid -> asana.attachments().download(gid));
    takers.put("parent|attachments().list", gid -> asana.attachments().list(gid, Params.none()));
    takers.put("project_gid|projectTasks().list", gid -> asana.projectTasks().list(gid));
    takers.put("project_gid|projectTasks().iterate", gid -> asana.projectTasks().iterate(gid, Params.none())
        .iterator().hasNext());
    takers.put("task_gid|taskProjects().list", gid -> asana.taskProjects().list(gid));
    takers.put("team_gid|teamProjects().list", gid -> asana.teamProjects().list(gid));
    takers.put("workspace_gid|workspaceProjects().list", gid -> asana.workspaceProjects().list(gid));
    takers.put("workspace_gid|workspaceUsers().list", gid -> asana.workspaceUsers().list(gid));
    takers.put("team_gid|teamUsers().list", gid -> asana.teamUsers().list(gid));
    takers.put("workspace_gid|workspaceTeams().list", gid -> asana.workspaceTeams().list(gid));
    takers.put("user_gid|userTeams().list", gid -> asana.userTeams().list(gid, Params.builder().organization(ws)
        .build()));
    takers.put("workspace_gid|workspaceTags().list", gid -> asana.workspaceTags().list(gid));
    takers.put("project_gid|projectSections().list", gid -> asana.projectSections().list(gid));
    takers.put("task_gid|taskSubtasks().list", gid -> asana.taskSubtasks().list(gid));
    takers.put("task_gid|taskDependencies().list", gid -> asana.taskDependencies().list(gid));
    takers.put("task_gid|taskDependents().list", gid -> asana.taskDependents().list(gid));
    takers.put("workspace_gid|workspaceTaskSearch().list", gid -> asana.workspaceTaskSearch().list(gid,
        TaskSearch.builder().completed(false).build(), Params.none()));
    takers.put("workspace_gid|workspaceTaskSearch().iterate", gid -> asana.workspaceTaskSearch().iterate(gid,
        TaskSearch.builder().completed(false).build(), Params.none()).iterator().hasNext());
    takers.put("project|tasks().list(project(gid))", gid -> asana.tasks().list(Params.builder().project(gid).build()));
    takers.put("workspace|projects().list(workspace(gid))", gid -> asana.projects().list(Params.builder().workspace(gid)
        .build()));
    takers.put("assignee|tasks().list(assignee(gid))", gid -> asana.tasks().list(Params.builder().assignee(gid)
        .workspace(ws).build()));
    takers.put("projects.any|search(projectsAny(gid))", gid -> asana.workspaceTaskSearch().list(ws,
        TaskSearch.builder().projectsAny("2", gid).build(), Params.none()));
    takers.put("task_gid|execute tasks get", gid -> asana.execute("tasks", "get", mapOf("task_gid", gid)));
    takers.put("project_gid|execute project_tasks list", gid -> asana.execute("project_tasks", "list",
        mapOf("project_gid", gid)));
    takers.put("attachment_gid|execute attachments download", gid -> asana.execute("attachments", "download",
        mapOf("attachment_gid", gid)));
    return takers.entrySet().stream().map(e -> Arguments.of(e.getKey().split("\\|")[1],
        e.getKey().split("\\|")[0], e.getValue()));
  }

  private static Map<String, Object> mapOf(String name, Object value) {
    Map<String, Object> map = new HashMap<>();
    map.put(name, value);
    return map;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gidTakers")
  void hostileGidsNeverReachThePath(String accessor, String parameter, Consumer<String> call) {
    boolean meAllowed = parameter.equals("user_gid") || parameter.equals("assignee");
    List<String> values = new ArrayList<>(HOSTILE_GIDS);
    if (!meAllowed) {
      values.add("me");
    }
    if (parameter.contains(".")) {
      // Gid lists (search filters) are comma-separated and strip the blanks around each gid: "1,2" and
      // " 1" are well-formed lists there.
      values.removeIf(gid -> gid.equals("1,2") || !gid.isBlank() && !gid.strip().equals(gid)
          && gid.strip().matches("[0-9]+"));
    }
    for (String gid : values) {
      assertRejectedBeforeAnyRequest(parameter, () -> call.accept(gid), accessor + " with '" + gid + "'");
    }
    if (!accessor.contains("(gid)")) {
      // A missing positional gid is named too (in a Params builder, null just leaves a parameter out).
      assertRejectedBeforeAnyRequest(parameter, () -> call.accept(null));
    }
  }

  @Test
  void meIsAcceptedWhereAsanaAllowsIt() {
    assertEquals(data.meGid(), asana.users().get("me").getGid());
    assertTrue(wire.sent.get(wire.sent.size() - 1).path().endsWith("/users/me"));
    assertEquals(data.teamGids().size(), asana.userTeams().list("me", Params.builder()
        .organization(data.workspaceGid()).build()).data().size());
  }

  static Stream<Arguments> hostileParameters() {
    String p = "1";
    return Stream.of(
        // limit: 1..100, an integer
        Arguments.of("limit", Map.of("project_gid", p, "limit", 0)),
        Arguments.of("limit", Map.of("project_gid", p, "limit", 101)),
        Arguments.of("limit", Map.of("project_gid", p, "limit", -1)),
        Arguments.of("limit", Map.of("project_gid", p, "limit", Integer.MAX_VALUE)),
        Arguments.of("limit", Map.of("project_gid", p, "limit", Long.MAX_VALUE)),
        Arguments.of("limit", Map.of("project_gid", p, "limit", 10.5)),
        Arguments.of("limit", Map.of("project_gid", p, "limit", "10&offset=x")),
        Arguments.of("limit", Map.of("project_gid", p, "limit", "1e2")),
        Arguments.of("limit", Map.of("project_gid", p, "limit", List.of(10))),
        // dates and date-times parse, strictly
        Arguments.of("completed_since", Map.of("project_gid", p, "completed_since", "2026-02-30T00:00:00Z")),
        Arguments.of("completed_since", Map.of("project_gid", p, "completed_since", "2026-01-01T25:00:00Z")),
        Arguments.of("completed_since", Map.of("project_gid", p, "completed_since", "2026-01-01T10:00:00")),
        Arguments.of("completed_since", Map.of("project_gid", p, "completed_since", "yesterday")),
        Arguments.of("completed_since", Map.of("project_gid", p, "completed_since", "NOW")),
        Arguments.of("due_on.before", Map.of("workspace_gid", p, "due_on.before", "2026-02-30")),
        Arguments.of("due_on.before", Map.of("workspace_gid", p, "due_on.before", "2026-13-01")),
        Arguments.of("due_on.before", Map.of("workspace_gid", p, "due_on.before", "01/02/2026")),
        Arguments.of("created_at.after", Map.of("workspace_gid", p, "created_at.after", "2026-01-01")),
        // booleans
        Arguments.of("completed", Map.of("workspace_gid", p, "completed", "yes")),
        Arguments.of("completed", Map.of("workspace_gid", p, "completed", 1)),
        // search filter names
        Arguments.of("assignee.sometimes", Map.of("workspace_gid", p, "assignee.sometimes", "1")),
        Arguments.of("custom_fields.abc.value", Map.of("workspace_gid", p, "custom_fields.abc.value", "1")),
        Arguments.of("custom_fields.1.bogus", Map.of("workspace_gid", p, "custom_fields.1.bogus", "1")),
        Arguments.of("custom_fields.1.value&x", Map.of("workspace_gid", p, "custom_fields.1.value&x", "1")),
        Arguments.of("workspace_task_search", Map.of("workspace_gid", p, "sort_by", "created_at")),
        // unknown parameters, look-alikes included
        Arguments.of("colour", Map.of("project_gid", p, "colour", "red")),
        Arguments.of("limit ", Map.of("project_gid", p, "limit ", 5)),
        Arguments.of("LIMIT", Map.of("project_gid", p, "LIMIT", 5)),
        Arguments.of("offset?x", Map.of("project_gid", p, "offset?x", "1")),
        Arguments.of("opt_fields", Map.of("project_gid", p, "opt_fields", "name,../secret")),
        Arguments.of("opt_fields", Map.of("project_gid", p, "opt_fields", "name&limit=1")),
        Arguments.of("opt_fields", Map.of("project_gid", p, "opt_fields", "")),
        // headers: no line breaks smuggled into Asana-Enable / Asana-Disable
        Arguments.of("asana_enable", Map.of("project_gid", p, "asana_enable", "a\r\nX-Evil: 1")),
        Arguments.of("asana_disable", Map.of("project_gid", p, "asana_disable", "b\nAuthorization: Bearer x")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("hostileParameters")
  void hostileParametersAreRejectedByName(String parameter, Map<String, Object> params) {
    String entity = params.containsKey("workspace_gid") ? "workspace_task_search" : "project_tasks";
    Map<String, Object> all = new LinkedHashMap<>(params);
    if (entity.equals("workspace_task_search") && params.size() == 2 && !parameter.equals("workspace_task_search")
        && !parameter.equals("completed")) {
      all.put("completed", "false");
    }
    assertRejectedBeforeAnyRequest(parameter, () -> asana.execute(entity, "list", all));
  }

  @Test
  void typedBuildersRejectBadValuesToo() {
    String project = data.projectGids().get(0);
    assertRejectedBeforeAnyRequest("limit", () -> asana.projectTasks().iterate(project,
        Params.builder().limit(0).build()).iterator().hasNext());
    assertRejectedBeforeAnyRequest("maxItems", () -> Params.builder().maxItems(-5));
    assertRejectedBeforeAnyRequest("custom_fields.1x.value", () -> TaskSearch.builder().customField("1x", "value", "a"));
    assertRejectedBeforeAnyRequest("workspace_task_search", () -> asana.workspaceTaskSearch().list(
        data.workspaceGid(), TaskSearch.builder().build(), Params.none()));
    assertRejectedBeforeAnyRequest("range_header", () -> asana.attachments().download(
        data.downloadableAttachmentGids().get(0), Params.builder().rangeHeader("bytes=9-1").build()));
    assertRejectedBeforeAnyRequest("archived", () -> asana.taskProjects().list(project,
        Params.builder().archived(true).build()));
    assertRejectedBeforeAnyRequest("project_gid", () -> asana.projectTasks().list(project,
        Params.builder().param("project_gid", "2").build()));
  }

  @Test
  void allowedButHostileTextIsEncodedAndCannotChangeThePathOrQuery() {
    String project = data.projectGids().get(0);
    int before = wire.sent.size();
    assertThrows(BadRequestException.class, () -> asana.projectTasks().list(project,
        Params.builder().offset("x&limit=1#frag/../../users/me?y=1").build()));
    Fixtures.Sent sent = wire.sent.get(before);
    assertEquals("/api/1.0/projects/" + project + "/tasks", sent.path());
    assertTrue(sent.query().startsWith("offset=x%26limit%3D1%23frag%2F..%2F..%2Fusers%2Fme%3Fy%3D1&"), sent.query());
    assertTrue(!sent.query().contains("&limit=1"), sent.query());

    before = wire.sent.size();
    asana.workspaceTaskSearch().list(data.workspaceGid(), TaskSearch.builder().text("a&assignee.any=me#x")
        .build(), Params.none());
    sent = wire.sent.get(before);
    assertEquals("/api/1.0/workspaces/" + data.workspaceGid() + "/tasks/search", sent.path());
    assertTrue(sent.query().contains("text=a%26assignee.any%3Dme%23x"), sent.query());
    assertTrue(!sent.query().contains("&assignee.any="), sent.query());
  }
}
