package dev.asanaconnector;

import static dev.asanaconnector.ActionKind.DOWNLOAD;
import static dev.asanaconnector.ActionKind.GET;
import static dev.asanaconnector.ActionKind.LIST;
import static dev.asanaconnector.ParamType.BOOLEAN;
import static dev.asanaconnector.ParamType.BYTE_RANGE;
import static dev.asanaconnector.ParamType.DATE;
import static dev.asanaconnector.ParamType.DATE_TIME;
import static dev.asanaconnector.ParamType.DATE_TIME_OR_NOW;
import static dev.asanaconnector.ParamType.GID;
import static dev.asanaconnector.ParamType.GID_LIST;
import static dev.asanaconnector.ParamType.GID_OR_ME;
import static dev.asanaconnector.ParamType.STRING;

import dev.asanaconnector.generated.model.AttachmentCompact;
import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.generated.model.ProjectCompact;
import dev.asanaconnector.generated.model.ProjectResponse;
import dev.asanaconnector.generated.model.SectionCompact;
import dev.asanaconnector.generated.model.SectionResponse;
import dev.asanaconnector.generated.model.TagCompact;
import dev.asanaconnector.generated.model.TagResponse;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.model.TeamCompact;
import dev.asanaconnector.generated.model.TeamResponse;
import dev.asanaconnector.generated.model.UserCompact;
import dev.asanaconnector.generated.model.UserResponse;
import dev.asanaconnector.generated.model.WorkspaceCompact;
import dev.asanaconnector.generated.model.WorkspaceResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connector's entities and their actions: the reference's 22 entities with their reads, exactly as
 * the reference documents them (entity, action and parameter names, record fields), each with the route
 * of the Asana operation it sends (its records read as the generated models); then the writes and the
 * entities they bring ({@link WriteActions}).
 */
final class Catalog {
  private static final String[] TASK_LIST_FIELDS = {"gid", "resource_type", "name", "resource_subtype", "created_by"};
  private static final String[] NAMED_FIELDS = {"gid", "resource_type", "name"};

  /** Search filters besides the seed's, from Asana's documentation of workspace task search. */
  static final List<String> GID_FILTERS = List.of("assignee.any", "assignee.not", "portfolios.any",
      "projects.any", "projects.not", "projects.all", "sections.any", "sections.not", "sections.all",
      "tags.any", "tags.not", "tags.all", "teams.any", "followers.any", "followers.not", "created_by.any",
      "created_by.not", "assigned_by.any", "assigned_by.not", "liked_by.not", "commented_on_by.not");
  static final List<String> DATE_FILTERS = List.of("due_on.before", "due_on.after", "due_on", "start_on.before",
      "start_on.after", "start_on", "created_on.before", "created_on.after", "created_on", "completed_on.before",
      "completed_on.after", "completed_on", "modified_on.before", "modified_on.after", "modified_on");
  static final List<String> DATE_TIME_FILTERS = List.of("due_at.before", "due_at.after", "created_at.before",
      "created_at.after", "completed_at.before", "completed_at.after", "modified_at.before", "modified_at.after");
  static final List<String> BOOLEAN_FILTERS = List.of("completed", "is_blocking", "is_blocked", "has_attachment",
      "is_subtask");

  /** The entities: the reference's 22 in its order, then those the writes bring. */
  private static final List<String> ENTITY_NAMES = List.of("tasks", "project_tasks", "workspace_task_search",
      "projects", "task_projects", "team_projects", "workspace_projects", "workspaces", "users", "workspace_users",
      "team_users", "teams", "workspace_teams", "user_teams", "attachments", "workspace_tags", "tags",
      "project_sections", "sections", "task_subtasks", "task_dependencies", "task_dependents", "section_tasks",
      "tag_tasks", "task_stories", "task_tags", "task_followers", "workspace_memberships");

