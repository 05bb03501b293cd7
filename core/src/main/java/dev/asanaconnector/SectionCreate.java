package dev.asanaconnector;

import java.util.Map;

/**
 * A new section, for {@link ProjectSections#create} (the project is its first argument): a
 * {@link Builder#name} is required; it goes at the end of the project unless placed before or after
 * another section (one of the two). Immutable; checked by the connector's catalog before anything is
 * sent, as {@code execute("project_sections", "create", ...)} checks it.
 */
public final class SectionCreate {
  private final Map<String, Object> fields;

  private SectionCreate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields set, under the reference's names, as {@code execute("project_sections", "create", ...)} takes them. */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set to equal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SectionCreate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "SectionCreate" + fields;
  }

  /** Builds a {@link SectionCreate}; each setter replaces an earlier value and refuses null. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** The section's name (required; {@code name}). */
    public Builder name(String name) {
      fields.set("name", name);
      return this;
    }

    /** Puts the new section before this section of the project ({@code insert_before}). */
    public Builder insertBefore(String sectionGid) {
      fields.set("insert_before", sectionGid);
      return this;
    }

    /** Puts the new section after this section of the project ({@code insert_after}). */
    public Builder insertAfter(String sectionGid) {
      fields.set("insert_after", sectionGid);
      return this;
    }

    /** The section to create; its values are checked when it is sent. */
    public SectionCreate build() {
      return new SectionCreate(this);
    }
  }
}
