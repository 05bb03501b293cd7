package dev.asanaconnector;

import java.time.LocalDate;
import java.util.Map;

/**
 * A new project, for {@link Projects#create}: {@link Builder#workspace} and {@link Builder#name} are
 * required, and in an organization a {@link Builder#team} too (Asana says so when it is missing).
 * Immutable. The values are checked by the connector's catalog before anything is sent, as
 * {@code execute("projects", "create", ...)} checks them.
 */
public final class ProjectCreate {
  private final Map<String, Object> fields;

  private ProjectCreate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields set, under the reference's names, as {@code execute("projects", "create", ...)} takes them. */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set to equal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ProjectCreate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "ProjectCreate" + fields;
  }

  /** Builds a {@link ProjectCreate}; each setter replaces an earlier value and refuses null. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** The workspace to create the project in (required; {@code workspace}). */
    public Builder workspace(String workspaceGid) {
      fields.set("workspace", workspaceGid);
      return this;
    }

    /** The project's name (required; {@code name}). */
    public Builder name(String name) {
      fields.set("name", name);
      return this;
    }

    /** The team to share the project with; required in organizations ({@code team}). */
    public Builder team(String teamGid) {
      fields.set("team", teamGid);
      return this;
    }

    /** Free-form text ({@code notes}). */
    public Builder notes(String notes) {
      fields.set("notes", notes);
      return this;
    }

    /** Free-form text in Asana's rich text ({@code html_notes}). */
    public Builder htmlNotes(String htmlNotes) {
      fields.set("html_notes", htmlNotes);
      return this;
    }

    /** The project's color ({@code color}). */
    public Builder color(Color color) {
      fields.set("color", color == null ? null : color.asanaName());
      return this;
    }

    /** The view the project opens in ({@code default_view}). */
    public Builder defaultView(ProjectView view) {
      fields.set("default_view", view == null ? null : view.asanaName());
      return this;
    }

    /** Who can see the project ({@code privacy_setting}). */
    public Builder privacy(ProjectPrivacy privacy) {
      fields.set("privacy_setting", privacy == null ? null : privacy.asanaName());
      return this;
    }

    /** The date the project is due ({@code due_on}). */
    public Builder dueOn(LocalDate date) {
      fields.set("due_on", date);
      return this;
    }

    /** The date the project starts; Asana needs a due date with it ({@code start_on}). */
    public Builder startOn(LocalDate date) {
      fields.set("start_on", date);
      return this;
    }

    /** The project to create; its values are checked when it is sent. */
    public ProjectCreate build() {
      return new ProjectCreate(this);
    }
  }
}
