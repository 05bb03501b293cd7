package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import dev.asanaconnector.sandbox.SandboxData.TaskInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String search;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().seed(42).build();
    sandbox.start();
    data = sandbox.data();
    search = "workspaces/" + data.workspaceGid() + "/tasks/search?";
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static final Map<String, Long> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  static long ms(String iso) {
    return iso == null ? Long.MIN_VALUE : PARSED.computeIfAbsent(iso, s -> Instant.parse(s).toEpochMilli());
  }

  /** What the search should return: the org's tasks matching, sorted (missing last, ties by gid), cut at limit. */
  static List<String> expected(Predicate<TaskInfo> filter, ToLongFunction<TaskInfo> key, boolean ascending, int limit) {
    record Keyed(long key, long gid) {}
    Comparator<Keyed> c = Comparator.comparingLong(Keyed::key).thenComparingLong(Keyed::gid);
    if (!ascending) {
      c = c.reversed();
    }
    Comparator<Keyed> missingLast = Comparator.comparing(k -> k.key() == Long.MIN_VALUE);
    return data.tasks().stream()
        .filter(t -> t.workspaceGid().equals(data.workspaceGid()))
        .filter(filter)
        .map(t -> new Keyed(key.applyAsLong(t), Long.parseLong(t.gid())))
        .sorted(missingLast.thenComparing(c))
        .limit(limit)
        .map(k -> Long.toString(k.gid()))
        .toList();
  }

  static List<String> search(String query) {
    Resp r = Http.get(sandbox, search + query).expect(200);
    assertFalse(r.json().containsKey("next_page"), "search never paginates");
    return Http.gids(r.data());
  }

  @Test
  void incompleteTasksByCreationAscending() {
    List<String> got = search("completed=false&sort_by=created_at&sort_ascending=true&limit=100");
    assertEquals(100, got.size());
    long last = Long.MIN_VALUE;
    for (String gid : got) {
      TaskInfo t = data.task(gid);
      assertFalse(t.completed(), gid);
      long created = ms(t.createdAt());
      assertTrue(created >= last, "sorted by created_at ascending");
      last = created;
    }
    assertEquals(expected(t -> !t.completed(), t -> ms(t.createdAt()), true, 100), got);
  }

  @Test
  void defaultSortIsModifiedAtDescendingAndDefaultLimit100() {
    List<String> got = search("");
    assertEquals(expected(t -> true, t -> ms(t.modifiedAt()), false, 100), got);
    assertEquals(expected(t -> t.completed(), t -> ms(t.modifiedAt()), false, 7), search("completed=true&limit=7"));
  }

  @Test
  void limitIsValidated() {
    Http.get(sandbox, search + "limit=101").expect(400);
    Http.get(sandbox, search + "limit=0").expect(400);
    Http.get(sandbox, search + "sort_by=colour").expect(400);
    Http.get(sandbox, search + "completed=maybe").expect(400);
    Http.get(sandbox, search + "created_at.after=last-tuesday").expect(400);
    Http.get(sandbox, search + "projects.any=123").expect(400);
  }

  @Test
  void filtersAreApplied() {
    String p0 = data.projectGids().get(0);
    String p1 = data.projectGids().get(1);
    String section = data.sectionGids(p0).get(0);
    String tag = data.tagGids().get(2);
    String user = data.userGids().get(4);
    String team = data.teamGids().get(2);
    List<String> teamProjects = data.teamProjectGids(team);
    record Case(String query, Predicate<TaskInfo> filter) {}
    List<Case> cases = List.of(
        new Case("projects.any=" + p0 + "," + p1, t -> t.projectGids().contains(p0) || t.projectGids().contains(p1)),
        new Case("projects.any=" + p0 + "&completed=true", t -> t.projectGids().contains(p0) && t.completed()),
        new Case("projects.not=" + p0, t -> !t.projectGids().contains(p0)),
        new Case("sections.any=" + section, t -> t.sectionGids().contains(section)),
        new Case("tags.any=" + tag, t -> t.tagGids().contains(tag)),
        new Case("tags.not=" + tag + "&projects.all=" + p1, t -> !t.tagGids().contains(tag) && t.projectGids().contains(p1)),
        new Case("assignee.any=me", t -> data.meGid().equals(t.assigneeGid())),
        new Case("assignee.any=" + user + "&completed=false", t -> user.equals(t.assigneeGid()) && !t.completed()),
        new Case("assignee.not=" + user, t -> !user.equals(t.assigneeGid())),
        new Case("created_by.any=" + user, t -> user.equals(t.createdByGid())),
        new Case("followers.any=" + user, t -> t.followerGids().contains(user)),
        new Case("resource_subtype=milestone", t -> t.resourceSubtype().equals("milestone")),
        new Case("resource_subtype=approval", t -> t.resourceSubtype().equals("approval")),
        new Case("has_attachment=true", t -> !t.attachmentGids().isEmpty()),
        new Case("is_blocked=true", TaskInfo::blocked),
        new Case("is_subtask=true", t -> t.parentGid() != null),
        new Case("text=RELEASE%20notes", t -> (t.name() + "\n" + t.notes()).toLowerCase().contains("release notes")),
        new Case("created_at.after=2025-01-01T00:00:00.000Z&created_at.before=2025-02-01T00:00:00Z",
            t -> ms(t.createdAt()) > ms("2025-01-01T00:00:00Z") && ms(t.createdAt()) < ms("2025-02-01T00:00:00Z")),
        new Case("created_on=2024-10-14", t -> t.createdAt().startsWith("2024-10-14")),
        new Case("modified_on.after=2025-10-01", t -> t.modifiedAt().compareTo("2025-10-02") >= 0),
        new Case("completed_at.before=2024-06-01T00:00:00Z",
            t -> t.completedAt() != null && ms(t.completedAt()) < ms("2024-06-01T00:00:00Z")),
        new Case("completed_on.after=2025-09-30", t -> t.completedAt() != null && t.completedAt().compareTo("2025-10-01") >= 0),
        new Case("due_on.before=2024-08-01", t -> t.dueOn() != null && t.dueOn().compareTo("2024-08-01") < 0),
        new Case("due_on=2025-03-03", t -> "2025-03-03".equals(t.dueOn())),
        new Case("due_at.after=2025-06-01T00:00:00Z", t -> t.dueAt() != null && ms(t.dueAt()) > ms("2025-06-01T00:00:00Z")),
        new Case("start_on.after=2025-01-01", t -> t.startOn() != null && t.startOn().compareTo("2025-01-01") > 0),
        new Case("teams.any=" + team, t -> t.projectGids().stream().anyMatch(teamProjects::contains)));
    for (Case c : cases) {
      List<String> want = expected(c.filter, t -> ms(t.modifiedAt()), false, 100);
      assertEquals(want, search(c.query + "&limit=100"), c.query);
      assertFalse(want.isEmpty() && !c.query.startsWith("due_on=") && !c.query.startsWith("created_on="),
          "the case should select something: " + c.query);
    }
  }

  @Test
  void sortOrders() {
    assertEquals(expected(t -> true, t -> ms(t.completedAt()), false, 50), search("sort_by=completed_at&limit=50"));
    assertEquals(expected(t -> true, t -> ms(t.completedAt()), true, 50),
        search("sort_by=completed_at&sort_ascending=true&limit=50"));
    assertEquals(expected(t -> true, TaskInfo::numLikes, false, 60), search("sort_by=likes&limit=60"));
    ToLongFunction<TaskInfo> due = t -> t.dueAt() != null ? ms(t.dueAt())
        : t.dueOn() != null ? ms(t.dueOn() + "T23:59:59.999Z") : Long.MIN_VALUE;
    assertEquals(expected(t -> true, due, true, 80), search("sort_by=due_date&sort_ascending=true&limit=80"));
    assertEquals(expected(t -> !t.completed(), t -> ms(t.createdAt()), false, 100),
        search("sort_by=created_at&completed=false"));
  }

  @Test
  void createdAtTiesAreReal() {
    String tied = data.tiedCreatedAt();
    long t = ms(tied);
    List<String> got = search("created_at.after=" + Instant.ofEpochMilli(t - 1) + "&created_at.before="
        + Instant.ofEpochMilli(t + 1) + "&sort_by=created_at&sort_ascending=true");
    assertEquals(data.tiedCreatedAtCount(), got.size());
    for (String gid : got) {
      assertEquals(tied, data.task(gid).createdAt());
    }
    // Ties are ordered by gid, so a client can resume after (created_at, gid).
    assertEquals(got.stream().sorted(Comparator.comparingLong(Long::parseLong)).toList(), got);
  }

  @Test
  void optFieldsOnSearch() {
    Resp r = Http.get(sandbox, search + "limit=5&opt_fields=name,completed_at,assignee.name").expect(200);
    for (Map<String, Object> t : r.data()) {
      assertEquals(java.util.Set.of("gid", "resource_type", "name", "completed_at", "assignee"), t.keySet());
    }
  }

  @Test
  void nonPremiumWorkspacesGet402() {
    Resp personal = Http.get(sandbox, "workspaces/" + data.personalWorkspaceGid() + "/tasks/search?text=x").expect(402);
    assertEquals("Search is only available to premium users.", personal.errorMessage());
    try (AsanaSandbox free = AsanaSandbox.builder().tasksPerProject(10).premium(false).build()) {
      free.start();
      Resp r = Http.get(free, "workspaces/" + free.data().workspaceGid() + "/tasks/search?completed=false").expect(402);
      assertEquals("Search is only available to premium users.", r.errorMessage());
      Http.get(free, "tasks?project=" + free.data().projectGids().get(0)).expect(200);
    }
  }
}
