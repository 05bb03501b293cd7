package dev.asanaconnector;

import java.util.Map;

/**
 * A comment on a task, for {@link TaskStories#create}: its {@link Builder#text plain text} or its
 * {@link Builder#htmlText rich text} (exactly one of the two), optionally pinned. Immutable; checked by
 * the connector's catalog before anything is sent, as {@code execute("task_stories", "create", ...)}
 * checks it.
 */
public final class StoryCreate {
  private final Map<String, Object> fields;

  private StoryCreate(Builder builder) {
    this.fields = builder.fields.snapshot();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields set, under the reference's names, as {@code execute("task_stories", "create", ...)} takes them. */
  public Map<String, Object> toParams() {
    return fields;
  }

  /** Equal when the same fields are set to equal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof StoryCreate that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "StoryCreate" + fields;
  }

  /** Builds a {@link StoryCreate}; each setter replaces an earlier value and refuses null. */
  public static final class Builder {
    private final RequestFields fields = new RequestFields();

    private Builder() {
    }

    /** The comment as plain text ({@code text}). */
    public Builder text(String text) {
      fields.set("text", text);
      return this;
    }

    /** The comment in Asana's rich text, {@code <body>...</body>} ({@code html_text}). */
    public Builder htmlText(String html) {
      fields.set("html_text", html);
      return this;
    }

    /** Whether the comment is pinned to the top of the task ({@code is_pinned}). */
    public Builder pinned(boolean pinned) {
      fields.set("is_pinned", pinned);
      return this;
    }

    /** The comment; its values are checked when it is sent. */
    public StoryCreate build() {
      return new StoryCreate(this);
    }
  }
}
