package dev.asanaconnector.kafka;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of records the connector follows, each with the container it is read from (a project or a
 * workspace), how it is listed and the fields asked for, so that a snapshot record and a record read
 * after an event look the same.
 */
public enum AsanaStream {
  /** A project's tasks: snapshot by {@code GET /tasks?project=}, then the project's events. */
  TASKS("task", Scope.PROJECT, "name", "resource_subtype", "completed", "completed_at", "assignee", "due_on",
      "due_at", "start_on", "notes", "created_at", "modified_at", "parent", "projects", "tags", "workspace",
      "permalink_url"),
  /** A project's sections: snapshot by {@code GET /projects/{gid}/sections}, then the project's events. */
  SECTIONS("section", Scope.PROJECT, "name", "created_at", "project"),
  /** The stories (comments and activity) of a project's tasks: one listing per task, then the project's events. */
  STORIES("story", Scope.PROJECT, "created_at", "created_by", "resource_subtype", "text", "type", "target"),
  /** A workspace's projects, listed again every {@code workspace.refresh.interval.ms}. */
  PROJECTS("project", Scope.WORKSPACE, "name", "archived", "color", "created_at", "modified_at", "owner", "team",
      "workspace", "notes", "permalink_url"),
  /** A workspace's tags, listed again every {@code workspace.refresh.interval.ms}. */
  TAGS("tag", Scope.WORKSPACE, "name", "color", "created_at", "notes", "workspace"),
  /** A workspace's users, listed again every {@code workspace.refresh.interval.ms}. */
  USERS("user", Scope.WORKSPACE, "name", "email");

  /** Where a stream's records live, and so what a source partition's {@code resource} is. */
  public enum Scope {
    /** Followed through the project's event stream (sync tokens). */
    PROJECT,
    /** Asana has no event stream for a workspace: listed again at an interval. */
    WORKSPACE
  }

  private final String resourceType;
  private final Scope scope;
  private final List<String> fields;

  AsanaStream(String resourceType, Scope scope, String... fields) {
    this.resourceType = resourceType;
    this.scope = scope;
    this.fields = List.of(fields);
  }

  /** The name used in configuration, source partitions and topic names: {@code tasks}, {@code projects}... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Asana's {@code resource_type} of the stream's records ({@code task}, {@code section}...). */
  public String resourceType() {
    return resourceType;
  }

  /** Whether the stream is read per project or per workspace. */
  public Scope scope() {
    return scope;
  }

  /** The {@code opt_fields} asked for every record of the stream. */
  public List<String> fields() {
    return fields;
  }

  /** The stream named {@code name} in configuration, if there is one. */
  public static Optional<AsanaStream> byConfigName(String name) {
    return Arrays.stream(values()).filter(s -> s.configName().equals(name)).findFirst();
  }
}
