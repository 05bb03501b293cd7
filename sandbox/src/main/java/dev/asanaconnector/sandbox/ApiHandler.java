package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Story;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.Team;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/** Routes and answers the GET endpoints under /api/1.0 (callers hold the model's read lock). */
final class ApiHandler {
  static final int MAX_UNPAGINATED = 1000;
  static final int DEFAULT_PAGE = 20;
  static final String TASKS_NEEDS_SCOPE =
      "Must specify exactly one of project, tag, section, user task list, or assignee + workspace";
  static final String TOO_LARGE =
      "The result is too large. You should use pagination (may require specifying a workspace)!";
  static final String NO_ROUTE = "No matching route for request";

  /** A random-access sequence of records to page through. */
  interface Src {
    int size();

    Resource get(int i);

    /** Writes record i's compact form directly if that is cheaper than {@link #get}; false if not supported. */
    default boolean writeCompact(Json j, int i) {
      return false;
    }
  }

  static Src of(List<? extends Resource> list) {
    return new Src() {
      @Override
      public int size() {
        return list.size();
      }

      @Override
      public Resource get(int i) {
        return list.get(i);
      }
    };
  }

  private final Model m;
  private final Render render;
  private final Tokens tokens;
  private final Search search;
  private final SandboxEvents events;
  private final SandboxWebhooks webhooks;

  ApiHandler(Model m, Render render, Tokens tokens, SandboxEvents events, SandboxWebhooks webhooks) {
    this.m = m;
    this.render = render;
    this.tokens = tokens;
    this.search = new Search(m, render);
    this.events = events;
    this.webhooks = webhooks;
  }

  /** Handles a request whose path starts with /api/1.0/. */
  Reply handle(String method, HttpUrl url) {
    List<String> all = url.pathSegments();
    int end = all.size();
    while (end > 2 && all.get(end - 1).isEmpty()) {
      end--;
    }
    List<String> s = all.subList(2, end);
    if (!"GET".equals(method) || s.isEmpty()) {
      throw new ApiError(404, NO_ROUTE);
    }
    String root = s.get(0);
    switch (s.size()) {
      case 1:
        return switch (root) {
          case "tasks" -> tasks(url);
          case "projects" -> projects(url);
          case "workspaces" -> list(url, of(m.workspaces), null);
          case "users" -> users(url);
          case "attachments" -> attachments(url);
          case "tags" -> tags(url);
          case "events" -> events.handle(url, url.queryParameter("resource"));
          case "webhooks" -> webhooks(url);
          default -> throw new ApiError(404, NO_ROUTE);
        };
      case 2:
        return get(url, root, s.get(1));
      case 3:
        return nested(url, root, s.get(1), s.get(2));
      case 4:
        if (root.equals("workspaces") && s.get(2).equals("tasks") && s.get(3).equals("search")) {
          return search.search(workspace(s.get(1)), url);
        }
        throw new ApiError(404, NO_ROUTE);
      default:
        throw new ApiError(404, NO_ROUTE);
    }
  }

  // ---- lookups ----

  private <T extends Resource> T path(String gid, Class<T> type) {
    T r = m.find(gid, type);
    if (r == null) {
      throw ApiError.unknownObject(gid);
    }
    return r;
  }

  private Workspace workspace(String gid) {
    return path(gid, Workspace.class);
  }

  private User user(String gid) {
    return "me".equals(gid) ? m.me : path(gid, User.class);
  }

  /** A gid given as a query parameter: unknown ones are a 400, like Asana. */
  <T extends Resource> T param(HttpUrl url, String name, Class<T> type) {
    String v = url.queryParameter(name);
    if (v == null) {
      return null;
    }
    if (type == User.class && v.equals("me")) {
      return type.cast(m.me);
    }
    T r = m.find(v, type);
    if (r == null) {
      throw ApiError.badRequest(name + ": Not a recognized ID: " + v);
    }
    return r;
  }

