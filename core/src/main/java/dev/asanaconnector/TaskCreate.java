package dev.asanaconnector;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A new task, for {@link Tasks#create} (which needs {@link Builder#workspace} and {@link Builder#name})
 * and {@link TaskSubtasks#create} (which needs the name only: the parent's workspace is used). Immutable.
 * The values are checked by the connector's catalog when the task is created, before anything is sent,
 * as {@code execute("tasks", "create", ...)} checks them: a missing name or a malformed gid is an
 * {@link InvalidParameterException} naming the field.
 *
 * <pre>{@code
 * TaskCreate task = TaskCreate.builder().workspace(workspaceGid).name("Write the plan")
 *     .projects(List.of(projectGid)).dueOn(LocalDate.of(2030, 1, 31)).build();
 * }</pre>
 */
public final class TaskCreate {
  private final Map<String, Object> fields;

  private TaskCreate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields set, under the reference's names, as {@code execute("tasks", "create", ...)} takes them. */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set to equal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TaskCreate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "TaskCreate" + fields;
  }

  /** Builds a {@link TaskCreate}; each setter replaces an earlier value and refuses null. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** The workspace to create the task in (required by {@link Tasks#create}; {@code workspace}). */
    public Builder workspace(String workspaceGid) {
      fields.set("workspace", workspaceGid);
      return this;
    }

    /** The task's name (required; {@code name}). */
    public Builder name(String name) {
      fields.set("name", name);
      return this;
    }

    /** Free-form text ({@code notes}). */
    public Builder notes(String notes) {
      fields.set("notes", notes);
      return this;
    }

    /** Free-form text in Asana's rich text, {@code <body>...</body>} ({@code html_notes}). */
    public Builder htmlNotes(String htmlNotes) {
      fields.set("html_notes", htmlNotes);
      return this;
    }

    /** The user assigned to the task: a gid or {@code me} ({@code assignee}). */
    public Builder assignee(String userGidOrMe) {
      fields.set("assignee", userGidOrMe);
      return this;
    }

    /** The date the task is due ({@code due_on}; not together with {@link #dueAt}). */
    public Builder dueOn(LocalDate date) {
      fields.set("due_on", date);
      return this;
    }

    /** The date and time the task is due ({@code due_at}; not together with {@link #dueOn}). */
    public Builder dueAt(OffsetDateTime time) {
      fields.set("due_at", time);
      return this;
    }

    /** The date work on the task starts; Asana needs a due date with it ({@code start_on}). */
    public Builder startOn(LocalDate date) {
      fields.set("start_on", date);
      return this;
    }

    /** Whether the task is complete ({@code completed}). */
    public Builder completed(boolean completed) {
      fields.set("completed", completed);
      return this;
    }

    /** The projects to add the task to, as gids ({@code projects}). */
    public Builder projects(List<String> projectGids) {
      fields.set("projects", projectGids);
      return this;
    }

    /** The parent task, making this a subtask ({@code parent}). */
    public Builder parent(String taskGid) {
      fields.set("parent", taskGid);
      return this;
    }

    /** The tags to put on the task, as gids ({@code tags}). */
    public Builder tags(List<String> tagGids) {
      fields.set("tags", tagGids);
      return this;
    }

    /** The users to follow the task, as gids ({@code followers}). */
    public Builder followers(List<String> userGids) {
      fields.set("followers", userGids);
      return this;
    }

    /** The kind of task; an ordinary one unless set ({@code resource_subtype}). */
    public Builder subtype(TaskSubtype subtype) {
      fields.set("resource_subtype", subtype == null ? null : subtype.asanaName());
      return this;
    }

    /** The task to create; its values are checked when it is sent. */
    public TaskCreate build() {
      return new TaskCreate(this);
    }
  }
}
