package dev.asanaconnector;

import java.util.Map;
import java.util.Objects;

/**
 * Where a task goes when it is added to a project ({@link TaskProjects#add(String, String, TaskPosition)})
 * or moved into a section ({@link SectionTasks#add(String, String, TaskPosition)}): into a section of the
 * project, or just before or after another task. Immutable.
 */
public final class TaskPosition {
  private final String name;
  private final String gid;

  private TaskPosition(String name, String gid) {
    this.name = name;
    this.gid = Objects.requireNonNull(gid, name);
  }

  /** At the end of this section of the project ({@code section}; for {@link TaskProjects#add} only). */
  public static TaskPosition inSection(String sectionGid) {
    return new TaskPosition("section", sectionGid);
  }

  /** Just before this task ({@code insert_before}). */
  public static TaskPosition before(String taskGid) {
    return new TaskPosition("insert_before", taskGid);
  }

  /** Just after this task ({@code insert_after}). */
  public static TaskPosition after(String taskGid) {
    return new TaskPosition("insert_after", taskGid);
  }

  /** The position under its reference name, as {@code execute} takes it: {@code {insert_after=123}}. */
  public Map<String, Object> toParams() {
    return Map.of(name, gid);
  }

  /** Equal when it names the same place. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TaskPosition that && name.equals(that.name) && gid.equals(that.gid);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, gid);
  }

  @Override
  public String toString() {
    return "TaskPosition{" + name + "=" + gid + "}";
  }
}
