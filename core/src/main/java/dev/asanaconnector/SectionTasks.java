package dev.asanaconnector;

import dev.asanaconnector.generated.model.TaskCompact;
import java.util.Map;
import java.util.Objects;

/**
 * The tasks of a section: list them, move a task into the section (of a project the task is in).
 */
public final class SectionTasks {
  private final EntityCalls calls;

  SectionTasks(Dispatcher dispatcher) {
    this.calls = new EntityCalls(dispatcher, "section_tasks");
  }

  /**
   * One page of the tasks of section {@code sectionGid}; {@code params} may set {@code limit},
   * {@code offset}, {@code opt_fields}...
   */
  public Page<TaskCompact> list(String sectionGid, Params params) {
    return calls.list(TaskCompact.class, params, "section_gid", sectionGid);
  }

  /** The first page of the tasks of section {@code sectionGid}, with no further parameters. */
  public Page<TaskCompact> list(String sectionGid) {
    return list(sectionGid, Params.none());
  }

  /** Every one of the tasks of section {@code sectionGid}, lazily, in pages of 100. */
  public PagedIterable<TaskCompact> iterate(String sectionGid) {
    return iterate(sectionGid, Params.none());
  }

  /**
   * Every one of the tasks of section {@code sectionGid}, lazily across pages; {@code limit} is the page
   * size (100 unless set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(String sectionGid, Params params) {
    return calls.iterate(TaskCompact.class, params, "section_gid", sectionGid);
  }

  /** Moves a task into a section, at its end ({@code section_tasks create}). */
  public void add(String sectionGid, String taskGid) {
    calls.write(ActionKind.CREATE, Map.of(), "section_gid", sectionGid, "task", taskGid);
  }

  /**
   * Moves a task into a section, just {@link TaskPosition#before before} or
   * {@link TaskPosition#after after} a task of the section ({@code section_tasks create}).
   * {@link TaskPosition#inSection} is refused: the section is the first argument.
   */
  public void add(String sectionGid, String taskGid, TaskPosition position) {
    calls.write(ActionKind.CREATE, Objects.requireNonNull(position, "position").toParams(), "section_gid",
        sectionGid, "task", taskGid);
  }
}
