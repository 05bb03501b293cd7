package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.Team;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import okhttp3.HttpUrl;

/**
 * GET /workspaces/{gid}/tasks/search: Asana's advanced search. Premium only (402 otherwise), filters
 * combine with AND, results are sorted (default modified_at, descending; ties broken by gid in the same
 * direction) and cut at limit (default and max 100). No pagination: never a next_page.
 *
 * <p>Scope: the workspace's regular tasks (subtasks included). The big project's tasks are searched
 * only when it is named in projects.any or projects.all, to keep ordinary searches fast.
 */
final class Search {
  static final String PREMIUM_ONLY = "Search is only available to premium users.";
  static final String PREMIUM_HELP = "This endpoint is only available to premium users of Asana. "
      + "For more information on premium features, see https://asana.com/pricing";

  private final Model m;
  private final Render render;

  Search(Model m, Render render) {
    this.m = m;
    this.render = render;
  }

  Reply search(Workspace ws, HttpUrl url) {
    if (!ws.premium) {
      Json j = new Json(512);
      j.beginObject().name("errors").beginArray().beginObject();
      j.name("message").value(PREMIUM_ONLY);
      j.name("help").value(PREMIUM_HELP);
      j.endObject().endArray().endObject();
      return Reply.json(402, j);
    }
    String limitParam = url.queryParameter("limit");
    int limit = limitParam == null ? 100 : ApiHandler.limit(limitParam);
    List<Predicate<Task>> filters = new ArrayList<>();
    boolean[] includeBig = {false};
    parseFilters(url, filters, includeBig);

    String sortBy = url.queryParameter("sort_by");
    ToLongFunction<Task> key = sortKey(sortBy == null ? "modified_at" : sortBy);
    Boolean ascending = ApiHandler.bool(url, "sort_ascending");
    boolean asc = ascending != null && ascending;

    List<Task> hits = new ArrayList<>();
    for (Task t : ws.tasks) {
      if (matches(t, filters)) {
        hits.add(t);
      }
    }
    if (includeBig[0] && m.big != null && m.big.workspace == ws) {
      for (int i = 0; i < m.big.bigCount; i++) {
        Task t = m.bigTask(i);
        if (matches(t, filters)) {
          hits.add(t);
        }
      }
    }
    // Missing values sort last in both directions; ties by gid (numeric) in the sort direction.
    Comparator<Task> cmp = (a, b) -> {
      long ka = key.applyAsLong(a);
      long kb = key.applyAsLong(b);
      boolean na = ka == Long.MIN_VALUE;
      boolean nb = kb == Long.MIN_VALUE;
      if (na != nb) {
        return na ? 1 : -1;
      }
      int c = Long.compare(ka, kb);
      if (c == 0) {
        c = Long.compare(a.id, b.id);
      }
      return asc ? c : -c;
    };
    hits.sort(cmp);
    Sel sel = Sel.parse(url.queryParameter("opt_fields"));
    Json j = new Json(256 + Math.min(limit, hits.size()) * 160);
    j.beginObject().name("data").beginArray();
    for (int i = 0; i < hits.size() && i < limit; i++) {
      render.record(j, hits.get(i), sel, false);
    }
    j.endArray().endObject();
    return Reply.json(200, j);
  }

  private static boolean matches(Task t, List<Predicate<Task>> filters) {
    for (Predicate<Task> f : filters) {
      if (!f.test(t)) {
        return false;
      }
    }
    return true;
  }

  private static ToLongFunction<Task> sortKey(String sortBy) {
    return switch (sortBy) {
      case "modified_at" -> t -> t.modifiedAt;
      case "created_at" -> t -> t.createdAt;
      case "completed_at" -> t -> t.completedAt == Times.NONE ? Long.MIN_VALUE : t.completedAt;
      case "likes" -> t -> t.likes.size();
      case "due_date" -> t -> t.dueAt != Times.NONE ? t.dueAt
          : t.dueOn != Times.NO_DAY ? t.dueOn * Times.DAY_MS + Times.DAY_MS - 1 : Long.MIN_VALUE;
      default -> throw ApiError.badRequest("sort_by: Not a valid sort order: " + sortBy
          + " (one of due_date, created_at, completed_at, likes, modified_at)");
    };
  }

  // ---- filters ----

  private <T extends Resource> Set<T> ids(HttpUrl url, String name, Class<T> type) {
    String v = url.queryParameter(name);
    if (v == null) {
      return null;
    }
    Set<T> out = new HashSet<>();
    for (String part : v.split(",")) {
      String gid = part.trim();
      if (gid.isEmpty()) {
        continue;
      }
      if (type == User.class && gid.equals("me")) {
        out.add(type.cast(m.me));
        continue;
      }
      T r = m.find(gid, type);
      if (r == null) {
        throw ApiError.badRequest(name + ": Not a recognized ID: " + gid);
      }
      out.add(r);
    }
    return out;
  }

