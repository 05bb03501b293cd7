package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects, sections, tags and workspace users: create, read back, update, delete. */
class ContainerWritesTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String workspace;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    data = sandbox.data();
    workspace = data.workspaceGid();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static String gid(Map<String, Object> record) {
    return (String) record.get("gid");
  }

  static List<String> listGids(String path) {
    return Http.gids(Http.get(sandbox, path).expect(200).data());
  }

  @Test
  void projectLifecycle() {
    String team = data.teamGids().get(1);
    Map<String, Object> created = Http.post(sandbox, "projects", fields("name", "Q4 Roadmap", "team", team,
        "color", "dark-green", "due_on", "2031-12-31", "notes", "Plan", "default_view", "board")).expect(201).object();
    String p = gid(created);
    assertEquals("project", created.get("resource_type"));
    assertEquals(workspace, Http.map(created.get("workspace")).get("gid"), "the team implies its workspace");
    assertEquals(team, Http.map(created.get("team")).get("gid"));
    assertEquals("board", created.get("default_view"));
    assertEquals(data.meGid(), Http.map(created.get("owner")).get("gid"));
    assertEquals(1, listGids("projects/" + p + "/sections").size(), "a new project has one section");
    assertTrue(listGids("teams/" + team + "/projects").contains(p));
    assertTrue(listGids("workspaces/" + workspace + "/projects").contains(p));
    assertTrue(data.projectGids().contains(p));

    Map<String, Object> updated = Http.put(sandbox, "projects/" + p, fields("name", "Q4 Roadmap (final)",
        "archived", true, "due_on", null)).expect(200).object();
    assertEquals("Q4 Roadmap (final)", updated.get("name"));
    assertEquals(Boolean.TRUE, updated.get("archived"));
    assertNull(updated.get("due_on"));
    assertEquals("Plan", updated.get("notes"));
    assertTrue(listGids("projects?workspace=" + workspace + "&archived=true").contains(p));

    String kept = gid(Http.post(sandbox, "tasks", fields("name", "multi-homed", "projects", List.of(p, data.projectGids().get(0))))
        .expect(201).object());
    String only = gid(Http.post(sandbox, "tasks", fields("name", "only here", "projects", List.of(p))).expect(201).object());
    assertEquals(Map.of(), Http.delete(sandbox, "projects/" + p).expect(200).object());
    Http.get(sandbox, "projects/" + p).expect(404);
    assertFalse(listGids("teams/" + team + "/projects").contains(p));
    Http.get(sandbox, "tasks/" + only).expect(404);
    assertEquals(List.of(data.projectGids().get(0)),
        Http.gids(Http.list(Http.get(sandbox, "tasks/" + kept).expect(200).object().get("projects"))),
        "a task in another project stays, without the deleted one");
  }

  @Test
  void sectionsAreOrderedRenamedAndDeletedOnlyWhenEmpty() {
    String p = gid(Http.post(sandbox, "projects", fields("name", "Sections", "workspace", workspace)).expect(201).object());
    String untitled = listGids("projects/" + p + "/sections").get(0);
    String done = gid(Http.post(sandbox, "projects/" + p + "/sections", fields("name", "Done")).expect(201).object());
    String doing = gid(Http.post(sandbox, "projects/" + p + "/sections", fields("name", "Doing", "insert_before", done))
        .expect(201).object());
    assertEquals(List.of(untitled, doing, done), listGids("projects/" + p + "/sections"));
    Map<String, Object> renamed = Http.put(sandbox, "sections/" + doing, fields("name", "In progress")).expect(200).object();
    assertEquals("In progress", renamed.get("name"));
    assertEquals(p, Http.map(Http.get(sandbox, "sections/" + doing).object().get("project")).get("gid"));

    String t = gid(Http.post(sandbox, "tasks", fields("name", "busy", "workspace", workspace)).expect(201).object());
    Http.post(sandbox, "sections/" + done + "/addTask", fields("task", t)).expect(200);
    assertEquals(ContainerWrites.SECTION_NOT_EMPTY, Http.delete(sandbox, "sections/" + done).expect(400).errorMessage());
    Http.post(sandbox, "tasks/" + t + "/removeProject", fields("project", p)).expect(200);
    Http.delete(sandbox, "sections/" + done).expect(200);
    Http.delete(sandbox, "sections/" + doing).expect(200);
    Http.get(sandbox, "sections/" + done).expect(404);
    assertEquals(ContainerWrites.LAST_SECTION, Http.delete(sandbox, "sections/" + untitled).expect(400).errorMessage());
    assertEquals(List.of(untitled), listGids("projects/" + p + "/sections"));
  }

  @Test
  void tagLifecycle() {
    Map<String, Object> tag = Http.post(sandbox, "workspaces/" + workspace + "/tags",
        fields("name", "customer-x", "color", "light-blue", "notes", "For X")).expect(201).object();
    String g = gid(tag);
    assertEquals("tag", tag.get("resource_type"));
    assertEquals("light-blue", tag.get("color"));
    assertTrue(listGids("workspaces/" + workspace + "/tags").contains(g));
    assertTrue(data.tagGids().contains(g));
    String t = gid(Http.post(sandbox, "tasks", fields("name", "tagged", "workspace", workspace, "tags", List.of(g)))
        .expect(201).object());
    assertEquals(List.of(t), listGids("tags/" + g + "/tasks"));
    assertEquals("customer-y", Http.put(sandbox, "tags/" + g, fields("name", "customer-y")).expect(200).object().get("name"));
    assertEquals("customer-y", Http.get(sandbox, "tags/" + g).expect(200).object().get("name"));
    Http.delete(sandbox, "tags/" + g).expect(200);
    Http.get(sandbox, "tags/" + g).expect(404);
    Http.get(sandbox, "tags/" + g + "/tasks").expect(404);
    assertEquals(List.of(), Http.get(sandbox, "tasks/" + t).object().get("tags"), "the task lost the deleted tag");
  }

  @Test
  void addUserByGidOrEmailInvitesUnknownEmails() {
    String personal = data.personalWorkspaceGid();
    String u = data.userGids().get(4);
    Map<String, Object> added = Http.post(sandbox, "workspaces/" + personal + "/addUser", fields("user", u))
        .expect(200).object();
    assertEquals(u, added.get("gid"));
    assertEquals(java.util.Set.of("gid", "resource_type", "name", "email", "photo"), added.keySet());
    assertTrue(listGids("workspaces/" + personal + "/users").contains(u));

    Map<String, Object> invited = Http.post(sandbox, "workspaces/" + personal + "/addUser",
        fields("user", "new.person@example.org")).expect(200).object();
    assertEquals("new.person@example.org", invited.get("email"));
    assertTrue(listGids("workspaces/" + personal + "/users").contains(gid(invited)));
    assertEquals("user: Not a recognized ID: 123", Http.post(sandbox, "workspaces/" + personal + "/addUser",
        fields("user", "123")).expect(400).errorMessage());
  }
}