  /**
   * Each entity's actions, built when first asked for: building every action (their parameters, rules
   * and the model classes they name) for a client that uses one or two of them was a
   * tenth of a fresh JVM's time to its first page (BENCHMARKS.md, cold start).
   */
  private static final Map<String, Map<ActionKind, ActionSpec>> BUILT = new ConcurrentHashMap<>();

  private Catalog() {
  }

  /** Every entity, in the reference's order, with its actions. */
  static Map<String, Map<ActionKind, ActionSpec>> entities() {
    Map<String, Map<ActionKind, ActionSpec>> all = new LinkedHashMap<>();
    for (String entity : ENTITY_NAMES) {
      all.put(entity, actionsOf(entity));
    }
    return Collections.unmodifiableMap(all);
  }

  static boolean isEntity(String entity) {
    return ENTITY_NAMES.contains(entity);
  }

  /** The actions of {@code entity} by kind, reads first; null for an unknown entity. */
  static Map<ActionKind, ActionSpec> actionsOf(String entity) {
    Map<ActionKind, ActionSpec> actions = BUILT.get(entity);
    if (actions == null && ENTITY_NAMES.contains(entity)) {
      actions = BUILT.computeIfAbsent(entity, Catalog::build);
    }
    return actions;
  }

  static ActionSpec find(String entity, String action) {
    Map<ActionKind, ActionSpec> actions = actionsOf(entity);
    if (actions == null) {
      throw new InvalidParameterException("entity", "unknown entity '" + entity + "'; known: "
          + String.join(", ", ENTITY_NAMES));
    }
    for (ActionSpec spec : actions.values()) {
      if (spec.kind.seedName().equals(action)) {
        return spec;
      }
    }
    throw new InvalidParameterException("action", "entity '" + entity + "' has no action '" + action
        + "'; it has: " + String.join(", ", actions.values().stream().map(a -> a.kind.seedName()).toList()));
  }

  private static Map<ActionKind, ActionSpec> build(String entity) {
    Map<ActionKind, ActionSpec> actions = new LinkedHashMap<>();
    for (List<ActionSpec> group : List.of(reads(entity), WriteActions.of(entity))) {
      for (ActionSpec spec : group) {
        actions.put(spec.kind, spec);
      }
    }
    return Collections.unmodifiableMap(actions);
  }

