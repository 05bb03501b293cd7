package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiBehaviourTest {
  static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
  static AsanaSandbox sandbox;
  static SandboxData data;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void baseUrlAndTokenUrl() {
    HttpUrl base = sandbox.baseUrl();
    assertEquals("127.0.0.1", base.host());
    assertEquals("/api/1.0/", base.encodedPath());
    assertEquals("/-/oauth_token", sandbox.tokenUrl().encodedPath());
    assertEquals(base.port(), sandbox.tokenUrl().port());
  }

  @Test
  void missingOrWrongTokenIs401() {
    HttpUrl me = sandbox.baseUrl().resolve("users/me");
    for (String token : new String[] {null, "wrong-token", ""}) {
      Resp r = Http.get(me, token).expect(401);
      assertEquals("{\"errors\":[{\"message\":\"Not Authorized\"}]}", r.body());
    }
    Resp basic = Http.call(Http.CLIENT, new Request.Builder().url(me).header("Authorization", "Basic c2FuZGJveDp4").build());
    assertEquals(401, basic.code());
    Http.get(me, sandbox.token()).expect(200);
  }

  @Test
  void everyResponseHasJsonContentTypeAndAUniqueRequestId() {
    Set<String> ids = new HashSet<>();
    String[] paths = {"users/me", "workspaces", "tasks", "tasks/1", "no/such/route", "tasks?project=x"};
    for (int i = 0; i < 5; i++) {
      for (String p : paths) {
        Resp r = Http.get(sandbox, p);
        assertEquals("application/json; charset=UTF-8", r.headers().get("Content-Type"), p);
        String id = r.headers().get("X-Request-Id");
        assertNotNull(id);
        assertTrue(ids.add(id), "duplicate request id " + id);
      }
    }
    Resp unauth = Http.get(sandbox.baseUrl().resolve("users/me"), null);
    assertNotNull(unauth.headers().get("X-Request-Id"));
  }

  @Test
  void unknownObjectsRoutesAndMethods() {
    assertTrue(Http.get(sandbox, "tasks/1234567890123456").expect(404).errorMessage().contains("Unknown object"));
    assertTrue(Http.get(sandbox, "projects/abc").expect(404).errorMessage().contains("Unknown object"));
    // A gid of the wrong type is unknown too.
    Http.get(sandbox, "projects/" + data.richTaskGid()).expect(404);
    assertEquals("No matching route for request", Http.get(sandbox, "frobnicate").expect(404).errorMessage());
    assertEquals("No matching route for request", Http.get(sandbox, "tasks/1/2/3/4").expect(404).errorMessage());
    Resp root = Http.get(sandbox.baseUrl().resolve("/elsewhere"), sandbox.token()).expect(404);
    assertNotNull(root.errorMessage());
    // A method with no route on a path that has one (Asana has no POST /workspaces).
    Resp post = Http.call(Http.CLIENT, new Request.Builder().url(sandbox.baseUrl().resolve("workspaces"))
        .header("Authorization", "Bearer " + sandbox.token())
        .post(RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build());
    assertEquals(404, post.code());
    assertEquals("No matching route for request", post.errorMessage());
  }

  @Test
  void tasksNeedAScope() {
    assertEquals("Must specify exactly one of project, tag, section, user task list, or assignee + workspace",
        Http.get(sandbox, "tasks").expect(400).errorMessage());
    String p = data.projectGids().get(0);
    Http.get(sandbox, "tasks?project=" + p + "&section=" + data.sectionGids(p).get(0)).expect(400);
    assertTrue(Http.get(sandbox, "tasks?project=999").expect(400).errorMessage().startsWith("project:"));
    assertTrue(Http.get(sandbox, "tasks?project=" + p + "&completed_since=yesterday").expect(400)
        .errorMessage().startsWith("completed_since:"));
  }

  @Test
  void compactRecordsOnListsFullRecordsOnGets() {
    String p = data.projectGids().get(0);
    for (Map<String, Object> t : Http.get(sandbox, "tasks?project=" + p + "&limit=20").expect(200).data()) {
      assertEquals(Set.of("gid", "name", "resource_type", "resource_subtype"), t.keySet());
      assertEquals("task", t.get("resource_type"));
      assertTrue(((String) t.get("gid")).matches("\\d{13,19}"));
    }
    for (Map<String, Object> pr : Http.get(sandbox, "projects?workspace=" + data.workspaceGid()).data()) {
      assertEquals(Set.of("gid", "name", "resource_type"), pr.keySet());
    }
    Map<String, Object> task = Http.get(sandbox, "tasks/" + data.richTaskGid()).expect(200).object();
    for (String f : List.of("gid", "resource_type", "name", "resource_subtype", "notes", "completed", "completed_at",
        "created_at", "modified_at", "due_on", "assignee", "created_by", "projects", "memberships", "tags",
        "followers", "parent", "workspace", "num_subtasks", "permalink_url")) {
      assertTrue(task.containsKey(f), "full task lacks " + f);
    }
    assertTrue(ISO_MILLIS.matcher((String) task.get("created_at")).matches(), (String) task.get("created_at"));
    assertTrue(ISO_MILLIS.matcher((String) task.get("modified_at")).matches());
    assertTrue(DATE.matcher((String) task.get("due_on")).matches());
    assertEquals(data.task(data.richTaskGid()).createdAt(), task.get("created_at"));
    assertEquals(Set.of("gid", "name", "resource_type"), Http.map(task.get("assignee")).keySet());
    Map<String, Object> membership = Http.list(task.get("memberships")).get(0);
    assertEquals(Set.of("project", "section"), membership.keySet());
    assertEquals(3.0, task.get("num_subtasks"));

    Map<String, Object> project = Http.get(sandbox, "projects/" + p).expect(200).object();
    for (String f : List.of("archived", "color", "created_at", "members", "owner", "team", "workspace", "notes")) {
      assertTrue(project.containsKey(f), "full project lacks " + f);
    }
    Map<String, Object> ws = Http.get(sandbox, "workspaces/" + data.workspaceGid()).expect(200).object();
    assertEquals(Boolean.TRUE, ws.get("is_organization"));
    assertEquals(Boolean.FALSE, Http.get(sandbox, "workspaces/" + data.personalWorkspaceGid()).object()
        .get("is_organization"));
  }

  @Test
  void optFieldsSelectFieldsAndNestedFields() {
    String p = data.projectGids().get(0);
    List<Map<String, Object>> tasks = Http.get(sandbox, "tasks?project=" + p
        + "&limit=30&opt_fields=name,completed,created_at,created_by.name,memberships.section.name,assignee")
        .expect(200).data();
    for (Map<String, Object> t : tasks) {
      assertEquals(Set.of("gid", "resource_type", "name", "completed", "created_at", "created_by", "memberships",
          "assignee"), t.keySet());
      assertEquals(Set.of("gid", "resource_type", "name"), Http.map(t.get("created_by")).keySet());
      for (Map<String, Object> m : Http.list(t.get("memberships"))) {
        assertEquals(Set.of("section"), m.keySet());
        assertEquals(Set.of("gid", "resource_type", "name"), Http.map(m.get("section")).keySet());
      }
      if (t.get("assignee") != null) {
        assertEquals(Set.of("gid", "name", "resource_type"), Http.map(t.get("assignee")).keySet());
      }
      SandboxData.TaskInfo info = data.task((String) t.get("gid"));
      assertEquals(info.completed(), t.get("completed"));
      assertEquals(info.createdAt(), t.get("created_at"));
      assertEquals(info.createdByGid(), Http.map(t.get("created_by")).get("gid"));
    }
    Map<String, Object> me = Http.get(sandbox, "users/me?opt_fields=email").expect(200).object();
    assertEquals(Set.of("gid", "resource_type", "email"), me.keySet());
    Map<String, Object> one = Http.get(sandbox, "tasks/" + data.richTaskGid() + "?opt_fields=assignee.email,unknown_field")
        .expect(200).object();
    assertEquals(Set.of("gid", "resource_type", "assignee"), one.keySet());
    assertEquals(Set.of("gid", "resource_type", "email"), Http.map(one.get("assignee")).keySet());
  }

  @Test
  void usersTeamsAndWorkspaces() {
    assertEquals(data.meGid(), Http.get(sandbox, "users/me").expect(200).object().get("gid"));
    assertEquals(data.workspaceGids(), Http.gids(Http.get(sandbox, "workspaces").expect(200).data()));
    assertEquals(data.userGids(), Http.gids(Http.get(sandbox, "workspaces/" + data.workspaceGid() + "/users").data()));
    assertEquals(data.teamGids(), Http.gids(Http.get(sandbox, "workspaces/" + data.workspaceGid() + "/teams").data()));
    String team = data.teamGids().get(1);
    assertEquals(data.teamMemberGids(team), Http.gids(Http.get(sandbox, "teams/" + team + "/users").data()));
    assertEquals(data.teamMemberGids(team), Http.gids(Http.get(sandbox, "users?team=" + team).data()));
    assertEquals("team", Http.get(sandbox, "teams/" + team).expect(200).object().get("resource_type"));
    assertEquals("organization: Missing input", Http.get(sandbox, "users/me/teams").expect(400).errorMessage());
    List<String> myTeams = Http.gids(Http.get(sandbox, "users/me/teams?organization=" + data.workspaceGid())
        .expect(200).data());
    assertEquals(data.teamGids(), myTeams); // "me" belongs to every team
    assertEquals(data.teamProjectGids(team),
        Http.gids(Http.get(sandbox, "teams/" + team + "/projects").expect(200).data()));
    List<String> archived = Http.gids(Http.get(sandbox, "projects?workspace=" + data.workspaceGid() + "&archived=true")
        .expect(200).data());
    assertEquals(data.archivedProjectGids(), archived);
    assertEquals(3, archived.size());
    assertEquals(20, data.projectGids().size());
  }

  @Test
  void richTaskRelations() {
    String rich = data.richTaskGid();
    SandboxData.TaskInfo info = data.task(rich);
    assertEquals(info.subtaskGids(), Http.gids(Http.get(sandbox, "tasks/" + rich + "/subtasks").expect(200).data()));
    assertEquals(3, info.subtaskGids().size());
    assertEquals(2, Http.get(sandbox, "tasks/" + rich + "/dependencies").expect(200).data().size());
    assertEquals(2, Http.get(sandbox, "tasks/" + rich + "/dependents").expect(200).data().size());
    assertEquals(info.projectGids(), Http.gids(Http.get(sandbox, "tasks/" + rich + "/projects").expect(200).data()));
    String sub = info.subtaskGids().get(0);
    Map<String, Object> subtask = Http.get(sandbox, "tasks/" + sub).expect(200).object();
    assertEquals(rich, Http.map(subtask.get("parent")).get("gid"));
    assertEquals(List.of(), subtask.get("projects"));
    assertEquals(1, Http.get(sandbox, "tasks/" + sub + "/subtasks").expect(200).data().size());
    assertEquals(4, Http.get(sandbox, "attachments?parent=" + rich).expect(200).data().size());
    assertEquals("parent: Missing input", Http.get(sandbox, "attachments").expect(400).errorMessage());
  }

  @Test
  void attachmentRecords() {
    for (String gid : data.attachmentGids(data.richTaskGid())) {
      Map<String, Object> a = Http.get(sandbox, "attachments/" + gid).expect(200).object();
      assertEquals(Set.of("gid", "resource_type", "name", "resource_subtype", "connected_to_app", "created_at",
          "download_url", "host", "parent", "permanent_url", "size", "view_url"), a.keySet());
      assertEquals("attachment", a.get("resource_type"));
      Map<String, Object> parent = Http.map(a.get("parent"));
      assertEquals(Set.of("gid", "name", "resource_type", "resource_subtype"), parent.keySet());
      assertEquals(data.richTaskGid(), parent.get("gid"));
      if ("asana".equals(a.get("host"))) {
        assertNotNull(a.get("download_url"));
        assertEquals((double) data.attachmentSize(gid), a.get("size"));
        HttpUrl download = HttpUrl.get((String) a.get("download_url"));
        assertNotEquals(sandbox.baseUrl().host() + ":" + sandbox.baseUrl().port(),
            download.host() + ":" + download.port(), "downloads come from another origin");
      } else {
        assertNull(a.get("download_url"));
        assertNotNull(a.get("view_url"));
        assertTrue(Set.of("gdrive", "dropbox", "box", "onedrive").contains(a.get("host")));
      }
    }
    assertFalse(data.externalAttachmentGids().isEmpty());
  }

  @Test
  void tagsAndSections() {
    List<String> tags = Http.gids(Http.get(sandbox, "workspaces/" + data.workspaceGid() + "/tags").expect(200).data());
    assertEquals(data.tagGids(), tags);
    assertEquals(10, tags.size());
    Map<String, Object> tag = Http.get(sandbox, "tags/" + tags.get(0)).expect(200).object();
    assertEquals("tag", tag.get("resource_type"));
    assertNotNull(tag.get("color"));
    String p = data.projectGids().get(0);
    List<String> sections = Http.gids(Http.get(sandbox, "projects/" + p + "/sections").expect(200).data());
    assertEquals(data.sectionGids(p), sections);
    assertTrue(sections.size() >= 3);
    Map<String, Object> section = Http.get(sandbox, "sections/" + sections.get(0)).expect(200).object();
    assertEquals(p, Http.map(section.get("project")).get("gid"));
  }
}
