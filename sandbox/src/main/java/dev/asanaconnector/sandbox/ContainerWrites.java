package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Team;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writes on what holds tasks: projects, sections, tags, and adding users to workspaces. Each
 * validates the whole request before changing anything, then records its events. Callers hold the
 * model's write lock.
 */
final class ContainerWrites {
  static final List<String> PROJECT_COLORS = List.of("dark-pink", "dark-green", "dark-blue", "dark-red",
      "dark-teal", "dark-brown", "dark-orange", "dark-purple", "dark-warm-gray", "light-pink", "light-green",
      "light-blue", "light-red", "light-teal", "light-brown", "light-orange", "light-purple", "light-warm-gray", "none");
  static final List<String> TAG_COLORS = PROJECT_COLORS.subList(0, PROJECT_COLORS.size() - 1);
  static final List<String> ICONS = List.of("list", "board", "timeline", "calendar", "rocket", "people", "graph",
      "star", "bug", "light_bulb", "globe", "gear", "notebook", "computer", "check", "target", "html", "megaphone",
      "chat_bubbles", "briefcase", "page_layout", "mountain_flag", "puzzle", "presentation", "line_and_symbols",
      "speed_dial", "ribbon", "shoe", "shopping_basket", "map", "ticket", "coins");
  static final List<String> VIEWS = List.of("list", "board", "calendar", "timeline");
  static final List<String> PRIVACY = List.of("public_to_workspace", "private_to_team", "private");
  static final String SECTION_NOT_EMPTY = "Section must be empty to be deleted";
  static final String LAST_SECTION = "The last remaining section cannot be deleted";

  private final Model m;
  private final Graph g;
  private final Refs refs;
  private final SandboxEvents ev;

  ContainerWrites(Model m, Graph g, Refs refs, SandboxEvents ev) {
    this.m = m;
    this.g = g;
    this.refs = refs;
    this.ev = ev;
  }

  // ---- projects ----

  /** The project fields of a create or update, validated before anything changes. */
  private final class ProjectPatch {
    final Fields f;
    final String color;
    final String icon;
    final String view;
    final String privacy;
    final Boolean isPublic;
    final Boolean archived;
    final String notes;
    final String htmlNotes;
    final String dueField;
    final int dueOn;
    final int startOn;
    final boolean setOwner;
    final User owner;
    final boolean setTeam;
    final Team team;

    ProjectPatch(Fields f, Workspace ws) {
      this.f = f;
      color = f.oneOf("color", PROJECT_COLORS);
      icon = f.oneOf("icon", ICONS);
      view = f.oneOf("default_view", VIEWS);
      privacy = f.oneOf("privacy_setting", PRIVACY);
      isPublic = f.bool("public");
      archived = f.bool("archived");
      if (f.has("html_notes") && !f.isNull("html_notes")) {
        htmlNotes = HtmlText.check("html_notes", f.string("html_notes"));
        notes = HtmlText.plain(htmlNotes);
      } else {
        htmlNotes = null;
        notes = f.has("notes") ? Objects.requireNonNullElse(f.string("notes"), "") : null;
      }
      // due_date is the deprecated name of due_on.
      dueField = f.has("due_on") ? "due_on" : f.has("due_date") ? "due_date" : null;
      dueOn = dueField == null ? Times.NO_DAY : f.date(dueField);
      startOn = f.date("start_on");
      setOwner = f.has("owner");
      owner = setOwner && !f.isNull("owner") ? refs.member("owner", f.string("owner"), ws) : null;
      setTeam = f.string("team") != null;
      team = setTeam ? refs.body("team", f.string("team"), Team.class) : null;
      if (team != null && team.workspace != ws) {
        throw ApiError.badRequest("team: Not in workspace " + ws.gid + ": " + team.gid);
      }
      Map<String, Object> custom = f.object("custom_fields");
      if (custom != null && !custom.isEmpty()) {
        throw Fields.unrecognized("custom_fields", custom.keySet().iterator().next());
      }
    }

