package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Story;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task writes: create (and create a subtask), update, delete, comment, and the add/remove actions
 * on tags, followers, dependencies, projects and sections. Each validates the whole request before
 * changing anything, then records its events. Callers hold the model's write lock.
 */
final class TaskWrites {
  static final List<String> SUBTYPES = List.of("default_task", "milestone", "approval", "custom");
  static final List<String> APPROVAL = List.of("pending", "approved", "rejected", "changes_requested");
  static final String NEED_CONTAINER = "You should specify one of workspace, parent, projects";
  static final String DEPENDENCIES_PREMIUM = "Task dependencies are only available to premium users.";
  static final int MAX_LINKS = 30;

  private final Model m;
  private final Graph g;
  private final Refs refs;
  private final SandboxEvents ev;

  TaskWrites(Model m, Graph g, Refs refs, SandboxEvents ev) {
    this.m = m;
    this.g = g;
    this.refs = refs;
    this.ev = ev;
  }

  /** The fields of a create or update, validated before anything changes. */
  private final class Patch {
    String name;
    String subtype;
    String approval;
    Boolean completed;
    String notes;
    String htmlNotes;
    boolean due;
    int dueOn = Times.NO_DAY;
    long dueAt = Times.NONE;
    String dueField;
    boolean start;
    int startOn = Times.NO_DAY;
    long startAt = Times.NONE;
    String startField;
    boolean assign;
    User assignee;
    Boolean liked;
    boolean reparent;
    Task parent;

    Patch(Fields f, Workspace ws, Task self) {
      if (f.has("name")) {
        name = f.isNull("name") ? "" : f.string("name");
      }
      subtype = f.oneOf("resource_subtype", SUBTYPES);
      approval = f.oneOf("approval_status", APPROVAL);
      if (f.has("completed")) {
        completed = f.bool("completed");
        if (completed == null) {
          throw ApiError.badRequest("completed: Not a boolean: null");
        }
      } else if (approval != null) {
        // Asana keeps completed in sync: pending is incomplete, every decision completes the task.
        completed = !approval.equals("pending");
      }
      if (f.has("html_notes") && !f.isNull("html_notes")) {
        htmlNotes = HtmlText.check("html_notes", f.string("html_notes"));
        notes = HtmlText.plain(htmlNotes);
      } else if (f.has("notes") || f.has("html_notes")) {
        notes = f.isNull("notes") || !f.has("notes") ? "" : f.string("notes");
      }
      dueField = pair(f, "due_on", "due_at");
      if (dueField != null) {
        due = true;
        dueOn = f.date("due_on");
        dueAt = f.dateTime("due_at");
        if (dueAt != Times.NONE) {
          dueOn = Times.dayOf(dueAt);
        }
      }
      startField = pair(f, "start_on", "start_at");
      if (startField != null) {
        start = true;
        startOn = f.date("start_on");
        startAt = f.dateTime("start_at");
        if (startAt != Times.NONE) {
          startOn = Times.dayOf(startAt);
        }
      }
      if (f.has("assignee")) {
        assign = true;
        assignee = f.isNull("assignee") ? null : refs.member("assignee", f.string("assignee"), ws);
      }
      liked = f.bool("liked");
      Map<String, Object> custom = f.object("custom_fields");
      if (custom != null && !custom.isEmpty()) {
        throw Fields.unrecognized("custom_fields", custom.keySet().iterator().next());
      }
      if (self != null && f.has("parent")) {
        reparent = true;
        parent = f.isNull("parent") ? null : refs.body("parent", f.string("parent"), Task.class);
        if (parent != null) {
          g.checkWritable(parent);
          if (parent.workspace != ws) {
            throw ApiError.badRequest("parent: Not in the task's workspace: " + parent.gid);
          }
          for (Task p = parent; p != null; p = p.parent) {
            if (p == self) {
              throw ApiError.badRequest("parent: A task cannot be its own ancestor");
            }
          }
        }
      }
    }

    /** Which of two exclusive fields was given (the first when neither is null), or null. */
    private static String pair(Fields f, String a, String b) {
      if (f.has(a) && f.has(b) && !f.isNull(a) && !f.isNull(b)) {
        throw ApiError.badRequest(b + ": Cannot be used with " + a);
      }
      if (f.has(b) && !f.isNull(b)) {
        return b;
      }
      return f.has(a) ? a : f.has(b) ? b : null;
    }