  private static <T> boolean any(List<T> values, Set<T> wanted) {
    for (T v : values) {
      if (wanted.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** The any/not/all trio for a multi-valued field. */
  private <T extends Resource> void anyNotAll(HttpUrl url, String field, Class<T> type,
      java.util.function.Function<Task, List<T>> values, List<Predicate<Task>> filters) {
    Set<T> any = ids(url, field + ".any", type);
    if (any != null) {
      filters.add(t -> any(values.apply(t), any));
    }
    Set<T> not = ids(url, field + ".not", type);
    if (not != null) {
      filters.add(t -> !any(values.apply(t), not));
    }
    Set<T> all = ids(url, field + ".all", type);
    if (all != null) {
      filters.add(t -> values.apply(t).containsAll(all));
    }
  }

  private static int date(HttpUrl url, String name) {
    String v = url.queryParameter(name);
    if (v == null) {
      return Times.NO_DAY;
    }
    try {
      return Times.parseDate(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name + ": Not a valid date: " + v);
    }
  }

  /** X_at.before / X_at.after (date-times) and X_on / X_on.before / X_on.after (dates) for one timestamp. */
  private static void timeFilters(HttpUrl url, String at, String on, ToLongFunction<Task> value,
      List<Predicate<Task>> filters) {
    long before = ApiHandler.dateTime(url, at + ".before");
    if (before != Times.NONE) {
      filters.add(t -> {
        long v = value.applyAsLong(t);
        return v != Times.NONE && v < before;
      });
    }
    long after = ApiHandler.dateTime(url, at + ".after");
    if (after != Times.NONE) {
      filters.add(t -> {
        long v = value.applyAsLong(t);
        return v != Times.NONE && v > after;
      });
    }
    if (on != null) {
      dayFilters(url, on, t -> {
        long v = value.applyAsLong(t);
        return v == Times.NONE ? Times.NO_DAY : Times.dayOf(v);
      }, filters);
    }
  }

  private static void dayFilters(HttpUrl url, String on, java.util.function.ToIntFunction<Task> value,
      List<Predicate<Task>> filters) {
    int exact = date(url, on);
    if (exact != Times.NO_DAY) {
      filters.add(t -> value.applyAsInt(t) == exact);
    }
    int before = date(url, on + ".before");
    if (before != Times.NO_DAY) {
      filters.add(t -> {
        int d = value.applyAsInt(t);
        return d != Times.NO_DAY && d < before;
      });
    }
    int after = date(url, on + ".after");
    if (after != Times.NO_DAY) {
      filters.add(t -> {
        int d = value.applyAsInt(t);
        return d != Times.NO_DAY && d > after;
      });
    }
  }

  private static List<Team> teamsOf(Task t) {
    List<Team> out = new ArrayList<>(t.projects.size());
    for (Project p : t.projects) {
      if (p.team != null) {
        out.add(p.team);
      }
    }
    return out;
  }

  private void parseFilters(HttpUrl url, List<Predicate<Task>> filters, boolean[] includeBig) {
    String text = url.queryParameter("text");
    if (text != null && !text.isBlank()) {
      String needle = text.trim().toLowerCase(Locale.ROOT);
      filters.add(t -> t.searchText().contains(needle));
    }
    String subtype = url.queryParameter("resource_subtype");
    if (subtype != null) {
      filters.add(t -> t.resourceSubtype.equals(subtype));
    }
    Boolean completed = ApiHandler.bool(url, "completed");
    if (completed != null) {
      filters.add(t -> t.completed == completed);
    }
    Boolean blocked = ApiHandler.bool(url, "is_blocked");
    if (blocked != null) {
      filters.add(t -> t.isBlocked() == blocked);
    }
    Boolean attachment = ApiHandler.bool(url, "has_attachment");
    if (attachment != null) {
      filters.add(t -> !t.attachments.isEmpty() == attachment);
    }
    Boolean subtask = ApiHandler.bool(url, "is_subtask");
    if (subtask != null) {
      filters.add(t -> (t.parent != null) == subtask);
    }
    Set<User> assigneeAny = ids(url, "assignee.any", User.class);
    if (assigneeAny != null) {
      filters.add(t -> t.assignee != null && assigneeAny.contains(t.assignee));
    }
    Set<User> assigneeNot = ids(url, "assignee.not", User.class);
    if (assigneeNot != null) {
      filters.add(t -> t.assignee == null || !assigneeNot.contains(t.assignee));
    }
    anyNotAll(url, "projects", Project.class, t -> t.projects, filters);
    Set<Project> bigScope = new HashSet<>();
    Set<Project> pa = ids(url, "projects.any", Project.class);
    Set<Project> pl = ids(url, "projects.all", Project.class);
    if (pa != null) {
      bigScope.addAll(pa);
    }
    if (pl != null) {
      bigScope.addAll(pl);
    }
    includeBig[0] = m.big != null && bigScope.contains(m.big);
    anyNotAll(url, "sections", Section.class, t -> t.sections, filters);
    anyNotAll(url, "tags", Tag.class, t -> t.tags, filters);
    Set<Team> teams = ids(url, "teams.any", Team.class);
    if (teams != null) {
      filters.add(t -> any(teamsOf(t), teams));
    }
    Set<User> followersAny = ids(url, "followers.any", User.class);
    if (followersAny != null) {
      filters.add(t -> any(t.followers, followersAny));
    }
    Set<User> followersNot = ids(url, "followers.not", User.class);
    if (followersNot != null) {
      filters.add(t -> !any(t.followers, followersNot));
    }
    Set<User> creatorAny = ids(url, "created_by.any", User.class);
    if (creatorAny != null) {
      filters.add(t -> creatorAny.contains(t.createdBy));
    }
    Set<User> creatorNot = ids(url, "created_by.not", User.class);
    if (creatorNot != null) {
      filters.add(t -> !creatorNot.contains(t.createdBy));
    }
    timeFilters(url, "created_at", "created_on", t -> t.createdAt, filters);
    timeFilters(url, "modified_at", "modified_on", t -> t.modifiedAt, filters);
    timeFilters(url, "completed_at", "completed_on", t -> t.completedAt, filters);
    timeFilters(url, "due_at", null, t -> t.dueAt, filters);
    dayFilters(url, "due_on", t -> t.dueOn, filters);
    dayFilters(url, "start_on", t -> t.startOn, filters);
  }
}
