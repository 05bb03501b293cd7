package dev.asanaconnector;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Filters for workspace task search ({@code GET /workspaces/{workspace_gid}/tasks/search}), typed:
 * gid lists, dates, date-times and booleans. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * TaskSearch search = TaskSearch.builder()
 *     .text("launch")
 *     .completed(false)
 *     .assigneeAny("1204", "1205")
 *     .dueOnBefore(LocalDate.of(2026, 3, 1))
 *     .build();
 * }</pre>
 *
 * <p>At least one filter besides sorting is required. Defaults the spec declares (a
 * {@code resource_subtype} of {@code milestone}) are never sent unless set here.
 */
public final class TaskSearch {
  static final Pattern CUSTOM_FIELD_FILTER =
      Pattern.compile("custom_fields\\.[0-9]+\\.(is_set|value|starts_with|ends_with|contains|less_than|greater_than)");
  /** Asana's values for {@code sort_by}. */
  static final List<String> SORT_FIELDS = List.of("due_date", "created_at", "completed_at", "likes", "modified_at");
  /** Asana's values for {@code resource_subtype}. */
  static final List<String> RESOURCE_SUBTYPES = List.of("default_task", "milestone", "approval");
  private static final List<String> NOT_FILTERS = List.of("limit", "offset", "sort_by", "sort_ascending",
      "workspace_gid", "opt_fields", "asana_enable", "asana_disable");

  private final Map<String, Object> params;

  private TaskSearch(Map<String, Object> params) {
    this.params = Map.copyOf(params);
  }

  /** A builder with no filters set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The filters under Asana's parameter names (e.g. {@code assignee.any}). */
  public Map<String, Object> toParams() {
    return params;
  }

  @Override
  public String toString() {
    return "TaskSearch" + new java.util.TreeMap<>(params);
  }

  static void checkHasFilter(Map<String, Object> values) {
    boolean filtered = values.keySet().stream().anyMatch(name -> !NOT_FILTERS.contains(name));
    if (!filtered) {
      throw new InvalidParameterException("workspace_task_search", "needs at least one search filter besides "
          + "sorting (e.g. text, completed, assignee.any, projects.any)");
    }
  }

  /** Builds a {@link TaskSearch}; each setter replaces an earlier value of the same filter. */
  public static final class Builder {
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Builder set(String name, Object value) {
      if (value == null) {
        params.remove(name);
      } else {
        params.put(name, value);
      }
      return this;
    }

    private Builder gids(String name, Collection<String> gids) {
      return set(name, gids == null || gids.isEmpty() ? null : String.join(",", gids));
    }

    /** Full-text search in task names and descriptions ({@code text}). */
    public Builder text(String text) {
      return set("text", text);
    }

    /** {@code default_task}, {@code milestone} or {@code approval}; another value fails when the search runs. */
    public Builder resourceSubtype(String subtype) {
      return set("resource_subtype", subtype);
    }

    /** Tasks for which {@code completed} is this value; {@code null} unsets it. */
    public Builder completed(Boolean completed) {
      return set("completed", completed);
    }

    /** Tasks for which {@code is_blocked} is this value; {@code null} unsets it. */
    public Builder isBlocked(Boolean blocked) {
      return set("is_blocked", blocked);
    }

    /** Tasks for which {@code is_blocking} is this value; {@code null} unsets it. */
    public Builder isBlocking(Boolean blocking) {
      return set("is_blocking", blocking);
    }

    /** Tasks for which {@code is_subtask} is this value; {@code null} unsets it. */
    public Builder isSubtask(Boolean subtask) {
      return set("is_subtask", subtask);
    }

    /** Tasks for which {@code has_attachment} is this value; {@code null} unsets it. */
    public Builder hasAttachment(Boolean hasAttachment) {
      return set("has_attachment", hasAttachment);
    }

    /** Tasks whose assignee is any of these users (gids, {@code assignee.any}). */
    public Builder assigneeAny(String... gids) {
      return gids("assignee.any", List.of(gids));
    }

    /** Tasks whose assignee is none of these users (gids, {@code assignee.not}). */
    public Builder assigneeNot(String... gids) {
      return gids("assignee.not", List.of(gids));
    }