    /** Applies the patch; with {@code emit}, records a changed event for each field that changed. */
    void apply(Task t, boolean emit, long now) {
      boolean any = false;
      if (name != null && !name.equals(t.name)) {
        t.name = name;
        any = changed(t, emit, "name");
      }
      if (subtype != null && !subtype.equals(t.resourceSubtype)) {
        t.resourceSubtype = subtype;
        any = changed(t, emit, "resource_subtype");
      }
      if (approval != null && !approval.equals(t.approvalStatus)) {
        t.approvalStatus = approval;
        any = changed(t, emit, "approval_status");
      }
      if (completed != null && completed != t.completed) {
        t.completed = completed;
        t.completedAt = completed ? now : Times.NONE;
        t.completedBy = completed ? m.me : null;
        any = changed(t, emit, "completed");
      }
      if (notes != null && (!notes.equals(t.notes) || !java.util.Objects.equals(htmlNotes, t.htmlNotes))) {
        t.notes = notes;
        t.htmlNotes = htmlNotes;
        any = changed(t, emit, "notes");
      }
      if (due && (dueOn != t.dueOn || dueAt != t.dueAt)) {
        t.dueOn = dueOn;
        t.dueAt = dueAt;
        any = changed(t, emit, dueField);
      }
      if (start && (startOn != t.startOn || startAt != t.startAt)) {
        t.startOn = startOn;
        t.startAt = startAt;
        any = changed(t, emit, startField);
      }
      if (assign && assignee != t.assignee) {
        g.setAssignee(t, assignee);
        any = true;
        if (emit) {
          ev.changed(t, "assignee", "changed", assignee);
        }
      }
      if (liked != null && g.setLiked(t, m.me, liked)) {
        any = true;
        if (emit) {
          ev.changed(t, "likes", liked ? "added" : "removed", m.me);
        }
      }
      if (reparent && parent != t.parent) {
        g.setParent(t, parent);
        any = true;
        if (emit) {
          ev.changed(t, "parent", "changed", parent);
        }
      }
      if (any) {
        t.changed();
        t.modifiedAt = now;
      }
    }

    private boolean changed(Task t, boolean emit, String field) {
      if (emit) {
        ev.changed(t, field);
      }
      return true;
    }
  }

  // ---- create, update, delete ----

  /** POST /tasks, or POST /tasks/{gid}/subtasks with {@code pathParent}. */
  Task create(Fields f, Task pathParent) {
    Workspace ws = f.string("workspace") == null ? null : refs.body("workspace", f.string("workspace"), Workspace.class);
    List<Project> projects = new ArrayList<>();
    for (String gid : orEmpty(f.strings("projects"))) {
      Project p = refs.body("projects", gid, Project.class);
      g.checkWritable(p);
      projects.add(p);
    }
    Task parent = pathParent;
    if (parent == null && f.string("parent") != null) {
      parent = refs.body("parent", f.string("parent"), Task.class);
    }
    if (parent != null) {
      g.checkWritable(parent);
    }
    if (ws == null) {
      ws = !projects.isEmpty() ? projects.get(0).workspace : parent != null ? parent.workspace : null;
    }
    if (ws == null) {
      throw ApiError.badRequest(NEED_CONTAINER);
    }
    for (Project p : projects) {
      if (p.workspace != ws) {
        throw ApiError.badRequest("projects: Not in workspace " + ws.gid + ": " + p.gid);
      }
    }
    if (parent != null && parent.workspace != ws) {
      throw ApiError.badRequest("parent: Not in workspace " + ws.gid + ": " + parent.gid);
    }
    List<Tag> tags = new ArrayList<>();
    for (String gid : orEmpty(f.strings("tags"))) {
      tags.add(tagIn("tags", gid, ws));
    }
    List<User> followers = new ArrayList<>();
    for (String v : orEmpty(f.strings("followers"))) {
      followers.add(refs.member("followers", v, ws));
    }
    Patch patch = new Patch(f, ws, null);

    long now = System.currentTimeMillis();
    Task t = g.newTask(ws, m.me, now);
    patch.apply(t, false, now);
    t.modifiedAt = now;
    for (User u : followers) {
      g.addFollower(t, u);
    }
    if (parent != null) {
      g.setParent(t, parent);
      ev.added(t, parent);
    }
    for (Project p : projects) {
      Section s = p.sections.get(0);
      g.place(t, s, -1);
      ev.added(t, p);
      ev.added(t, s);
    }
    for (Tag tag : tags) {
      g.addTag(t, tag);
      ev.added(t, tag);
    }
    if (parent == null && projects.isEmpty() && tags.isEmpty()) {
      ev.added(t, ws);
    }
    return t;
  }