  /** The reads of {@code entity} (none for an entity that only has writes); built on first use. */
  private static List<ActionSpec> reads(String entity) {
    return switch (entity) {
      case "tasks" -> List.of(
          ActionSpec.builder("tasks", LIST)
              .describe("Returns a paginated list of tasks. Must include either a project OR a section OR a "
                  + "workspace AND assignee parameter.")
              .paging()
              .optional("project", GID, "The project to filter tasks on")
              .optional("workspace", GID, "The workspace to filter tasks on")
              .optional("section", GID, "The section to filter tasks on")
              .optional("assignee", GID_OR_ME, "The assignee to filter tasks on")
              .optional("completed_since", DATE_TIME_OR_NOW, "Only return tasks that are either incomplete or "
                  + "that have been completed since this time")
              .optional("modified_since", DATE_TIME, "Only return tasks that have been modified since this time")
              .rule(Catalog::checkTaskListScope)
              .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
              .reads("tasks", "getTasks")
              .build(),
          ActionSpec.builder("tasks", GET)
              .describe("Get a single task by its ID")
              .required("task_gid", GID, "Task GID")
              .records(TaskResponse.class, "gid")
              .reads("tasks/{task_gid}", "getTask")
              .build());
      case "project_tasks" -> List.of(
          ActionSpec.builder("project_tasks", LIST)
              .describe("Returns all tasks in a project")
              .required("project_gid", GID, "Project GID to list tasks from")
              .paging()
              .optional("completed_since", DATE_TIME_OR_NOW, "Only return tasks that are either incomplete or "
                  + "that have been completed since this time")
              .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
              .reads("projects/{project_gid}/tasks", "getTasksForProject")
              .build());
      case "workspace_task_search" -> List.of(
          searchSpec());
      case "projects" -> List.of(
          ActionSpec.builder("projects", LIST)
              .describe("Returns a paginated list of projects")
              .paging()
              .optional("workspace", GID, "The workspace to filter projects on")
              .optional("team", GID, "The team to filter projects on")
              .optional("archived", BOOLEAN, "Filter by archived status")
              .records(ProjectCompact.class, NAMED_FIELDS)
              .reads("projects", "getProjects")
              .build(),
          ActionSpec.builder("projects", GET)
              .describe("Get a single project by its ID")
              .required("project_gid", GID, "Project GID")
              .records(ProjectResponse.class, "gid", "archived", "color", "completed", "completed_at", "created_at",
                  "current_status", "current_status_update", "custom_fields", "default_access_level", "default_view",
                  "due_on", "due_date", "followers", "members", "minimum_access_level_for_customization",
                  "minimum_access_level_for_sharing", "modified_at", "name", "notes", "owner", "permalink_url",
                  "privacy_setting", "public", "resource_type", "start_on", "team", "workspace")
              .reads("projects/{project_gid}", "getProject")
              .build());
      case "task_projects" -> List.of(
          ActionSpec.builder("task_projects", LIST)
              .describe("Returns all projects a task is in")
              .required("task_gid", GID, "Task GID to list projects from")
              .paging()
              .records(ProjectCompact.class, NAMED_FIELDS)
              .reads("tasks/{task_gid}/projects", "getProjectsForTask")
              .build());
      case "team_projects" -> List.of(
          ActionSpec.builder("team_projects", LIST)
              .describe("Returns all projects for a team")
              .required("team_gid", GID, "Team GID to list projects from")
              .paging()
              .optional("archived", BOOLEAN, "Filter by archived status")
              .records(ProjectCompact.class, NAMED_FIELDS)
              .reads("teams/{team_gid}/projects", "getProjectsForTeam")
              .build());
      case "workspace_projects" -> List.of(
          ActionSpec.builder("workspace_projects", LIST)
              .describe("Returns all projects in a workspace")
              .required("workspace_gid", GID, "Workspace GID to list projects from")
              .paging()
              .optional("archived", BOOLEAN, "Filter by archived status")
              .records(ProjectCompact.class, NAMED_FIELDS)
              .reads("workspaces/{workspace_gid}/projects", "getProjectsForWorkspace")
              .build());
      case "workspaces" -> List.of(
          ActionSpec.builder("workspaces", LIST)
              .describe("Returns a paginated list of workspaces")
              .paging()
              .records(WorkspaceCompact.class, NAMED_FIELDS)
              .reads("workspaces", "getWorkspaces")
              .build(),
          ActionSpec.builder("workspaces", GET)
              .describe("Get a single workspace by its ID")
              .required("workspace_gid", GID, "Workspace GID")
              .records(WorkspaceResponse.class, "gid", "resource_type", "name", "email_domains", "is_organization")
              .reads("workspaces/{workspace_gid}", "getWorkspace")
              .build());
      case "users" -> List.of(
          ActionSpec.builder("users", LIST)
              .describe("Returns a paginated list of users")
              .paging()
              .optional("workspace", GID, "The workspace to filter users on")
              .optional("team", GID, "The team to filter users on")
              .records(UserCompact.class, NAMED_FIELDS)
              .reads("users", "getUsers")
              .build(),
          ActionSpec.builder("users", GET)
              .describe("Get a single user by their ID")
              .required("user_gid", GID_OR_ME, "User GID (or 'me')")
              .records(UserResponse.class, "gid", "email", "name", "photo", "resource_type", "workspaces")
              .reads("users/{user_gid}", "getUser")
              .build());
      case "workspace_users" -> List.of(
          ActionSpec.builder("workspace_users", LIST)
              .describe("Returns all users in a workspace")
              .required("workspace_gid", GID, "Workspace GID to list users from")
              .paging()
              .records(UserCompact.class, NAMED_FIELDS)
              .reads("workspaces/{workspace_gid}/users", "getUsersForWorkspace")
              .build());
      case "team_users" -> List.of(
          ActionSpec.builder("team_users", LIST)
              .describe("Returns all users in a team")
              .required("team_gid", GID, "Team GID to list users from")
              .paging()
              .records(UserCompact.class, NAMED_FIELDS)
              .reads("teams/{team_gid}/users", "getUsersForTeam")
              .build());
      case "teams" -> List.of(
          ActionSpec.builder("teams", GET)
              .describe("Get a single team by its ID")
              .required("team_gid", GID, "Team GID")
              .records(TeamResponse.class, "gid", "name", "organization", "permalink_url", "resource_type")
              .reads("teams/{team_gid}", "getTeam")
              .build());
      case "workspace_teams" -> List.of(
          ActionSpec.builder("workspace_teams", LIST)
              .describe("Returns all teams in a workspace")
              .required("workspace_gid", GID, "Workspace GID to list teams from")
              .paging()
              .records(TeamCompact.class, NAMED_FIELDS)
              .reads("workspaces/{workspace_gid}/teams", "getTeamsForWorkspace")
              .build());
      case "user_teams" -> List.of(
          ActionSpec.builder("user_teams", LIST)
              .describe("Returns all teams a user is a member of")
              .required("user_gid", GID_OR_ME, "User GID to list teams from")
              .required("organization", GID, "The workspace or organization to filter teams on")
              .paging()
              .records(TeamCompact.class, NAMED_FIELDS)
              .reads("users/{user_gid}/teams", "getTeamsForUser")
              .build());
      case "attachments" -> List.of(
          ActionSpec.builder("attachments", LIST)
              .describe("Returns a list of attachments for an object (task, project, etc.)")
              .required("parent", GID, "Globally unique identifier for the object to fetch attachments for "
                  + "(e.g., a task GID)")
              .paging()
              .records(AttachmentCompact.class, "gid", "resource_type", "name", "resource_subtype")
              .reads("attachments", "getAttachmentsForObject")
              .build(),
          ActionSpec.builder("attachments", GET)
              .describe("Get details for a single attachment by its GID")
              .required("attachment_gid", GID, "Globally unique identifier for the attachment")
              .records(AttachmentResponse.class, "gid", "resource_type", "name", "resource_subtype", "created_at",
                  "download_url", "permanent_url", "host", "parent", "view_url", "size")
              .reads("attachments/{attachment_gid}", "getAttachment")
              .build(),
          ActionSpec.builder("attachments", DOWNLOAD)
              .describe("Downloads the file content of an attachment. This operation first retrieves the "
                  + "attachment metadata to get the download_url, then downloads the file from that URL.")
              .required("attachment_gid", GID, "Globally unique identifier for the attachment")
              .optional("range_header", BYTE_RANGE, "Optional Range header for partial downloads (e.g., 'bytes=0-99')")
              .reads("attachments/{attachment_gid}", "getAttachment")
              .build());
      case "workspace_tags" -> List.of(
          ActionSpec.builder("workspace_tags", LIST)
              .describe("Returns all tags in a workspace")
              .required("workspace_gid", GID, "Workspace GID to list tags from")
              .paging()
              .records(TagCompact.class, NAMED_FIELDS)
              .reads("workspaces/{workspace_gid}/tags", "getTagsForWorkspace")
              .build());
      case "tags" -> List.of(
          ActionSpec.builder("tags", GET)
              .describe("Get a single tag by its ID")
              .required("tag_gid", GID, "Tag GID")
              .records(TagResponse.class, "gid", "resource_type", "name", "color", "created_at", "followers", "notes",
                  "permalink_url", "workspace")
              .reads("tags/{tag_gid}", "getTag")
              .build());
      case "project_sections" -> List.of(
          ActionSpec.builder("project_sections", LIST)
              .describe("Returns all sections in a project")
              .required("project_gid", GID, "Project GID to list sections from")
              .paging()
              .records(SectionCompact.class, NAMED_FIELDS)
              .reads("projects/{project_gid}/sections", "getSectionsForProject")
              .build());
      case "sections" -> List.of(
          ActionSpec.builder("sections", GET)
              .describe("Get a single section by its ID")
              .required("section_gid", GID, "Section GID")
              .records(SectionResponse.class, "gid", "resource_type", "name", "created_at", "project")
              .reads("sections/{section_gid}", "getSection")
              .build());
      case "task_subtasks" -> List.of(
          ActionSpec.builder("task_subtasks", LIST)
              .describe("Returns all subtasks of a task")
              .required("task_gid", GID, "Task GID to list subtasks from")
              .paging()
              .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
              .reads("tasks/{task_gid}/subtasks", "getSubtasksForTask")
              .build());
      case "task_dependencies" -> List.of(
          ActionSpec.builder("task_dependencies", LIST)
              .describe("Returns all tasks that this task depends on")
              .required("task_gid", GID, "Task GID to list dependencies from")
              .paging()
              .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
              .reads("tasks/{task_gid}/dependencies", "getDependenciesForTask")
              .build());
      case "task_dependents" -> List.of(
          ActionSpec.builder("task_dependents", LIST)
              .describe("Returns all tasks that depend on this task")
              .required("task_gid", GID, "Task GID to list dependents from")
              .paging()
              .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
              .reads("tasks/{task_gid}/dependents", "getDependentsForTask")
              .build());
      default -> List.of();
    };
  }

