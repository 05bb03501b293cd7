package dev.asanaconnector;

import java.time.LocalDate;
import java.util.Map;

/**
 * Changes to a project, for {@link Projects#update}: a field not set is left unchanged; a field cleared
 * with its {@code clear...()} method is removed in Asana (sent as JSON null). Immutable. The values are
 * checked by the connector's catalog before anything is sent, as {@code execute("projects", "update", ...)}
 * checks them.
 */
public final class ProjectUpdate {
  private final Map<String, Object> fields;

  private ProjectUpdate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set: an update that changes nothing. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fields to change, under the reference's names, as {@code execute("projects", "update", ...)}
   * takes them: a cleared field maps to {@code null}; a field left unchanged is absent. Unmodifiable.
   */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set or cleared alike. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ProjectUpdate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "ProjectUpdate" + fields;
  }

  /** Builds a {@link ProjectUpdate}; setters refuse null, as clearing is always explicit. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** A new name ({@code name}; it cannot be cleared). */
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

    /** A new color ({@code color}). */
    public Builder color(Color color) {
      fields.set("color", color == null ? null : color.asanaName());
      return this;
    }

    /** Removes the color ({@code color} sent as null). */
    public Builder clearColor() {
      fields.clear("color");
      return this;
    }

    /** The view the project opens in ({@code default_view}). */
    public Builder defaultView(ProjectView view) {
      fields.set("default_view", view == null ? null : view.asanaName());
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

    /** Archives ({@code true}) or restores the project ({@code archived}). */
    public Builder archived(boolean archived) {
      fields.set("archived", archived);
      return this;
    }

    /** The update; its values are checked when it is sent. */
    public ProjectUpdate build() {
      return new ProjectUpdate(this);
    }
  }
}