  /** PUT /tasks/{gid}. */
  Task update(Task t, Fields f) {
    g.checkWritable(t);
    for (String createOnly : new String[] {"projects", "tags", "followers", "workspace"}) {
      if (f.has(createOnly)) {
        throw ApiError.badRequest(createOnly + ": Can only be set when the task is created"
            + (createOnly.equals("workspace") ? "" : "; use add" + action(createOnly) + " and remove" + action(createOnly)));
      }
    }
    Patch patch = new Patch(f, t.workspace, t);
    patch.apply(t, true, System.currentTimeMillis());
    return t;
  }

  /** The add/remove action's suffix for a create-only field. */
  private static String action(String field) {
    return field.equals("projects") ? "Project" : field.equals("tags") ? "Tag" : "Followers";
  }

  /** DELETE /tasks/{gid}: the task and its subtasks. */
  void delete(Task t) {
    g.checkWritable(t);
    g.deleteTask(t, ev::deleted);
  }

  /** POST /tasks/{gid}/stories: a comment by the token's user. */
  Story comment(Task t, Fields f) {
    g.checkWritable(t);
    String text = f.string("text");
    String html = f.string("html_text");
    if (text != null && html != null) {
      throw ApiError.badRequest("html_text: Cannot be used with text");
    }
    if (text == null && html == null) {
      throw Fields.missing("text");
    }
    Boolean pinned = f.bool("is_pinned");
    String checked = html == null ? null : HtmlText.check("html_text", html);
    Story s = g.newStory(t, m.me, System.currentTimeMillis());
    s.text = checked == null ? text : HtmlText.plain(checked);
    s.htmlText = checked;
    s.pinned = pinned != null && pinned;
    ev.added(s, t);
    return s;
  }

  // ---- add/remove actions ----

  private Tag tagIn(String field, String gid, Workspace ws) {
    Tag tag = refs.body(field, gid, Tag.class);
    if (tag.workspace != ws) {
      throw ApiError.badRequest(field + ": Not in the task's workspace: " + gid);
    }
    return tag;
  }

  void tag(Task t, Fields f, boolean add) {
    g.checkWritable(t);
    Tag tag = tagIn("tag", f.required("tag"), t.workspace);
    if (add && g.addTag(t, tag)) {
      ev.added(t, tag);
    } else if (!add && g.removeTag(t, tag)) {
      ev.removed(t, tag);
    }
  }

  void followers(Task t, Fields f, boolean add) {
    g.checkWritable(t);
    List<User> users = new ArrayList<>();
    for (String v : f.requiredStrings("followers")) {
      users.add(refs.member("followers", v, t.workspace));
    }
    for (User u : users) {
      if (add ? g.addFollower(t, u) : g.removeFollower(t, u)) {
        ev.changed(t, "followers", add ? "added" : "removed", u);
      }
    }
  }

  void dependencies(Task t, Fields f, boolean add) {
    g.checkWritable(t);
    if (!t.workspace.premium) {
      throw new ApiError(402, DEPENDENCIES_PREMIUM);
    }
    List<Task> others = new ArrayList<>();
    for (String gid : f.requiredStrings("dependencies")) {
      Task d = refs.body("dependencies", gid, Task.class);
      g.checkWritable(d);
      if (d == t) {
        throw ApiError.badRequest("dependencies: A task cannot depend on itself: " + gid);
      }
      if (add && Graph.dependsOn(d, t)) {
        throw ApiError.badRequest("dependencies: Would make a circular dependency: " + gid);
      }
      if (!others.contains(d)) {
        others.add(d);
      }
    }
    if (add) {
      long fresh = others.stream().filter(d -> !t.dependencies.contains(d)).count();
      if (t.dependencies.size() + t.dependents.size() + fresh > MAX_LINKS) {
        throw ApiError.badRequest("dependencies: A task can have at most " + MAX_LINKS + " dependents and dependencies combined");
      }
      for (Task d : others) {
        if (!t.dependencies.contains(d) && d.dependencies.size() + d.dependents.size() >= MAX_LINKS) {
          throw ApiError.badRequest("dependencies: " + d.gid + " already has " + MAX_LINKS + " dependents and dependencies");
        }
      }
    }
    for (Task d : others) {
      if (add ? g.addDependency(t, d) : g.removeDependency(t, d)) {
        String how = add ? "added" : "removed";
        ev.changed(t, "dependencies", how, d);
        ev.changed(d, "dependents", how, t);
      }
    }
  }