    void apply(Project p, boolean emit) {
      List<String> changed = new ArrayList<>();
      if (f.has("name") && !Objects.equals(p.name, nameOr(p.name))) {
        p.name = nameOr(p.name);
        p.compact = null;
        changed.add("name");
      }
      if (f.has("color") && !Objects.equals(p.color, color)) {
        p.color = color;
        changed.add("color");
      }
      if (icon != null && !icon.equals(p.icon)) {
        p.icon = icon;
        changed.add("icon");
      }
      if (view != null && !view.equals(p.defaultView)) {
        p.defaultView = view;
        changed.add("default_view");
      }
      String newPrivacy = privacy != null ? privacy : isPublic == null ? null : isPublic ? "public_to_workspace" : "private";
      if (newPrivacy != null && !newPrivacy.equals(p.privacy)) {
        p.privacy = newPrivacy;
        changed.add("privacy_setting");
      }
      if (archived != null && archived != p.archived) {
        p.archived = archived;
        changed.add("archived");
      }
      if (notes != null && (!notes.equals(p.notes) || !Objects.equals(htmlNotes, p.htmlNotes))) {
        p.notes = notes;
        p.htmlNotes = htmlNotes;
        changed.add("notes");
      }
      if (dueField != null && dueOn != p.dueOn) {
        p.dueOn = dueOn;
        changed.add("due_on");
      }
      if (f.has("start_on") && startOn != p.startOn) {
        p.startOn = startOn;
        changed.add("start_on");
      }
      if (setTeam && team != p.team) {
        g.setTeam(p, team);
        if (emit) {
          ev.changed(p, "team", "changed", team);
        }
      }
      if (setOwner && owner != p.owner) {
        p.owner = owner;
        if (owner != null && !p.members.contains(owner)) {
          p.members.add(owner);
        }
        if (emit) {
          ev.changed(p, "owner", "changed", owner);
        }
      }
      if (emit) {
        for (String field : changed) {
          ev.changed(p, field);
        }
      }
      p.modifiedAt = System.currentTimeMillis();
    }

    private String nameOr(String current) {
      return f.isNull("name") ? "" : Objects.requireNonNullElse(f.string("name"), current);
    }
  }

  /** POST /projects: in a workspace, or a team (which implies its workspace). */
  Project createProject(Fields f) {
    Team team = f.string("team") == null ? null : refs.body("team", f.string("team"), Team.class);
    Workspace ws = f.string("workspace") == null ? null : refs.body("workspace", f.string("workspace"), Workspace.class);
    if (ws == null && team == null) {
      throw Fields.missing("workspace");
    }
    if (ws == null) {
      ws = team.workspace;
    }
    ProjectPatch patch = new ProjectPatch(f, ws);
    List<User> followers = new ArrayList<>();
    for (String v : f.strings("followers") == null ? List.<String>of() : f.strings("followers")) {
      followers.add(refs.member("followers", v, ws));
    }
    Project p = g.newProject(ws, team, patch.setOwner ? patch.owner : m.me, System.currentTimeMillis());
    patch.apply(p, false);
    if (!p.members.contains(m.me)) {
      p.members.add(m.me);
    }
    for (User u : followers) {
      if (!p.followers.contains(u)) {
        p.followers.add(u);
      }
      if (!p.members.contains(u)) {
        p.members.add(u);
      }
    }
    ev.added(p, team != null ? team : ws);
    return p;
  }

  Project updateProject(Project p, Fields f) {
    g.checkWritable(p);
    if (f.has("workspace")) {
      throw ApiError.badRequest("workspace: Can only be set when the project is created");
    }
    if (f.has("followers")) {
      throw ApiError.badRequest("followers: Can only be set when the project is created; use addFollowers and removeFollowers");
    }
    new ProjectPatch(f, p.workspace).apply(p, true);
    return p;
  }

  /** DELETE /projects/{gid}: tasks in no other project go with it, the others just leave it. */
  void deleteProject(Project p) {
    g.checkWritable(p);
    ev.deleted(p);
    g.deleteProject(p, ev::deleted, t -> ev.removed(t, p));
  }

  // ---- sections ----

