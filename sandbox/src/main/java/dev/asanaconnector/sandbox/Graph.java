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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Changes to the object graph that keep every index consistent (a task's projects and sections and
 * their task lists, tags, assignee lists, dependencies both ways, the gid registry). Callers hold
 * {@link Model#write}; validation and events are theirs.
 */
final class Graph {
  static final String BIG_READ_ONLY =
      "The sandbox's big project and its tasks are generated on the fly and cannot be changed";

  private final Model m;

  Graph(Model m) {
    this.m = m;
  }

  /** The list itself if it can grow, else a growable copy (generated lists may be immutable). */
  static <T> List<T> mutable(List<T> list) {
    return list instanceof ArrayList ? list : new ArrayList<>(list);
  }

  // ---- write guards ----

  void checkWritable(Task t) {
    if (m.big != null && t.projects.contains(m.big)) {
      throw new ApiError(403, BIG_READ_ONLY);
    }
  }

  void checkWritable(Project p) {
    if (p == m.big) {
      throw new ApiError(403, BIG_READ_ONLY);
    }
  }

  // ---- who sees an event about a resource ----

  /** The resource and what contains it: a subscription to any of these sees the resource's events. */
  Set<Resource> audience(Resource r) {
    Set<Resource> out = new LinkedHashSet<>();
    out.add(r);
    if (r instanceof Task t) {
      out.addAll(t.projects);
      if (t.parent != null) {
        out.add(t.parent);
      }
      out.add(t.workspace);
    } else if (r instanceof Story s) {
      out.addAll(audience(s.task));
    } else if (r instanceof Attachment a) {
      out.addAll(audience(a.parent));
    } else if (r instanceof Section s) {
      out.add(s.project);
      out.add(s.project.workspace);
    } else if (r instanceof Project p) {
      if (p.team != null) {
        out.add(p.team);
      }
      out.add(p.workspace);
    } else if (r instanceof Tag tag) {
      out.add(tag.workspace);
    } else if (r instanceof User u) {
      out.addAll(u.workspaces);
    }
    return out;
  }

  // ---- tasks ----

  Task newTask(Workspace ws, User creator, long now) {
    Task t = new Task(m.newId());
    t.name = "";
    t.workspace = ws;
    t.createdAt = now;
    t.modifiedAt = now;
    t.createdBy = creator;
    t.followers = new ArrayList<>(List.of(creator));
    m.register(t);
    ws.tasks.add(t);
    m.tasks.add(t);
    return t;
  }

  void setAssignee(Task t, User u) {
    if (t.assignee == u) {
      return;
    }
    if (t.assignee != null) {
      List<Task> old = t.workspace.byAssignee.get(t.assignee);
      if (old != null) {
        old.remove(t);
      }
    }
    t.assignee = u;
    if (u != null) {
      t.workspace.byAssignee.computeIfAbsent(u, k -> new ArrayList<>()).add(t);
      addFollower(t, u);
    }
  }

  boolean addFollower(Task t, User u) {
    if (t.followers.contains(u)) {
      return false;
    }
    t.followers = mutable(t.followers);
    t.followers.add(u);
    return true;
  }

  boolean removeFollower(Task t, User u) {
    if (!t.followers.contains(u)) {
      return false;
    }
    t.followers = mutable(t.followers);
    t.followers.remove(u);
    return true;
  }

  boolean setLiked(Task t, User u, boolean liked) {
    if (t.likes.contains(u) == liked) {
      return false;
    }
    t.likes = mutable(t.likes);
    if (liked) {
      t.likes.add(u);
    } else {
      t.likes.remove(u);
    }
    return true;
  }

  boolean addTag(Task t, Tag tag) {
    if (t.tags.contains(tag)) {
      return false;
    }
    t.tags = mutable(t.tags);
    t.tags.add(tag);
    tag.tasks.add(t);
    return true;
  }

  boolean removeTag(Task t, Tag tag) {
    if (!t.tags.contains(tag)) {
      return false;
    }
    t.tags = mutable(t.tags);
    t.tags.remove(tag);
    tag.tasks.remove(t);
    return true;
  }

  boolean addDependency(Task t, Task blocker) {
    if (t.dependencies.contains(blocker)) {
      return false;
    }
    t.dependencies = mutable(t.dependencies);
    t.dependencies.add(blocker);
    blocker.dependents = mutable(blocker.dependents);
    blocker.dependents.add(t);
    return true;
  }

  boolean removeDependency(Task t, Task blocker) {
    if (!t.dependencies.contains(blocker)) {
      return false;
    }
    t.dependencies = mutable(t.dependencies);
    t.dependencies.remove(blocker);
    blocker.dependents = mutable(blocker.dependents);
    blocker.dependents.remove(t);
    return true;
  }

  /** Whether {@code to} is reachable from {@code from} through dependencies. */
  static boolean dependsOn(Task from, Task to) {
    List<Task> todo = new ArrayList<>(from.dependencies);
    Set<Task> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Task t = todo.remove(todo.size() - 1);
      if (t == to) {
        return true;
      }
      if (seen.add(t)) {
        todo.addAll(t.dependencies);
      }
    }
    return false;
  }

  /** Moves a task under another (null: makes it a top-level task), at the end of its subtasks. */
  void setParent(Task t, Task parent) {
    if (t.parent == parent) {
      return;
    }
    if (t.parent != null) {
      t.parent.subtasks = mutable(t.parent.subtasks);
      t.parent.subtasks.remove(t);
    }
    t.parent = parent;
    if (parent != null) {
      parent.subtasks = mutable(parent.subtasks);
      parent.subtasks.add(t);
    }
  }

  /** The task's section in a project, or null when it is not in the project. */
  static Section sectionIn(Task t, Project p) {
    int i = t.projects.indexOf(p);
    return i < 0 ? null : t.sections.get(i);
  }

  /**
   * Puts a task into a section (adding it to the section's project if needed, and taking it out of its
   * other section there) at {@code index} of the section's list, or at its end when {@code index} is
   * negative or past the end; its place in the project's list follows its new neighbours.
   */
  void place(Task t, Section s, int index) {
    Project p = s.project;
    int i = t.projects.indexOf(p);
    if (i < 0) {
      t.projects = mutable(t.projects);
      t.sections = mutable(t.sections);
      t.projects.add(p);
      t.sections.add(s);
    } else {
      t.sections.get(i).tasks.remove(t);
      t.sections = mutable(t.sections);
      t.sections.set(i, s);
    }
    p.tasks.remove(t);
    int at = index < 0 || index > s.tasks.size() ? s.tasks.size() : index;
    s.tasks.add(at, t);
    p.tasks.add(projectIndex(p, s, at), t);
  }

  /** Where a task at {@code at} in section {@code s} goes in its project's list (it is not there yet). */
  private static int projectIndex(Project p, Section s, int at) {
    if (at > 0) {
      return p.tasks.indexOf(s.tasks.get(at - 1)) + 1;
    }
    if (s.tasks.size() > 1) {
      return p.tasks.indexOf(s.tasks.get(1));
    }
    int k = p.sections.indexOf(s);
    for (int j = k - 1; j >= 0; j--) {
      List<Task> before = p.sections.get(j).tasks;
      if (!before.isEmpty()) {
        return p.tasks.indexOf(before.get(before.size() - 1)) + 1;
      }
    }
    for (int j = k + 1; j < p.sections.size(); j++) {
      List<Task> after = p.sections.get(j).tasks;
      if (!after.isEmpty()) {
        return p.tasks.indexOf(after.get(0));
      }
    }
    return p.tasks.size();
  }

  boolean removeFromProject(Task t, Project p) {
    int i = t.projects.indexOf(p);
    if (i < 0) {
      return false;
    }
    t.projects = mutable(t.projects);
    t.sections = mutable(t.sections);
    t.projects.remove(i);
    t.sections.remove(i).tasks.remove(t);
    p.tasks.remove(t);
    return true;
  }

  /**
   * Deletes a task with its subtasks (deepest first), attachments and stories; {@code beforeEach} sees
   * each task while it is still linked (to record events about it).
   */
  void deleteTask(Task t, Consumer<Task> beforeEach) {
    for (Task sub : new ArrayList<>(t.subtasks)) {
      deleteTask(sub, beforeEach);
    }
    beforeEach.accept(t);
    for (Project p : new ArrayList<>(t.projects)) {
      removeFromProject(t, p);
    }
    for (Tag tag : t.tags) {
      tag.tasks.remove(t);
    }
    for (Task d : new ArrayList<>(t.dependencies)) {
      removeDependency(t, d);
    }
    for (Task d : new ArrayList<>(t.dependents)) {
      removeDependency(d, t);
    }
    setAssignee(t, null);
    setParent(t, null);
    for (Attachment a : t.attachments) {
      m.attachments.remove(a);
      m.unregister(a);
    }
    for (Story s : t.stories) {
      m.unregister(s);
    }
    t.workspace.tasks.remove(t);
    m.tasks.remove(t);
    m.unregister(t);
  }

  // ---- projects and sections ----

  Project newProject(Workspace ws, Team team, User owner, long now) {
    Project p = new Project(m.newId());
    p.name = "";
    p.workspace = ws;
    p.team = team;
    p.createdAt = now;
    p.modifiedAt = now;
    p.owner = owner;
    p.color = null;
    p.notes = "";
    if (owner != null) {
      p.members.add(owner);
      p.followers.add(owner);
    }
    m.register(p);
    ws.projects.add(p);
    if (team != null) {
      team.projects.add(p);
    }
    m.projects.add(p);
    newSection(p, "Untitled section", -1, now);
    return p;
  }

  void setTeam(Project p, Team team) {
    if (p.team == team) {
      return;
    }
    if (p.team != null) {
      p.team.projects.remove(p);
    }
    p.team = team;
    if (team != null) {
      team.projects.add(p);
    }
  }

  /**
   * Deletes a project: its tasks that are in no other project are deleted ({@code deletedTask} sees
   * each first), the others only leave it ({@code leaving} sees each first).
   */
  void deleteProject(Project p, Consumer<Task> deletedTask, Consumer<Task> leaving) {
    for (Task t : new ArrayList<>(p.tasks)) {
      if (!m.byGid.containsKey(t.gid)) {
        continue; // already gone with its parent
      }
      if (t.projects.size() == 1) {
        deleteTask(t, deletedTask);
      } else {
        leaving.accept(t);
        removeFromProject(t, p);
      }
    }
    for (Section s : p.sections) {
      m.unregister(s);
    }
    for (Attachment a : p.attachments) {
      m.attachments.remove(a);
      m.unregister(a);
    }
    p.workspace.projects.remove(p);
    if (p.team != null) {
      p.team.projects.remove(p);
    }
    m.projects.remove(p);
    m.unregister(p);
  }

  Section newSection(Project p, String name, int index, long now) {
    Section s = new Section(m.newId());
    s.name = name;
    s.project = p;
    s.createdAt = now;
    p.sections.add(index < 0 || index > p.sections.size() ? p.sections.size() : index, s);
    m.register(s);
    return s;
  }

  void moveSection(Section s, int index) {
    List<Section> all = s.project.sections;
    all.remove(s);
    all.add(index < 0 || index > all.size() ? all.size() : index, s);
  }

  void deleteSection(Section s) {
    s.project.sections.remove(s);
    m.unregister(s);
  }

  // ---- tags, users, attachments, stories ----

  Tag newTag(Workspace ws, long now) {
    Tag tag = new Tag(m.newId());
    tag.name = "";
    tag.workspace = ws;
    tag.createdAt = now;
    m.register(tag);
    ws.tags.add(tag);
    m.tags.add(tag);
    return tag;
  }

  void deleteTag(Tag tag) {
    for (Task t : tag.tasks) {
      t.tags = mutable(t.tags);
      t.tags.remove(tag);
    }
    tag.workspace.tags.remove(tag);
    m.tags.remove(tag);
    m.unregister(tag);
  }

  /** A user invited by email (not yet in any workspace). */
  User newUser(String email) {
    User u = new User(m.newId());
    u.email = email;
    u.name = email.substring(0, email.indexOf('@'));
    m.register(u);
    m.users.add(u);
    return u;
  }

  boolean addToWorkspace(User u, Workspace ws) {
    if (ws.users.contains(u)) {
      return false;
    }
    ws.users.add(u);
    u.workspaces.add(ws);
    return true;
  }

  Attachment newAttachment(Resource parent, String name, long now) {
    Attachment a = new Attachment(m.newId());
    a.name = name;
    a.parent = parent;
    a.createdAt = now;
    m.register(a);
    m.attachments.add(a);
    if (parent instanceof Task t) {
      t.attachments = mutable(t.attachments);
      t.attachments.add(a);
    } else {
      ((Project) parent).attachments.add(a);
    }
    return a;
  }

  Story newStory(Task t, User author, long now) {
    Story s = new Story(m.newId());
    s.task = t;
    s.createdBy = author;
    s.createdAt = now;
    m.register(s);
    t.stories = mutable(t.stories);
    t.stories.add(s);
    return s;
  }
}