  /** POST /tasks/{gid}/addProject: adds (or moves) the task, positioned as the spec describes. */
  void addProject(Task t, Fields f) {
    g.checkWritable(t);
    Project p = refs.body("project", f.required("project"), Project.class);
    g.checkWritable(p);
    if (p.workspace != t.workspace) {
      throw ApiError.badRequest("project: Not in the task's workspace: " + p.gid);
    }
    Section section = f.string("section") == null ? null : refs.body("section", f.string("section"), Section.class);
    if (section != null && section.project != p) {
      throw ApiError.badRequest("section: Not a section of project " + p.gid + ": " + section.gid);
    }
    String anchorField = anchorField(f);
    Task anchor = anchor(f, anchorField, t);
    Section target;
    int index;
    if (anchor != null) {
      target = Graph.sectionIn(anchor, p);
      if (target == null || (section != null && target != section)) {
        throw ApiError.badRequest(anchorField + ": Not in " + (section == null ? "project " + p.gid : "section " + section.gid)
            + ": " + anchor.gid);
      }
      index = indexNear(t, target, anchor, anchorField.equals("insert_after"));
    } else if (section != null) {
      target = section;
      index = "insert_after".equals(anchorField) ? 0 : -1;
    } else if ("insert_after".equals(anchorField)) {
      target = p.sections.get(0);
      index = 0;
    } else {
      target = p.sections.get(p.sections.size() - 1);
      index = -1;
    }
    move(t, target, index);
  }

  void removeProject(Task t, Fields f) {
    g.checkWritable(t);
    Project p = refs.body("project", f.required("project"), Project.class);
    if (g.removeFromProject(t, p)) {
      ev.removed(t, p);
    }
  }

  /** POST /sections/{gid}/addTask: at the top of the section unless an anchor is given. */
  void addToSection(Section s, Fields f) {
    g.checkWritable(s.project);
    Task t = refs.body("task", f.required("task"), Task.class);
    g.checkWritable(t);
    if (t.workspace != s.project.workspace) {
      throw ApiError.badRequest("task: Not in the section's workspace: " + t.gid);
    }
    String anchorField = anchorField(f);
    Task anchor = anchor(f, anchorField, t);
    int index = 0;
    if (anchor != null) {
      if (!s.tasks.contains(anchor)) {
        throw ApiError.badRequest(anchorField + ": Not in section " + s.gid + ": " + anchor.gid);
      }
      index = indexNear(t, s, anchor, anchorField.equals("insert_after"));
    }
    move(t, s, index);
  }

  private static String anchorField(Fields f) {
    if (f.has("insert_before") && f.has("insert_after")) {
      throw ApiError.badRequest("insert_before: Cannot be used with insert_after");
    }
    return f.has("insert_before") ? "insert_before" : f.has("insert_after") ? "insert_after" : null;
  }

  private Task anchor(Fields f, String field, Task t) {
    if (field == null || f.isNull(field)) {
      return null;
    }
    Task anchor = refs.body(field, f.string(field), Task.class);
    if (anchor == t) {
      throw ApiError.badRequest(field + ": Cannot place a task next to itself");
    }
    return anchor;
  }

  /** The index before or after {@code anchor} in {@code s} once {@code t} has left its current place. */
  private static int indexNear(Task t, Section s, Task anchor, boolean after) {
    int k = s.tasks.indexOf(anchor);
    int own = s.tasks.indexOf(t);
    if (own >= 0 && own < k) {
      k--;
    }
    return after ? k + 1 : k;
  }

  private void move(Task t, Section target, int index) {
    Project p = target.project;
    Section old = Graph.sectionIn(t, p);
    g.place(t, target, index);
    if (old == null) {
      ev.added(t, p);
    }
    if (old != target) {
      if (old != null) {
        ev.removed(t, old);
      }
      ev.added(t, target);
    }
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
