package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import mockwebserver3.RecordedRequest;

/**
 * Routes POST, PUT and DELETE under /api/1.0 to the writes, each under the model's write lock (so
 * every write is atomic and ordered for readers and for the event stream). Bodies are parsed before
 * the lock is taken. Answers: 201 with the record for creates that Asana answers so, 200 with the
 * record for updates, {@code {"data": {}}} for deletes and most add/remove actions.
 */
final class WriteHandler {
  private final Model m;
  private final Render render;
  private final Refs refs;
  private final TaskWrites tasks;
  private final ContainerWrites containers;
  private final Uploads uploads;
  private final SandboxWebhooks webhooks;

  WriteHandler(Model m, Render render, TaskWrites tasks, ContainerWrites containers, Uploads uploads,
      SandboxWebhooks webhooks) {
    this.m = m;
    this.render = render;
    this.refs = new Refs(m);
    this.tasks = tasks;
    this.containers = containers;
    this.uploads = uploads;
    this.webhooks = webhooks;
  }

  Reply handle(String method, HttpUrl url, RecordedRequest request) {
    List<String> all = url.pathSegments();
    int end = all.size();
    while (end > 2 && all.get(end - 1).isEmpty()) {
      end--;
    }
    List<String> s = all.subList(2, end);
    Sel sel = Sel.parse(url.queryParameter("opt_fields"));
    String route = method + " " + shape(s);
    switch (route) {
      case "POST attachments": {
        Resource a = uploads.upload(request);
        return m.read(() -> record(200, a, sel));
      }
      case "POST webhooks":
        return webhooks.create(Fields.read(request), render, sel);
      case "DELETE webhooks/*":
        webhooks.delete(s.get(1));
        return empty();
      default:
        break;
    }
    Fields f = method.equals("DELETE") ? null : Fields.read(request);
    String gid = s.size() > 1 ? s.get(1) : null;
    return switch (route) {
      case "POST tasks" -> created(() -> tasks.create(f, null), sel);
      case "PUT tasks/*" -> updated(() -> tasks.update(refs.path(gid, Task.class), f), sel);
      case "DELETE tasks/*" -> done(() -> tasks.delete(refs.path(gid, Task.class)));
      case "POST tasks/*/subtasks" -> created(() -> tasks.create(f, refs.path(gid, Task.class)), sel);
      case "POST tasks/*/stories" -> created(() -> tasks.comment(refs.path(gid, Task.class), f), sel);
      case "POST tasks/*/addTag", "POST tasks/*/removeTag" ->
          done(() -> tasks.tag(refs.path(gid, Task.class), f, s.get(2).startsWith("add")));
      case "POST tasks/*/addFollowers", "POST tasks/*/removeFollowers" -> updated(() -> {
        Task t = refs.path(gid, Task.class);
        tasks.followers(t, f, s.get(2).startsWith("add"));
        return t;
      }, sel);
      case "POST tasks/*/addDependencies", "POST tasks/*/removeDependencies" ->
          done(() -> tasks.dependencies(refs.path(gid, Task.class), f, s.get(2).startsWith("add")));
      case "POST tasks/*/addProject" -> done(() -> tasks.addProject(refs.path(gid, Task.class), f));
      case "POST tasks/*/removeProject" -> done(() -> tasks.removeProject(refs.path(gid, Task.class), f));
      case "POST sections/*/addTask" -> done(() -> tasks.addToSection(refs.path(gid, Section.class), f));
      case "POST projects" -> created(() -> containers.createProject(f), sel);
      case "PUT projects/*" -> updated(() -> containers.updateProject(refs.path(gid, Project.class), f), sel);
      case "DELETE projects/*" -> done(() -> containers.deleteProject(refs.path(gid, Project.class)));
      case "POST projects/*/sections" -> created(() -> containers.createSection(refs.path(gid, Project.class), f), sel);
      case "PUT sections/*" -> updated(() -> containers.updateSection(refs.path(gid, Section.class), f), sel);
      case "DELETE sections/*" -> done(() -> containers.deleteSection(refs.path(gid, Section.class)));
      case "POST workspaces/*/tags" -> created(() -> containers.createTag(refs.path(gid, Workspace.class), f), sel);
      case "POST tags" -> created(() -> containers.createTag(
          refs.body("workspace", f.required("workspace"), Workspace.class), f), sel);
      case "PUT tags/*" -> updated(() -> containers.updateTag(refs.path(gid, Tag.class), f), sel);
      case "DELETE tags/*" -> done(() -> containers.deleteTag(refs.path(gid, Tag.class)));
      case "POST workspaces/*/addUser" -> {
        // Asana answers with the user's base record: name, email and photo.
        Sel base = sel != null ? sel : Sel.parse("name,email,photo");
        yield m.write(() -> record(200, containers.addUser(refs.path(gid, Workspace.class), f), base));
      }
      default -> throw new ApiError(404, ApiHandler.NO_ROUTE);
    };
  }

  /** The path with its gid (the second segment) replaced by an asterisk, e.g. {@code tasks/<*>/addTag} without the brackets. */
  private static String shape(List<String> s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.size(); i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(i == 1 ? "*" : s.get(i));
    }
    return b.toString();
  }

  private Reply created(Supplier<? extends Resource> write, Sel sel) {
    return m.write(() -> record(201, write.get(), sel));
  }

  private Reply updated(Supplier<? extends Resource> write, Sel sel) {
    return m.write(() -> record(200, write.get(), sel));
  }

  private Reply done(Runnable write) {
    m.write(() -> {
      write.run();
      return null;
    });
    return empty();
  }

  /** The record as the write left it (callers hold the lock). */
  private Reply record(int status, Resource r, Sel sel) {
    Json j = new Json(2048);
    j.beginObject().name("data");
    render.record(j, r, sel, true);
    j.endObject();
    return Reply.json(status, j);
  }

  static Reply empty() {
    Json j = new Json(16);
    j.beginObject().name("data").beginObject().endObject().endObject();
    return Reply.json(200, j);
  }
}
