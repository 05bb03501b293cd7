package dev.asanaconnector;

import dev.asanaconnector.http.CallOptions;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Optional parameters of a connector call, typed, under the reference's names. Immutable; build with
 * {@link #builder()}. Each action accepts only the parameters its reference lists (plus
 * {@code opt_fields} and the {@code Asana-Enable}/{@code Asana-Disable} headers): passing one it does not
 * take is an {@link InvalidParameterException}, never silently ignored.
 *
 * <pre>{@code
 * Params params = Params.builder().project("1204").limit(50).optFields("notes", "due_on").build();
 * }</pre>
 */
public final class Params {
  private static final Params NONE = new Builder().build();

  private final Map<String, Object> values;
  private final Integer maxItems;
  private final CallOptions callOptions;

  private Params(Builder builder) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(builder.values)); // keeps nulls, unlike Map.copyOf
    this.maxItems = builder.maxItems;
    this.callOptions = builder.callOptions;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** No parameters. */
  public static Params none() {
    return NONE;
  }

  /**
   * The parameters under their reference names, as {@code execute} takes them; a name set to
   * {@code null} maps to {@code null} (not sent). Unmodifiable.
   */
  public Map<String, Object> toMap() {
    return values;
  }

  /** For iteration: the most records to return in all; empty for all of them. */
  public OptionalInt maxItems() {
    return maxItems == null ? OptionalInt.empty() : OptionalInt.of(maxItems);
  }

  /** Per-call timeouts and retry policy; empty to use the client's. */
  public Optional<CallOptions> callOptions() {
    return Optional.ofNullable(callOptions);
  }

  /** The call options for the dispatcher, which takes {@code null} for "the client's". */
  CallOptions callOptionsOrNull() {
    return callOptions;
  }

  @Override
  public String toString() {
    return "Params" + new java.util.TreeMap<>(values) + (maxItems != null ? " maxItems=" + maxItems : "");
  }

  /**
   * Builds {@link Params}; each setter replaces an earlier value, and {@code null} unsets it (the name
   * is still checked against the action's parameters when a call uses it).
   */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Integer maxItems;
    private CallOptions callOptions;

    private Builder() {
    }

    private Builder set(String name, Object value) {
      // A null unsets the value but keeps the name, so that a misspelled name is still reported.
      values.put(Objects.requireNonNull(name, "parameter name"), value);
      return this;
    }

    /** Page size, 1 to 100 ({@code limit}). */
    public Builder limit(Integer pageSize) {
      return set("limit", pageSize);
    }

    /** Where to start: the {@code offset} of a previous page's {@link NextPage}. */
    public Builder offset(String offset) {
      return set("offset", offset);
    }

    /** Iteration only: stop after this many records in all (never sent to Asana). */
    public Builder maxItems(Integer maxItems) {
      if (maxItems != null && maxItems < 0) {
        throw new InvalidParameterException("maxItems", "must not be negative, was " + maxItems);
      }
      this.maxItems = maxItems;
      return this;
    }

    /** Timeouts and retry policy for this call (each page of an iteration), overriding the client's. */
    public Builder callOptions(CallOptions options) {
      this.callOptions = options;
      return this;
    }

    /** Further record fields to ask Asana for ({@code opt_fields}), added to the documented ones. */
    public Builder optFields(String... fields) {
      return set("opt_fields", List.of(fields));
    }

    /** {@code Asana-Enable} header: opt in to these API changes early. */
    public Builder asanaEnable(String... changes) {
      return set("asana_enable", String.join(",", changes));
    }

    /** {@code Asana-Disable} header: opt out of these API changes for now. */
    public Builder asanaDisable(String... changes) {
      return set("asana_disable", String.join(",", changes));
    }

    /** Tasks of this project ({@code project}, tasks list). */
    public Builder project(String gid) {
      return set("project", gid);
    }

    /** Tasks of this section ({@code section}, tasks list). */
    public Builder section(String gid) {
      return set("section", gid);
    }

    /** Filter by workspace ({@code workspace}); tasks list needs {@link #assignee} with it. */
    public Builder workspace(String gid) {
      return set("workspace", gid);
    }

    /** A user gid, or {@code me}. */
    public Builder assignee(String gidOrMe) {
      return set("assignee", gidOrMe);
    }

    /** Filter by team ({@code team}: projects and users lists). */
    public Builder team(String gid) {
      return set("team", gid);
    }

    /** The workspace or organization of a user's teams ({@code organization}, required by user_teams). */
    public Builder organization(String gid) {
      return set("organization", gid);
    }

    /** Only archived ({@code true}) or only active ({@code false}) projects ({@code archived}). */
    public Builder archived(Boolean archived) {
      return set("archived", archived);
    }

    /** Tasks incomplete or completed since this time. */
    public Builder completedSince(OffsetDateTime time) {
      return set("completed_since", time);
    }

    /** Only tasks that are still incomplete (Asana's {@code completed_since=now}). */
    public Builder incompleteOnly() {
      return set("completed_since", "now");
    }

    /** Tasks modified since this time ({@code modified_since}, tasks list). */
    public Builder modifiedSince(OffsetDateTime time) {
      return set("modified_since", time);
    }

    /** For attachment downloads: an HTTP byte range such as {@code bytes=0-99}. */
    public Builder rangeHeader(String range) {
      return set("range_header", range);
    }

    /** Any parameter under its reference name, for ones without a setter of their own. */
    public Builder param(String name, Object value) {
      return set(name, value);
    }

    /** Copies every parameter of {@code other} into this builder. */
    public Builder putAll(Map<String, ?> other) {
      other.forEach(this::set);
      return this;
    }

    /** Copies every parameter and setting of {@code other} into this builder. */
    public Builder from(Params other) {
      putAll(other.values);
      this.maxItems = other.maxItems;
      this.callOptions = other.callOptions;
      return this;
    }

    /** The params; values are validated when a call uses them, before any request. */
    public Params build() {
      return new Params(this);
    }
  }

  /** Returns {@code params} with the gid parameters an entity's method takes positionally added. */
  static Map<String, Object> with(Params params, String... namesAndValues) {
    Map<String, Object> merged = new LinkedHashMap<>(params.values);
    List<String> pairs = java.util.Arrays.asList(namesAndValues); // a null gid is "missing", reported by name
    for (int i = 0; i < pairs.size(); i += 2) {
      Object previous = merged.put(pairs.get(i), pairs.get(i + 1));
      if (previous != null && !previous.equals(pairs.get(i + 1))) {
        throw new InvalidParameterException(pairs.get(i), "given twice with different values");
      }
    }
    return merged;
  }
}