  /** The index for insert_before/insert_after among a project's sections (-1: at the end). */
  private int sectionIndex(Fields f, Project p, Section moving) {
    if (f.has("insert_before") && f.has("insert_after") && !f.isNull("insert_before") && !f.isNull("insert_after")) {
      throw ApiError.badRequest("insert_before: Cannot be used with insert_after");
    }
    for (String field : new String[] {"insert_before", "insert_after"}) {
      String gid = f.string(field);
      if (gid == null) {
        continue;
      }
      Section anchor = refs.body(field, gid, Section.class);
      if (anchor.project != p) {
        throw ApiError.badRequest(field + ": Not a section of project " + p.gid + ": " + gid);
      }
      if (anchor == moving) {
        throw ApiError.badRequest(field + ": Cannot place a section next to itself");
      }
      int k = p.sections.indexOf(anchor);
      int own = moving == null ? -1 : p.sections.indexOf(moving);
      if (own >= 0 && own < k) {
        k--;
      }
      return field.equals("insert_after") ? k + 1 : k;
    }
    return -1;
  }

  Section createSection(Project p, Fields f) {
    g.checkWritable(p);
    String name = f.required("name");
    if (name.isBlank()) {
      throw ApiError.badRequest("name: Cannot be empty");
    }
    int index = sectionIndex(f, p, null);
    Section s = g.newSection(p, name, index, System.currentTimeMillis());
    ev.added(s, p);
    return s;
  }

  Section updateSection(Section s, Fields f) {
    g.checkWritable(s.project);
    String name = f.required("name");
    if (name.isBlank()) {
      throw ApiError.badRequest("name: Cannot be empty");
    }
    int index = sectionIndex(f, s.project, s);
    if (!name.equals(s.name)) {
      s.name = name;
      s.compact = null;
      ev.changed(s, "name");
    }
    if (f.string("insert_before") != null || f.string("insert_after") != null) {
      g.moveSection(s, index);
    }
    return s;
  }

  void deleteSection(Section s) {
    g.checkWritable(s.project);
    if (!s.tasks.isEmpty()) {
      throw ApiError.badRequest(SECTION_NOT_EMPTY);
    }
    if (s.project.sections.size() == 1) {
      throw ApiError.badRequest(LAST_SECTION);
    }
    ev.deleted(s);
    g.deleteSection(s);
  }

  // ---- tags ----

  Tag createTag(Workspace ws, Fields f) {
    String name = f.string("name");
    String color = f.oneOf("color", TAG_COLORS);
    String notes = f.string("notes");
    List<User> followers = new ArrayList<>();
    for (String v : f.strings("followers") == null ? List.<String>of() : f.strings("followers")) {
      followers.add(refs.member("followers", v, ws));
    }
    Tag tag = g.newTag(ws, System.currentTimeMillis());
    tag.name = name == null ? "" : name;
    tag.color = color;
    tag.notes = notes == null ? "" : notes;
    tag.followers.addAll(followers);
    ev.added(tag, ws);
    return tag;
  }

  Tag updateTag(Tag tag, Fields f) {
    String color = f.oneOf("color", TAG_COLORS);
    if (f.has("name")) {
      String name = Objects.requireNonNullElse(f.string("name"), "");
      if (!name.equals(tag.name)) {
        tag.name = name;
        tag.compact = null;
        ev.changed(tag, "name");
      }
    }
    if (f.has("color") && !Objects.equals(color, tag.color)) {
      tag.color = color;
      ev.changed(tag, "color");
    }
    if (f.has("notes")) {
      String notes = Objects.requireNonNullElse(f.string("notes"), "");
      if (!notes.equals(tag.notes)) {
        tag.notes = notes;
        ev.changed(tag, "notes");
      }
    }
    return tag;
  }

  void deleteTag(Tag tag) {
    ev.deleted(tag);
    for (Model.Task t : tag.tasks) {
      ev.removed(t, tag);
    }
    g.deleteTag(tag);
  }

  // ---- users ----

  /** POST /workspaces/{gid}/addUser: by gid, "me" or email; an unknown email is invited as a new user. */
  User addUser(Workspace ws, Fields f) {
    String v = f.required("user");
    User u = refs.userOrNull("user", v);
    if (u == null) {
      if (v.indexOf('@') < 1 || v.indexOf('@') == v.length() - 1) {
        throw Fields.unrecognized("user", v);
      }
      u = g.newUser(v);
    }
    if (g.addToWorkspace(u, ws)) {
      ev.added(u, ws);
    }
    return u;
  }
}