  static Boolean bool(HttpUrl url, String name) {
    String v = url.queryParameter(name);
    if (v == null) {
      return null;
    }
    if (v.equals("true")) {
      return Boolean.TRUE;
    }
    if (v.equals("false")) {
      return Boolean.FALSE;
    }
    throw ApiError.badRequest(name + ": Not a boolean: " + v);
  }

  static long dateTime(HttpUrl url, String name) {
    String v = url.queryParameter(name);
    if (v == null) {
      return Times.NONE;
    }
    if (v.equals("now")) {
      return System.currentTimeMillis();
    }
    try {
      return Times.parseDateTime(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name + ": Not a valid date-time: " + v);
    }
  }

  static int limit(String v) {
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("limit: Not a number: " + v);
    }
    if (n < 1 || n > 100) {
      throw ApiError.badRequest("limit: Must be between 1 and 100, got " + n);
    }
    return n;
  }

  // ---- single records ----

  private Reply get(HttpUrl url, String root, String gid) {
    Resource r = switch (root) {
      case "tasks" -> path(gid, Task.class);
      case "projects" -> path(gid, Project.class);
      case "workspaces" -> workspace(gid);
      case "users" -> user(gid);
      case "teams" -> path(gid, Team.class);
      case "attachments" -> path(gid, Attachment.class);
      case "tags" -> path(gid, Tag.class);
      case "sections" -> path(gid, Section.class);
      case "stories" -> path(gid, Story.class);
      case "webhooks" -> webhooks.get(gid);
      default -> throw new ApiError(404, NO_ROUTE);
    };
    Json j = new Json(2048);
    j.beginObject().name("data");
    render.record(j, r, Sel.parse(url.queryParameter("opt_fields")), true);
    j.endObject();
    return Reply.json(200, j);
  }

  private Reply nested(HttpUrl url, String root, String gid, String what) {
    switch (root) {
      case "tasks": {
        Task t = path(gid, Task.class);
        return switch (what) {
          case "subtasks" -> list(url, of(t.subtasks), null);
          case "dependencies" -> list(url, of(t.dependencies), null);
          case "dependents" -> list(url, of(t.dependents), null);
          case "projects" -> list(url, of(t.projects), null);
          case "tags" -> list(url, of(t.tags), null);
          case "stories" -> list(url, of(t.stories), null);
          case "events" -> events.handle(url, t.gid);
          default -> throw new ApiError(404, NO_ROUTE);
        };
      }
      case "projects": {
        Project p = path(gid, Project.class);
        return switch (what) {
          case "tasks" -> list(url, projectTasks(p), completionFilter(url));
          case "sections" -> list(url, of(p.sections), null);
          case "events" -> events.handle(url, p.gid);
          default -> throw new ApiError(404, NO_ROUTE);
        };
      }
      case "sections": {
        Section sec = path(gid, Section.class);
        if (what.equals("tasks")) {
          return list(url, sectionTasks(sec), completionFilter(url));
        }
        throw new ApiError(404, NO_ROUTE);
      }
      case "tags": {
        Tag tag = path(gid, Tag.class);
        if (what.equals("tasks")) {
          return list(url, of(tag.tasks), completionFilter(url));
        }
        throw new ApiError(404, NO_ROUTE);
      }
      case "workspaces": {
        Workspace w = workspace(gid);
        return switch (what) {
          case "projects" -> list(url, of(w.projects), archivedFilter(url));
          case "users" -> list(url, of(w.users), null);
          case "teams" -> list(url, of(w.teams), null);
          case "tags" -> list(url, of(w.tags), null);
          default -> throw new ApiError(404, NO_ROUTE);
        };
      }
      case "teams": {
        Team team = path(gid, Team.class);
        return switch (what) {
          case "projects" -> list(url, of(team.projects), archivedFilter(url));
          case "users" -> list(url, of(team.members), null);
          default -> throw new ApiError(404, NO_ROUTE);
        };
      }
      case "users": {
        User u = user(gid);
        if (what.equals("teams")) {
          if (url.queryParameter("organization") == null) {
            throw ApiError.badRequest("organization: Missing input");
          }
          Workspace org = param(url, "organization", Workspace.class);
          return list(url, of(u.teams), r -> ((Team) r).workspace == org);
        }
        throw new ApiError(404, NO_ROUTE);
      }
      default:
        throw new ApiError(404, NO_ROUTE);
    }
  }

  // ---- collections ----

  Src projectTasks(Project p) {
    if (p.bigCount == 0) {
      return of(p.tasks);
    }
    return new Src() {
      @Override
      public int size() {
        return p.bigCount;
      }

      @Override
      public Resource get(int i) {
        return m.bigTask(i);
      }

      @Override
      public boolean writeCompact(Json j, int i) {
        m.writeBigCompact(j, i);
        return true;
      }
    };
  }

  Src sectionTasks(Section s) {
    if (s.project.bigCount == 0) {
      return of(s.tasks);
    }
    return new Src() {
      @Override
      public int size() {
        return s.bigTo - s.bigFrom;
      }

      @Override
      public Resource get(int i) {
        return m.bigTask(s.bigFrom + i);
      }

      @Override
      public boolean writeCompact(Json j, int i) {
        m.writeBigCompact(j, s.bigFrom + i);
        return true;
      }
    };
  }

  private static Predicate<Resource> completionFilter(HttpUrl url) {
    String cs = url.queryParameter("completed_since");
    long completedSince = cs != null && cs.equals("now") ? Long.MAX_VALUE : dateTime(url, "completed_since");
    long modifiedSince = dateTime(url, "modified_since");
    if (completedSince == Times.NONE && modifiedSince == Times.NONE) {
      return null;
    }
    return r -> {
      Task t = (Task) r;
      if (completedSince != Times.NONE && t.completed && t.completedAt <= completedSince) {
        return false;
      }
      return modifiedSince == Times.NONE || t.modifiedAt > modifiedSince;
    };
  }

  private static Predicate<Resource> archivedFilter(HttpUrl url) {
    Boolean archived = bool(url, "archived");
    return archived == null ? null : r -> ((Project) r).archived == archived;
  }

  private Reply tasks(HttpUrl url) {
    Project project = param(url, "project", Project.class);
    Section section = param(url, "section", Section.class);
    Tag tag = param(url, "tag", Tag.class);
    Workspace ws = param(url, "workspace", Workspace.class);
    User assignee = param(url, "assignee", User.class);
    int scopes = (project != null ? 1 : 0) + (section != null ? 1 : 0) + (tag != null ? 1 : 0)
        + (ws != null || assignee != null ? 1 : 0);
    if (scopes != 1 || (ws == null) != (assignee == null)) {
      throw ApiError.badRequest(TASKS_NEEDS_SCOPE);
    }
    Src src;
    if (project != null) {
      src = projectTasks(project);
    } else if (section != null) {
      src = sectionTasks(section);
    } else if (tag != null) {
      src = of(tag.tasks);
    } else {
      src = of(ws.byAssignee.getOrDefault(assignee, List.of()));
    }
    return list(url, src, completionFilter(url));
  }

  private Reply projects(HttpUrl url) {
    Workspace ws = param(url, "workspace", Workspace.class);
    Team team = param(url, "team", Team.class);
    Boolean archived = bool(url, "archived");
    List<Project> base = team != null ? team.projects : ws != null ? ws.projects : m.projects;
    Predicate<Resource> filter = null;
    if (archived != null || (ws != null && team != null)) {
      filter = r -> {
        Project p = (Project) r;
        return (archived == null || p.archived == archived) && (ws == null || p.workspace == ws);
      };
    }
    return list(url, of(base), filter);
  }

  private Reply users(HttpUrl url) {
    Workspace ws = param(url, "workspace", Workspace.class);
    Team team = param(url, "team", Team.class);
    List<User> base = team != null ? team.members : ws != null ? ws.users : m.users;
    return list(url, of(base), null);
  }

  private Reply tags(HttpUrl url) {
    Workspace ws = param(url, "workspace", Workspace.class);
    return list(url, of(ws != null ? ws.tags : m.tags), null);
  }

  private Reply attachments(HttpUrl url) {
    String parent = url.queryParameter("parent");
    if (parent == null) {
      throw ApiError.badRequest("parent: Missing input");
    }
    Resource r = m.find(parent);
    if (r instanceof Task t) {
      return list(url, of(t.attachments), null);
    }
    if (r instanceof Project p) {
      return list(url, of(p.attachments), null);
    }
    throw ApiError.badRequest("parent: Not a recognized ID: " + parent);
  }

  private Reply webhooks(HttpUrl url) {
    if (url.queryParameter("workspace") == null) {
      throw Fields.missing("workspace");
    }
    Workspace ws = param(url, "workspace", Workspace.class);
    return list(url, of(webhooks.list(ws, url.queryParameter("resource"))), null);
  }

  // ---- paging ----

  /** Identifies a list query (path and filters, not limit/offset/opt_*), binding offsets to it. */
  static long context(HttpUrl url) {
    long h = Mix.hashString(url.encodedPath());
    for (int i = 0, n = url.querySize(); i < n; i++) {
      String name = url.queryParameterName(i);
      if (name.equals("offset") || name.equals("limit") || name.startsWith("opt_")) {
        continue;
      }
      String v = url.queryParameterValue(i);
      h += Mix.mix(Mix.hashString(name), Mix.hashString(v == null ? "" : v));
    }
    return h;
  }

  /**
   * A list response. Without limit and offset: every record, no next_page (400 when more than 1,000).
   * Otherwise a page of at most limit records and next_page (null on the last page); the offset
   * records where in the underlying sequence the next page starts, so filtered lists never rescan.
   */
  Reply list(HttpUrl url, Src src, Predicate<Resource> filter) {
    String limitParam = url.queryParameter("limit");
    String offsetParam = url.queryParameter("offset");
    Sel sel = Sel.parse(url.queryParameter("opt_fields"));
    int n = src.size();
    boolean paged = limitParam != null || offsetParam != null;
    int limit = limitParam != null ? limit(limitParam) : paged ? DEFAULT_PAGE : MAX_UNPAGINATED;
    long context = paged ? context(url) : 0;
    int i = offsetParam != null ? Math.min(n, tokens.index(offsetParam, context)) : 0;
    Json j = new Json(paged ? 256 + limit * 128 : 4096);
    j.beginObject().name("data").beginArray();
    int count = 0;
    if (filter == null && sel == null) {
      while (i < n && count < limit && src.writeCompact(j, i)) {
        i++;
        count++;
      }
    }
    while (i < n && count < limit) {
      Resource r = src.get(i++);
      if (filter == null || filter.test(r)) {
        render.record(j, r, sel, false);
        count++;
      }
    }
    int next = -1;
    if (filter == null) {
      next = i < n ? i : -1;
    } else {
      for (; i < n; i++) {
        if (filter.test(src.get(i))) {
          next = i;
          break;
        }
      }
    }
    j.endArray();
    if (!paged) {
      if (next >= 0) {
        throw ApiError.badRequest(TOO_LARGE);
      }
      return Reply.json(200, j.endObject());
    }
    j.name("next_page");
    if (next < 0) {
      j.nullValue();
    } else {
      String token = tokens.offset(next, context);
      HttpUrl nextUrl = url.newBuilder().setQueryParameter("offset", token).build();
      String path = nextUrl.encodedPath().substring("/api/1.0".length()) + "?" + nextUrl.encodedQuery();
      j.beginObject();
      j.name("offset").value(token);
      j.name("path").value(path);
      j.name("uri").value(nextUrl.toString());
      j.endObject();
    }
    return Reply.json(200, j.endObject());
  }
}
