package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Task writes change what every read returns: get, lists, search, and the seeded-data helpers. */
class TaskWritesTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String workspace;
  static String project;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(20).build();
    sandbox.start();
    data = sandbox.data();
    workspace = data.workspaceGid();
    project = data.projectGids().get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Map<String, Object> createTask(Object... nameValues) {
    return Http.post(sandbox, "tasks", fields(nameValues)).expect(201).object();
  }

  static String gid(Map<String, Object> record) {
    return (String) record.get("gid");
  }

  static List<String> listGids(String path) {
    return Http.gids(Http.get(sandbox, path).expect(200).data());
  }

  @Test
  void createdTaskIsReadBackListedAndCountedByTheDataHelpers() {
    int before = data.taskCount();
    Map<String, Object> created = createTask("name", "Write the launch plan", "projects", List.of(project),
        "notes", "Draft by Friday", "due_on", "2031-05-17", "assignee", "me");
    String t = gid(created);
    assertEquals("task", created.get("resource_type"));
    assertEquals("Write the launch plan", created.get("name"));
    assertEquals(data.meGid(), Http.map(created.get("created_by")).get("gid"));

    Map<String, Object> read = Http.get(sandbox, "tasks/" + t).expect(200).object();
    assertEquals("Draft by Friday", read.get("notes"));
    assertEquals("2031-05-17", read.get("due_on"));
    assertEquals(data.meGid(), Http.map(read.get("assignee")).get("gid"));
    assertEquals(workspace, Http.map(read.get("workspace")).get("gid"));
    assertEquals(List.of(project), Http.gids(Http.list(read.get("projects"))));
    String firstSection = data.sectionGids(project).get(0);
    assertEquals(firstSection, Http.map(Http.list(read.get("memberships")).get(0).get("section")).get("gid"));

    assertTrue(listGids("projects/" + project + "/tasks").contains(t));
    assertTrue(listGids("sections/" + firstSection + "/tasks").contains(t));
    assertEquals(data.meGid(), data.task(t).assigneeGid());
    assertEquals(before + 1, data.taskCount());
    assertEquals("Write the launch plan", data.task(t).name());
    assertTrue(data.taskGids(project).contains(t));
    List<String> search = listGids("workspaces/" + workspace + "/tasks/search?text=launch%20plan&projects.any=" + project);
    assertTrue(search.contains(t), "search sees the new task");
  }

  @Test
  void createdGidsAreNewAndDistinct() {
    String a = gid(createTask("name", "a", "workspace", workspace));
    String b = gid(createTask("name", "b", "workspace", workspace));
    assertNotEquals(a, b);
    assertFalse(data.tasks().stream().filter(i -> i.gid().equals(a)).toList().isEmpty());
    assertTrue(a.matches("\\d{16,19}"), a);
  }

  @Test
  void updateChangesOnlyTheGivenFieldsAndNullClears() {
    String t = gid(createTask("name", "Old name", "workspace", workspace, "notes", "keep me",
        "due_on", "2030-01-02", "assignee", data.userGids().get(1)));
    Map<String, Object> updated = Http.put(sandbox, "tasks/" + t, fields("name", "New name", "due_on", null,
        "completed", true)).expect(200).object();
    assertEquals("New name", updated.get("name"));
    assertNull(updated.get("due_on"), "an explicit null clears the field");
    assertEquals("keep me", updated.get("notes"), "fields not sent stay as they were");
    assertEquals(Boolean.TRUE, updated.get("completed"));
    assertTrue(ApiBehaviourTest.ISO_MILLIS.matcher((String) updated.get("completed_at")).matches());
    assertEquals(data.userGids().get(1), Http.map(updated.get("assignee")).get("gid"));

    Map<String, Object> read = Http.get(sandbox, "tasks/" + t).expect(200).object();
    assertEquals("New name", read.get("name"));
    assertNull(read.get("due_on"));

    Map<String, Object> unassigned = Http.put(sandbox, "tasks/" + t, fields("assignee", null, "completed", false))
        .expect(200).object();
    assertNull(unassigned.get("assignee"));
    assertNull(unassigned.get("completed_at"));
  }

  @Test
  void renamedTaskShowsItsNewNameInLists() {
    String t = gid(createTask("name", "Before", "projects", List.of(project)));
    Http.put(sandbox, "tasks/" + t, fields("name", "After")).expect(200);
    Map<String, Object> listed = Http.get(sandbox, "projects/" + project + "/tasks").expect(200).data().stream()
        .filter(r -> r.get("gid").equals(t)).findFirst().orElseThrow();
    assertEquals("After", listed.get("name"), "the cached compact record was refreshed");
  }

  @Test
  void dueAtSetsDueOnAndHtmlNotesSetNotes() {
    String t = gid(createTask("workspace", workspace, "due_at", "2031-02-03T04:05:06.000Z",
        "html_notes", "<body>Check <strong>this</strong> &amp; that</body>"));
    Map<String, Object> read = Http.get(sandbox, "tasks/" + t).expect(200).object();
    assertEquals("2031-02-03T04:05:06.000Z", read.get("due_at"));
    assertEquals("2031-02-03", read.get("due_on"));
    assertEquals("Check this & that", read.get("notes"));
    assertEquals("<body>Check <strong>this</strong> &amp; that</body>", read.get("html_notes"));
  }

  @Test
  void deletedTaskAnswers404AndLeavesEveryList() {
    String tag = data.tagGids().get(3);
    String t = gid(createTask("name", "Doomed", "projects", List.of(project), "tags", List.of(tag)));
    String sub = gid(Http.post(sandbox, "tasks/" + t + "/subtasks", fields("name", "child")).expect(201).object());
    assertEquals(Map.of(), Http.delete(sandbox, "tasks/" + t).expect(200).object());

    Resp gone = Http.get(sandbox, "tasks/" + t).expect(404);
    assertEquals("Unknown object: " + t, gone.errorMessage());
    Http.get(sandbox, "tasks/" + sub).expect(404);
    assertFalse(listGids("projects/" + project + "/tasks").contains(t));
    assertFalse(listGids("tags/" + tag + "/tasks").contains(t));
    Http.put(sandbox, "tasks/" + t, fields("name", "x")).expect(404);
    Http.delete(sandbox, "tasks/" + t).expect(404);
  }

  @Test
  void subtasksAreListedUnderTheirParent() {
    String parent = gid(createTask("name", "Parent", "workspace", workspace));
    Map<String, Object> sub = Http.post(sandbox, "tasks/" + parent + "/subtasks", fields("name", "Step 1"))
        .expect(201).object();
    Http.post(sandbox, "tasks/" + parent + "/subtasks", fields("name", "Step 2")).expect(201);
    assertEquals(parent, Http.map(sub.get("parent")).get("gid"));
    List<Map<String, Object>> subs = Http.get(sandbox, "tasks/" + parent + "/subtasks").expect(200).data();
    assertEquals(List.of("Step 1", "Step 2"), subs.stream().map(r -> r.get("name")).toList());
    assertEquals(2.0, Http.get(sandbox, "tasks/" + parent).object().get("num_subtasks"));
  }

  @Test
  void tagsAreAddedAndRemovedWithTheTagsTaskList() {
    String tag = data.tagGids().get(5);
    String t = gid(createTask("name", "Tag me", "workspace", workspace));
    assertEquals(Map.of(), Http.post(sandbox, "tasks/" + t + "/addTag", fields("tag", tag)).expect(200).object());
    assertEquals(List.of(tag), Http.gids(Http.list(Http.get(sandbox, "tasks/" + t).object().get("tags"))));
    assertTrue(listGids("tags/" + tag + "/tasks").contains(t));
    assertTrue(listGids("tasks?tag=" + tag + "&limit=100").contains(t));
    Http.post(sandbox, "tasks/" + t + "/removeTag", fields("tag", tag)).expect(200);
    assertEquals(List.of(), Http.get(sandbox, "tasks/" + t).object().get("tags"));
    assertFalse(listGids("tags/" + tag + "/tasks").contains(t));
  }

  @Test
  void followersAreAddedAndRemovedAndTheTaskIsReturned() {
    String t = gid(createTask("name", "Follow me", "workspace", workspace));
    String u1 = data.userGids().get(2);
    String u2Email = "wei.chen@acme.example";
    Map<String, Object> after = Http.post(sandbox, "tasks/" + t + "/addFollowers",
        fields("followers", List.of(u1, u2Email))).expect(200).object();
    List<String> followers = Http.gids(Http.list(after.get("followers")));
    assertTrue(followers.containsAll(List.of(data.meGid(), u1)), followers.toString());
    assertEquals(3, followers.size(), "the creator, a gid and an email");
    Map<String, Object> removed = Http.post(sandbox, "tasks/" + t + "/removeFollowers", fields("followers", List.of(u1)))
        .expect(200).object();
    assertFalse(Http.gids(Http.list(removed.get("followers"))).contains(u1));
  }

  @Test
  void dependenciesLinkBothWays() {
    String blocker = gid(createTask("name", "Blocker", "workspace", workspace));
    String blocked = gid(createTask("name", "Blocked", "workspace", workspace));
    Http.post(sandbox, "tasks/" + blocked + "/addDependencies", fields("dependencies", List.of(blocker))).expect(200);
    assertEquals(List.of(blocker), listGids("tasks/" + blocked + "/dependencies"));
    assertEquals(List.of(blocked), listGids("tasks/" + blocker + "/dependents"));
    assertTrue(data.task(blocked).blocked());
    Resp cycle = Http.post(sandbox, "tasks/" + blocker + "/addDependencies", fields("dependencies", List.of(blocked)))
        .expect(400);
    assertTrue(cycle.errorMessage().startsWith("dependencies:"), cycle.errorMessage());
    Http.post(sandbox, "tasks/" + blocked + "/removeDependencies", fields("dependencies", List.of(blocker))).expect(200);
    assertEquals(List.of(), listGids("tasks/" + blocked + "/dependencies"));
    assertEquals(List.of(), listGids("tasks/" + blocker + "/dependents"));
  }

  @Test
  void addProjectPlacesTheTaskAsTheSpecSays() {
    Map<String, Object> p = Http.post(sandbox, "projects", fields("name", "Placement", "workspace", workspace))
        .expect(201).object();
    String pg = gid(p);
    String s1 = gid(Http.post(sandbox, "projects/" + pg + "/sections", fields("name", "One")).expect(201).object());
    String s2 = gid(Http.post(sandbox, "projects/" + pg + "/sections", fields("name", "Two")).expect(201).object());
    List<String> t = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      t.add(gid(createTask("name", "t" + i, "workspace", workspace)));
    }
    Http.post(sandbox, "tasks/" + t.get(0) + "/addProject", fields("project", pg, "section", s1)).expect(200);
    Http.post(sandbox, "tasks/" + t.get(1) + "/addProject", fields("project", pg, "section", s1)).expect(200);
    assertEquals(List.of(t.get(0), t.get(1)), listGids("sections/" + s1 + "/tasks"), "section alone: at its end");
    Http.post(sandbox, "tasks/" + t.get(2) + "/addProject", fields("project", pg, "section", s1, "insert_after", null))
        .expect(200);
    assertEquals(List.of(t.get(2), t.get(0), t.get(1)), listGids("sections/" + s1 + "/tasks"),
        "insert_after null with a section: at its beginning");
    Http.post(sandbox, "tasks/" + t.get(3) + "/addProject", fields("project", pg, "insert_before", t.get(0))).expect(200);
    assertEquals(List.of(t.get(2), t.get(3), t.get(0), t.get(1)), listGids("sections/" + s1 + "/tasks"));
    assertEquals(List.of(t.get(2), t.get(3), t.get(0), t.get(1)), listGids("projects/" + pg + "/tasks"));
    // Moving within the project: to another section, out of the first.
    Http.post(sandbox, "tasks/" + t.get(0) + "/addProject", fields("project", pg, "section", s2)).expect(200);
    assertEquals(List.of(t.get(0)), listGids("sections/" + s2 + "/tasks"));
    assertEquals(List.of(t.get(2), t.get(3), t.get(1)), listGids("sections/" + s1 + "/tasks"));
    assertEquals(List.of(t.get(2), t.get(3), t.get(1), t.get(0)), listGids("projects/" + pg + "/tasks"));

    Http.post(sandbox, "tasks/" + t.get(3) + "/removeProject", fields("project", pg)).expect(200);
    assertEquals(List.of(t.get(2), t.get(1), t.get(0)), listGids("projects/" + pg + "/tasks"));
    assertEquals(List.of(), Http.get(sandbox, "tasks/" + t.get(3)).object().get("projects"));
  }

  @Test
  void addTaskToASectionPutsItOnTopUnlessAnchored() {
    String p = gid(Http.post(sandbox, "projects", fields("name", "Board", "workspace", workspace)).expect(201).object());
    String s = gid(Http.post(sandbox, "projects/" + p + "/sections", fields("name", "Doing")).expect(201).object());
    String a = gid(createTask("name", "a", "projects", List.of(p)));
    String b = gid(createTask("name", "b", "workspace", workspace));
    String c = gid(createTask("name", "c", "workspace", workspace));
    Http.post(sandbox, "sections/" + s + "/addTask", fields("task", a)).expect(200);
    Http.post(sandbox, "sections/" + s + "/addTask", fields("task", b)).expect(200);
    assertEquals(List.of(b, a), listGids("sections/" + s + "/tasks"));
    Http.post(sandbox, "sections/" + s + "/addTask", fields("task", c, "insert_after", a)).expect(200);
    assertEquals(List.of(b, a, c), listGids("sections/" + s + "/tasks"));
    assertFalse(listGids("sections/" + data.sectionGids(p).get(0) + "/tasks").contains(a),
        "a left the section it was created in");
    assertTrue(listGids("projects/" + p + "/tasks").containsAll(List.of(a, b, c)), "b and c joined the project");
  }

  @Test
  void commentsAreCreatedAndListedAsStories() {
    String t = gid(createTask("name", "Discuss", "workspace", workspace));
    Map<String, Object> story = Http.post(sandbox, "tasks/" + t + "/stories", fields("text", "Looks good", "is_pinned", true))
        .expect(201).object();
    assertEquals("story", story.get("resource_type"));
    assertEquals("comment_added", story.get("resource_subtype"));
    assertEquals("comment", story.get("type"));
    assertEquals("Looks good", story.get("text"));
    assertEquals(Boolean.TRUE, story.get("is_pinned"));
    assertEquals(data.meGid(), Http.map(story.get("created_by")).get("gid"));
    Map<String, Object> html = Http.post(sandbox, "tasks/" + t + "/stories",
        fields("html_text", "<body>Ship <em>it</em></body>")).expect(201).object();
    assertEquals("Ship it", html.get("text"));
    List<Map<String, Object>> stories = Http.get(sandbox, "tasks/" + t + "/stories").expect(200).data();
    assertEquals(List.of("Looks good", "Ship it"), stories.stream().map(r -> r.get("text")).toList());
    assertEquals("Looks good", Http.get(sandbox, "stories/" + gid(story)).expect(200).object().get("text"));
  }

  @Test
  void formEncodedBodiesWorkLikeAsanasCurlExamples() {
    okhttp3.FormBody form = new okhttp3.FormBody.Builder().add("workspace", workspace).add("name", "From curl")
        .add("completed", "true").build();
    Map<String, Object> t = Http.raw(sandbox, "POST", "tasks", form).expect(201).object();
    assertEquals("From curl", t.get("name"));
    assertEquals(Boolean.TRUE, t.get("completed"));
  }

  @Test
  void likedAndCompletedSetTheirDerivedFields() {
    String t = gid(createTask("name", "Like me", "workspace", workspace, "liked", true));
    Map<String, Object> read = Http.get(sandbox, "tasks/" + t).expect(200).object();
    assertEquals(Boolean.TRUE, read.get("liked"));
    assertEquals(1.0, read.get("num_likes"));
    Map<String, Object> done = Http.put(sandbox, "tasks/" + t, fields("approval_status", "approved",
        "resource_subtype", "approval")).expect(200).object();
    assertEquals(Boolean.TRUE, done.get("completed"), "approved completes an approval");
    assertEquals(data.meGid(), Http.map(done.get("completed_by")).get("gid"));
  }
}
