package dev.asanaconnector;

import dev.asanaconnector.generated.model.ProjectCompact;
import java.util.Map;
import java.util.Objects;

/**
 * The projects a task is in: list them, add the task to a project (or move it within one, into a section or
 * next to another task), remove it from one.
 *
 * <pre>{@code
 * asana.taskProjects().add(taskGid, projectGid, TaskPosition.inSection(sectionGid));
 * }</pre>
 */
public final class TaskProjects {
  private final EntityCalls calls;

  TaskProjects(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "task_projects");
  }

  /**
   * One page of the projects task {@code taskGid} is in; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<ProjectCompact> list(String taskGid, Params params) {
    return calls.list(ProjectCompact.class, params, "task_gid", taskGid);
  }

  /** The first page of the projects task {@code taskGid} is in, with no further parameters. */
  public Page<ProjectCompact> list(String taskGid) {
    return list(taskGid, Params.none());
  }

  /** Every one of the projects task {@code taskGid} is in, lazily, in pages of 100. */
  public PagedIterable<ProjectCompact> iterate(String taskGid) {
    return iterate(taskGid, Params.none());
  }

  /**
   * Every one of the projects task {@code taskGid} is in, lazily across pages; {@code limit} is the page
   * size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<ProjectCompact> iterate(String taskGid, Params params) {
    return calls.iterate(ProjectCompact.class, params, "task_gid", taskGid);
  }

  /** Adds a task to a project, at the end ({@code task_projects create}). */
  public void add(String taskGid, String projectGid) {
    calls.write(ActionKind.CREATE, Map.of(), "task_gid", taskGid, "project", projectGid);
  }

  /**
   * Adds a task to a project at {@code position}: in a section, or before or after another task of the
   * project ({@code task_projects create}). For a task already in the project this moves it, which is how
   * a task changes section.
   */
  public void add(String taskGid, String projectGid, TaskPosition position) {
    calls.write(ActionKind.CREATE, Objects.requireNonNull(position, "position").toParams(), "task_gid", taskGid,
        "project", projectGid);
  }

  /** Removes a task from a project ({@code task_projects delete}); the task itself stays. */
  public void remove(String taskGid, String projectGid) {
    calls.write(ActionKind.DELETE, Map.of(), "task_gid", taskGid, "project", projectGid);
  }
}
