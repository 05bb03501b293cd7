package dev.asanaconnector;

import java.util.Map;

/**
 * A new tag, for {@link WorkspaceTags#create} (the workspace is its first argument): a
 * {@link Builder#name} is required. Immutable; checked by the connector's catalog before anything is
 * sent, as {@code execute("workspace_tags", "create", ...)} checks it.
 */
public final class TagCreate {
  private final Map<String, Object> fields;

  private TagCreate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields set, under the reference's names, as {@code execute("workspace_tags", "create", ...)} takes them. */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set to equal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TagCreate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "TagCreate" + fields;
  }

  /** Builds a {@link TagCreate}; each setter replaces an earlier value and refuses null. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** The tag's name (required; {@code name}). */
    public Builder name(String name) {
      fields.set("name", name);
      return this;
    }

    /** The tag's color ({@code color}). */
    public Builder color(Color color) {
      fields.set("color", color == null ? null : color.asanaName());
      return this;
    }

    /** Free-form notes on the tag ({@code notes}). */
    public Builder notes(String notes) {
      fields.set("notes", notes);
      return this;
    }

    /** The tag to create; its values are checked when it is sent. */
    public TagCreate build() {
      return new TagCreate(this);
    }
  }
}
