package dev.asanaconnector;

import java.util.Map;

/**
 * Changes to a tag, for {@link Tags#update}: a field not set is left unchanged; {@link Builder#clearColor}
 * removes the color (sent as JSON null). Immutable; checked by the connector's catalog before anything
 * is sent, as {@code execute("tags", "update", ...)} checks it.
 */
public final class TagUpdate {
  private final Map<String, Object> fields;

  private TagUpdate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set: an update that changes nothing. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fields to change, under the reference's names, as {@code execute("tags", "update", ...)} takes
   * them: a cleared field maps to {@code null}; a field left unchanged is absent. Unmodifiable.
   */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set or cleared alike. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TagUpdate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "TagUpdate" + fields;
  }

  /** Builds a {@link TagUpdate}; setters refuse null, as clearing is always explicit. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** A new name ({@code name}; it cannot be cleared). */
    public Builder name(String name) {
      fields.set("name", name);
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

    /** New free-form notes ({@code notes}); an empty string empties them. */
    public Builder notes(String notes) {
      fields.set("notes", notes);
      return this;
    }

    /** The update; its values are checked when it is sent. */
    public TagUpdate build() {
      return new TagUpdate(this);
    }
  }
}
