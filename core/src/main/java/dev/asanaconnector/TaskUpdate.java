package dev.asanaconnector;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Changes to a task, for {@link Tasks#update}: a field not set is left unchanged; a field cleared with
 * its {@code clear...()} method is removed in Asana (sent as JSON null). Immutable. The values are checked
 * by the connector's catalog before anything is sent, as {@code execute("tasks", "update", ...)} checks
 * them.
 *
 * <pre>{@code
 * TaskUpdate update = TaskUpdate.builder().name("Write the launch plan").clearDueOn().completed(true).build();
 * }</pre>
 */
public final class TaskUpdate {
  private final Map<String, Object> fields;

  private TaskUpdate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set: an update that changes nothing. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fields to change, under the reference's names, as {@code execute("tasks", "update", ...)} takes
   * them: a cleared field maps to {@code null}; a field left unchanged is absent. Unmodifiable.
   */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set or cleared alike. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TaskUpdate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "TaskUpdate" + fields;
  }

  /**
   * Builds a {@link TaskUpdate}; each call replaces an earlier one for the same field. Setters refuse
   * null: clearing is always explicit, so a null read from elsewhere never erases a date by accident.
   */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** A new name ({@code name}; a task always has one, so it cannot be cleared). */
    public Builder name(String name) {
      fields.set("name", name);
      return this;
    }

    /** New free-form text ({@code notes}); an empty string empties it. */
    public Builder notes(String notes) {
      fields.set("notes", notes);
      return this;
    }

    /** New free-form text in Asana's rich text ({@code html_notes}). */
    public Builder htmlNotes(String htmlNotes) {
      fields.set("html_notes", htmlNotes);
      return this;
    }

    /** Assigns the task to a user: a gid or {@code me} ({@code assignee}). */
    public Builder assignee(String userGidOrMe) {
      fields.set("assignee", userGidOrMe);
      return this;
    }

    /** Unassigns the task ({@code assignee} sent as null). */
    public Builder clearAssignee() {
      fields.clear("assignee");
      return this;
    }

    /** A new due date ({@code due_on}). */
    public Builder dueOn(LocalDate date) {
      fields.set("due_on", date);
      return this;
    }

    /** Removes the due date ({@code due_on} sent as null). */
    public Builder clearDueOn() {
      fields.clear("due_on");
      return this;
    }

    /** A new due date and time ({@code due_at}). */
    public Builder dueAt(OffsetDateTime time) {
      fields.set("due_at", time);
      return this;
    }

    /** Removes the due date and time ({@code due_at} sent as null). */
    public Builder clearDueAt() {
      fields.clear("due_at");
      return this;
    }

    /** A new start date ({@code start_on}; Asana needs a due date with it). */
    public Builder startOn(LocalDate date) {
      fields.set("start_on", date);
      return this;
    }

    /** Removes the start date ({@code start_on} sent as null). */
    public Builder clearStartOn() {
      fields.clear("start_on");
      return this;
    }

    /** Marks the task complete ({@code true}) or incomplete ({@code completed}). */
    public Builder completed(boolean completed) {
      fields.set("completed", completed);
      return this;
    }

    /** The update; its values are checked when it is sent. */
    public TaskUpdate build() {
      return new TaskUpdate(this);
    }
  }
}