  private static void checkTaskListScope(Map<String, Object> values) {
    if (values.containsKey("workspace") != values.containsKey("assignee")) {
      String missing = values.containsKey("workspace") ? "assignee" : "workspace";
      throw new InvalidParameterException(missing, "workspace and assignee must be given together");
    }
    boolean scoped = values.containsKey("project") || values.containsKey("section")
        || (values.containsKey("workspace") && values.containsKey("assignee"));
    if (!scoped) {
      throw new InvalidParameterException("project", "tasks list needs a project, a section, or a workspace "
          + "together with an assignee");
    }
  }

  private static ActionSpec searchSpec() {
    ActionSpec.Builder builder = ActionSpec.builder("workspace_task_search", LIST)
        .describe("Returns tasks that match the specified search criteria. Note - This endpoint requires a "
            + "premium Asana account. At least one search parameter must be provided. Asana returns at most "
            + "100 results per call and does not page search results with offsets.")
        .required("workspace_gid", GID, "Workspace GID to search tasks in")
        .paging()
        .optional("text", STRING, "Search text to filter tasks")
        .oneOf("resource_subtype", "Filter by task resource subtype", TaskSearch.RESOURCE_SUBTYPES.toArray(String[]::new))
        .oneOf("sort_by", "Field to sort by (Asana's default: modified_at)", TaskSearch.SORT_FIELDS.toArray(String[]::new))
        .optional("sort_ascending", BOOLEAN, "Sort order (true for ascending, false for descending)");
    for (String name : BOOLEAN_FILTERS) {
      builder.optional(name, BOOLEAN, "Filter by " + name.replace('_', ' '));
    }
    for (String name : GID_FILTERS) {
      builder.optional(name, GID_LIST, "Comma-separated list of " + name.substring(0, name.indexOf('.'))
          .replace('_', ' ') + " GIDs (" + name.substring(name.indexOf('.') + 1) + ")");
    }
    for (String name : DATE_TIME_FILTERS) {
      builder.optional(name, DATE_TIME, "Filter tasks by " + name.replace('.', ' ') + " this time (ISO 8601)");
    }
    for (String name : DATE_FILTERS) {
      builder.optional(name, DATE, "Filter tasks by " + name.replace('.', ' ') + " this date (ISO 8601 date)");
    }
    return builder
        .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
        .rule(TaskSearch::checkHasFilter)
        .reads("workspaces/{workspace_gid}/tasks/search", "searchTasksForWorkspace")
        .build();
  }
}