    /** Tasks in any of these projects (gids, {@code projects.any}). */
    public Builder projectsAny(String... gids) {
      return gids("projects.any", List.of(gids));
    }

    /** Tasks in none of these projects (gids, {@code projects.not}). */
    public Builder projectsNot(String... gids) {
      return gids("projects.not", List.of(gids));
    }

    /** Tasks in all of these projects (gids, {@code projects.all}). */
    public Builder projectsAll(String... gids) {
      return gids("projects.all", List.of(gids));
    }

    /** Tasks in any of these sections (gids, {@code sections.any}). */
    public Builder sectionsAny(String... gids) {
      return gids("sections.any", List.of(gids));
    }

    /** Tasks in none of these sections (gids, {@code sections.not}). */
    public Builder sectionsNot(String... gids) {
      return gids("sections.not", List.of(gids));
    }

    /** Tasks in all of these sections (gids, {@code sections.all}). */
    public Builder sectionsAll(String... gids) {
      return gids("sections.all", List.of(gids));
    }

    /** Tasks with any of these tags (gids, {@code tags.any}). */
    public Builder tagsAny(String... gids) {
      return gids("tags.any", List.of(gids));
    }

    /** Tasks with none of these tags (gids, {@code tags.not}). */
    public Builder tagsNot(String... gids) {
      return gids("tags.not", List.of(gids));
    }

    /** Tasks with all of these tags (gids, {@code tags.all}). */
    public Builder tagsAll(String... gids) {
      return gids("tags.all", List.of(gids));
    }

    /** Tasks in any of these teams (gids, {@code teams.any}). */
    public Builder teamsAny(String... gids) {
      return gids("teams.any", List.of(gids));
    }

    /** Tasks in any of these portfolios (gids, {@code portfolios.any}). */
    public Builder portfoliosAny(String... gids) {
      return gids("portfolios.any", List.of(gids));
    }

    /** Tasks followed by any of these users (gids, {@code followers.any}). */
    public Builder followersAny(String... gids) {
      return gids("followers.any", List.of(gids));
    }

    /** Tasks followed by none of these users (gids, {@code followers.not}). */
    public Builder followersNot(String... gids) {
      return gids("followers.not", List.of(gids));
    }

    /** Tasks created by any of these users (gids, {@code created_by.any}). */
    public Builder createdByAny(String... gids) {
      return gids("created_by.any", List.of(gids));
    }

    /** Tasks created by none of these users (gids, {@code created_by.not}). */
    public Builder createdByNot(String... gids) {
      return gids("created_by.not", List.of(gids));
    }

    /** Tasks assigned by any of these users (gids, {@code assigned_by.any}). */
    public Builder assignedByAny(String... gids) {
      return gids("assigned_by.any", List.of(gids));
    }

    /** Tasks assigned by none of these users (gids, {@code assigned_by.not}). */
    public Builder assignedByNot(String... gids) {
      return gids("assigned_by.not", List.of(gids));
    }

    /** Tasks liked by none of these users (gids, {@code liked_by.not}). */
    public Builder likedByNot(String... gids) {
      return gids("liked_by.not", List.of(gids));
    }

    /** Tasks commented on by none of these users (gids, {@code commented_on_by.not}). */
    public Builder commentedOnByNot(String... gids) {
      return gids("commented_on_by.not", List.of(gids));
    }

    /** Tasks created after this time ({@code created_at.after}). */
    public Builder createdAtAfter(OffsetDateTime time) {
      return set("created_at.after", time);
    }

    /** Tasks created before this time ({@code created_at.before}). */
    public Builder createdAtBefore(OffsetDateTime time) {
      return set("created_at.before", time);
    }

    /** Tasks modified after this time ({@code modified_at.after}). */
    public Builder modifiedAtAfter(OffsetDateTime time) {
      return set("modified_at.after", time);
    }

    /** Tasks modified before this time ({@code modified_at.before}). */
    public Builder modifiedAtBefore(OffsetDateTime time) {
      return set("modified_at.before", time);
    }

    /** Tasks completed after this time ({@code completed_at.after}). */
    public Builder completedAtAfter(OffsetDateTime time) {
      return set("completed_at.after", time);
    }

    /** Tasks completed before this time ({@code completed_at.before}). */
    public Builder completedAtBefore(OffsetDateTime time) {
      return set("completed_at.before", time);
    }

    /** Tasks due after this time ({@code due_at.after}). */
    public Builder dueAtAfter(OffsetDateTime time) {
      return set("due_at.after", time);
    }

    /** Tasks due before this time ({@code due_at.before}). */
    public Builder dueAtBefore(OffsetDateTime time) {
      return set("due_at.before", time);
    }

    /** Tasks due on this day ({@code due_on}). */
    public Builder dueOn(LocalDate date) {
      return set("due_on", date);
    }

    /** Tasks due after this day ({@code due_on.after}). */
    public Builder dueOnAfter(LocalDate date) {
      return set("due_on.after", date);
    }

    /** Tasks due before this day ({@code due_on.before}). */
    public Builder dueOnBefore(LocalDate date) {
      return set("due_on.before", date);
    }

    /** Tasks starting on this day ({@code start_on}). */
    public Builder startOn(LocalDate date) {
      return set("start_on", date);
    }

    /** Tasks starting after this day ({@code start_on.after}). */
    public Builder startOnAfter(LocalDate date) {
      return set("start_on.after", date);
    }

    /** Tasks starting before this day ({@code start_on.before}). */
    public Builder startOnBefore(LocalDate date) {
      return set("start_on.before", date);
    }

    /** Tasks created on this day ({@code created_on}). */
    public Builder createdOn(LocalDate date) {
      return set("created_on", date);
    }

    /** Tasks created after this day ({@code created_on.after}). */
    public Builder createdOnAfter(LocalDate date) {
      return set("created_on.after", date);
    }

    /** Tasks created before this day ({@code created_on.before}). */
    public Builder createdOnBefore(LocalDate date) {
      return set("created_on.before", date);
    }

    /** Tasks completed on this day ({@code completed_on}). */
    public Builder completedOn(LocalDate date) {
      return set("completed_on", date);
    }

    /** Tasks completed after this day ({@code completed_on.after}). */
    public Builder completedOnAfter(LocalDate date) {
      return set("completed_on.after", date);
    }

    /** Tasks completed before this day ({@code completed_on.before}). */
    public Builder completedOnBefore(LocalDate date) {
      return set("completed_on.before", date);
    }

    /** Tasks modified on this day ({@code modified_on}). */
    public Builder modifiedOn(LocalDate date) {
      return set("modified_on", date);
    }

    /** Tasks modified after this day ({@code modified_on.after}). */
    public Builder modifiedOnAfter(LocalDate date) {
      return set("modified_on.after", date);
    }

    /** Tasks modified before this day ({@code modified_on.before}). */
    public Builder modifiedOnBefore(LocalDate date) {
      return set("modified_on.before", date);
    }

    /**
     * A custom field filter, e.g. {@code customField("1201", "value", "42")} sends
     * {@code custom_fields.1201.value=42}. Operators: is_set, value, starts_with, ends_with, contains,
     * less_than, greater_than.
     */
    public Builder customField(String fieldGid, String operator, String value) {
      String name = "custom_fields." + fieldGid + "." + operator;
      if (!CUSTOM_FIELD_FILTER.matcher(name).matches()) {
        throw new InvalidParameterException(name, "not a custom field filter (custom_fields.{gid}.{is_set|value|"
            + "starts_with|ends_with|contains|less_than|greater_than})");
      }
      return set(name, value);
    }

    /**
     * Sort field: {@code due_date}, {@code created_at}, {@code completed_at}, {@code likes} or
     * {@code modified_at} (Asana's default); another value fails when the search runs.
     */
    public Builder sortBy(String field) {
      return set("sort_by", field);
    }

    /** Sort order: ascending if true (Asana's default: descending). */
    public Builder sortAscending(Boolean ascending) {
      return set("sort_ascending", ascending);
    }

    /** The search; its values are validated when it runs, before any request. */
    public TaskSearch build() {
      return new TaskSearch(params);
    }
  }
}
