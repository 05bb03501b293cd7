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

import dev.asanaconnector.generated.api.AttachmentsApi;
import dev.asanaconnector.generated.api.ProjectsApi;
import dev.asanaconnector.generated.api.SectionsApi;
import dev.asanaconnector.generated.api.TagsApi;
import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.api.TeamsApi;
import dev.asanaconnector.generated.api.UsersApi;
import dev.asanaconnector.generated.api.WorkspacesApi;
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

/**
 * The connector's entities and their actions: the reference's 22 entities with their reads, exactly as
 * the reference documents them (entity, action and parameter names, record fields), each mapped to the
 * generated operation it calls; then the writes and the entities they bring ({@link WriteActions}).
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

  private static final Map<String, Map<ActionKind, ActionSpec>> ENTITIES = build();

  private Catalog() {
  }

  /** Every entity, in the reference's order, with its actions. */
  static Map<String, Map<ActionKind, ActionSpec>> entities() {
    return ENTITIES;
  }

  static ActionSpec find(String entity, String action) {
    Map<ActionKind, ActionSpec> actions = ENTITIES.get(entity);
    if (actions == null) {
      throw new InvalidParameterException("entity", "unknown entity '" + entity + "'; known: "
          + String.join(", ", ENTITIES.keySet()));
    }
    for (ActionSpec spec : actions.values()) {
      if (spec.kind.seedName().equals(action)) {
        return spec;
      }
    }
    throw new InvalidParameterException("action", "entity '" + entity + "' has no action '" + action
        + "'; it has: " + String.join(", ", actions.values().stream().map(a -> a.kind.seedName()).toList()));
  }

  @SuppressWarnings("deprecation") // The reference maps team_projects to Asana's deprecated getProjectsForTeam.
  private static Map<String, Map<ActionKind, ActionSpec>> build() {
    Map<String, Map<ActionKind, ActionSpec>> all = new LinkedHashMap<>();
    List<ActionSpec> specs = List.of(
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
            .calls("getTasks", (apis, a) -> {
              boolean now = "now".equals(a.raw("completed_since"));
              if (now) {
                a.addQuery("completed_since", "now");
              }
              return apis.get(TasksApi.class).getTasks(null, a.integer("limit"), a.string("offset"),
                  a.string("assignee"), a.string("project"), a.string("section"), a.string("workspace"),
                  now || a.raw("completed_since") == null ? null
                      : java.time.OffsetDateTime.parse(a.string("completed_since")),
                  a.dateTime("modified_since"), a.optFields());
            })
            .build(),
        ActionSpec.builder("tasks", GET)
            .describe("Get a single task by its ID")
            .required("task_gid", GID, "Task GID")
            .records(TaskResponse.class, "gid")
            .calls("getTask", (apis, a) -> apis.get(TasksApi.class).getTask(a.string("task_gid"), null,
                a.optFields()))
            .build(),
        ActionSpec.builder("project_tasks", LIST)
            .describe("Returns all tasks in a project")
            .required("project_gid", GID, "Project GID to list tasks from")
            .paging()
            .optional("completed_since", DATE_TIME_OR_NOW, "Only return tasks that are either incomplete or "
                + "that have been completed since this time")
            .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
            .calls("getTasksForProject", (apis, a) -> apis.get(TasksApi.class).getTasksForProject(
                a.string("project_gid"), a.string("completed_since"), null, a.integer("limit"),
                a.string("offset"), a.optFields()))
            .build(),
        searchSpec(),
        ActionSpec.builder("projects", LIST)
            .describe("Returns a paginated list of projects")
            .paging()
            .optional("workspace", GID, "The workspace to filter projects on")
            .optional("team", GID, "The team to filter projects on")
            .optional("archived", BOOLEAN, "Filter by archived status")
            .records(ProjectCompact.class, NAMED_FIELDS)
            .calls("getProjects", (apis, a) -> apis.get(ProjectsApi.class).getProjects(null, a.integer("limit"),
                a.string("offset"), a.string("workspace"), a.string("team"), a.bool("archived"), a.optFields()))
            .build(),
        ActionSpec.builder("projects", GET)
            .describe("Get a single project by its ID")
            .required("project_gid", GID, "Project GID")
            .records(ProjectResponse.class, "gid", "archived", "color", "completed", "completed_at", "created_at",
                "current_status", "current_status_update", "custom_fields", "default_access_level", "default_view",
                "due_on", "due_date", "followers", "members", "minimum_access_level_for_customization",
                "minimum_access_level_for_sharing", "modified_at", "name", "notes", "owner", "permalink_url",
                "privacy_setting", "public", "resource_type", "start_on", "team", "workspace")
            .calls("getProject", (apis, a) -> apis.get(ProjectsApi.class).getProject(a.string("project_gid"), null,
                a.optFields()))
            .build(),
        ActionSpec.builder("task_projects", LIST)
            .describe("Returns all projects a task is in")
            .required("task_gid", GID, "Task GID to list projects from")
            .paging()
            .records(ProjectCompact.class, NAMED_FIELDS)
            .calls("getProjectsForTask", (apis, a) -> apis.get(ProjectsApi.class).getProjectsForTask(
                a.string("task_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("team_projects", LIST)
            .describe("Returns all projects for a team")
            .required("team_gid", GID, "Team GID to list projects from")
            .paging()
            .optional("archived", BOOLEAN, "Filter by archived status")
            .records(ProjectCompact.class, NAMED_FIELDS)
            .calls("getProjectsForTeam", (apis, a) -> apis.get(ProjectsApi.class).getProjectsForTeam(
                a.string("team_gid"), null, a.integer("limit"), a.string("offset"), a.bool("archived"),
                a.optFields()))
            .build(),
        ActionSpec.builder("workspace_projects", LIST)
            .describe("Returns all projects in a workspace")
            .required("workspace_gid", GID, "Workspace GID to list projects from")
            .paging()
            .optional("archived", BOOLEAN, "Filter by archived status")
            .records(ProjectCompact.class, NAMED_FIELDS)
            .calls("getProjectsForWorkspace", (apis, a) -> apis.get(ProjectsApi.class).getProjectsForWorkspace(
                a.string("workspace_gid"), null, a.integer("limit"), a.string("offset"), a.bool("archived"),
                a.optFields()))
            .build(),
        ActionSpec.builder("workspaces", LIST)
            .describe("Returns a paginated list of workspaces")
            .paging()
            .records(WorkspaceCompact.class, NAMED_FIELDS)
            .calls("getWorkspaces", (apis, a) -> apis.get(WorkspacesApi.class).getWorkspaces(null,
                a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("workspaces", GET)
            .describe("Get a single workspace by its ID")
            .required("workspace_gid", GID, "Workspace GID")
            .records(WorkspaceResponse.class, "gid", "resource_type", "name", "email_domains", "is_organization")
            .calls("getWorkspace", (apis, a) -> apis.get(WorkspacesApi.class).getWorkspace(
                a.string("workspace_gid"), null, a.optFields()))
            .build(),
        ActionSpec.builder("users", LIST)
            .describe("Returns a paginated list of users")
            .paging()
            .optional("workspace", GID, "The workspace to filter users on")
            .optional("team", GID, "The team to filter users on")
            .records(UserCompact.class, NAMED_FIELDS)
            .calls("getUsers", (apis, a) -> apis.get(UsersApi.class).getUsers(a.string("workspace"),
                a.string("team"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("users", GET)
            .describe("Get a single user by their ID")
            .required("user_gid", GID_OR_ME, "User GID (or 'me')")
            .records(UserResponse.class, "gid", "email", "name", "photo", "resource_type", "workspaces")
            .calls("getUser", (apis, a) -> apis.get(UsersApi.class).getUser(a.string("user_gid"), null, null,
                a.optFields()))
            .build(),
        ActionSpec.builder("workspace_users", LIST)
            .describe("Returns all users in a workspace")
            .required("workspace_gid", GID, "Workspace GID to list users from")
            .paging()
            .records(UserCompact.class, NAMED_FIELDS)
            .calls("getUsersForWorkspace", (apis, a) -> {
              // The spec declares no limit here, but Asana pages this list like the others.
              a.passThrough("limit");
              return apis.get(UsersApi.class).getUsersForWorkspace(a.string("workspace_gid"), null,
                  a.string("offset"), a.optFields());
            })
            .build(),
        ActionSpec.builder("team_users", LIST)
            .describe("Returns all users in a team")
            .required("team_gid", GID, "Team GID to list users from")
            .paging()
            .records(UserCompact.class, NAMED_FIELDS)
            .calls("getUsersForTeam", (apis, a) -> {
              a.passThrough("limit");
              return apis.get(UsersApi.class).getUsersForTeam(a.string("team_gid"), null, a.string("offset"),
                  a.optFields());
            })
            .build(),
        ActionSpec.builder("teams", GET)
            .describe("Get a single team by its ID")
            .required("team_gid", GID, "Team GID")
            .records(TeamResponse.class, "gid", "name", "organization", "permalink_url", "resource_type")
            .calls("getTeam", (apis, a) -> apis.get(TeamsApi.class).getTeam(a.string("team_gid"), null,
                a.optFields()))
            .build(),
        ActionSpec.builder("workspace_teams", LIST)
            .describe("Returns all teams in a workspace")
            .required("workspace_gid", GID, "Workspace GID to list teams from")
            .paging()
            .records(TeamCompact.class, NAMED_FIELDS)
            .calls("getTeamsForWorkspace", (apis, a) -> apis.get(TeamsApi.class).getTeamsForWorkspace(
                a.string("workspace_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("user_teams", LIST)
            .describe("Returns all teams a user is a member of")
            .required("user_gid", GID_OR_ME, "User GID to list teams from")
            .required("organization", GID, "The workspace or organization to filter teams on")
            .paging()
            .records(TeamCompact.class, NAMED_FIELDS)
            .calls("getTeamsForUser", (apis, a) -> apis.get(TeamsApi.class).getTeamsForUser(a.string("user_gid"),
                a.string("organization"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("attachments", LIST)
            .describe("Returns a list of attachments for an object (task, project, etc.)")
            .required("parent", GID, "Globally unique identifier for the object to fetch attachments for "
                + "(e.g., a task GID)")
            .paging()
            .records(AttachmentCompact.class, "gid", "resource_type", "name", "resource_subtype")
            .calls("getAttachmentsForObject", (apis, a) -> apis.get(AttachmentsApi.class).getAttachmentsForObject(
                a.string("parent"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("attachments", GET)
            .describe("Get details for a single attachment by its GID")
            .required("attachment_gid", GID, "Globally unique identifier for the attachment")
            .records(AttachmentResponse.class, "gid", "resource_type", "name", "resource_subtype", "created_at",
                "download_url", "permanent_url", "host", "parent", "view_url", "size")
            .calls("getAttachment", Catalog::getAttachment)
            .build(),
        ActionSpec.builder("attachments", DOWNLOAD)
            .describe("Downloads the file content of an attachment. This operation first retrieves the "
                + "attachment metadata to get the download_url, then downloads the file from that URL.")
            .required("attachment_gid", GID, "Globally unique identifier for the attachment")
            .optional("range_header", BYTE_RANGE, "Optional Range header for partial downloads (e.g., 'bytes=0-99')")
            .calls("getAttachment", Catalog::getAttachment)
            .build(),
        ActionSpec.builder("workspace_tags", LIST)
            .describe("Returns all tags in a workspace")
            .required("workspace_gid", GID, "Workspace GID to list tags from")
            .paging()
            .records(TagCompact.class, NAMED_FIELDS)
            .calls("getTagsForWorkspace", (apis, a) -> apis.get(TagsApi.class).getTagsForWorkspace(
                a.string("workspace_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("tags", GET)
            .describe("Get a single tag by its ID")
            .required("tag_gid", GID, "Tag GID")
            .records(TagResponse.class, "gid", "resource_type", "name", "color", "created_at", "followers", "notes",
                "permalink_url", "workspace")
            .calls("getTag", (apis, a) -> apis.get(TagsApi.class).getTag(a.string("tag_gid"), null, a.optFields()))
            .build(),
        ActionSpec.builder("project_sections", LIST)
            .describe("Returns all sections in a project")
            .required("project_gid", GID, "Project GID to list sections from")
            .paging()
            .records(SectionCompact.class, NAMED_FIELDS)
            .calls("getSectionsForProject", (apis, a) -> apis.get(SectionsApi.class).getSectionsForProject(
                a.string("project_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("sections", GET)
            .describe("Get a single section by its ID")
            .required("section_gid", GID, "Section GID")
            .records(SectionResponse.class, "gid", "resource_type", "name", "created_at", "project")
            .calls("getSection", (apis, a) -> apis.get(SectionsApi.class).getSection(a.string("section_gid"), null,
                a.optFields()))
            .build(),
        ActionSpec.builder("task_subtasks", LIST)
            .describe("Returns all subtasks of a task")
            .required("task_gid", GID, "Task GID to list subtasks from")
            .paging()
            .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
            .calls("getSubtasksForTask", (apis, a) -> apis.get(TasksApi.class).getSubtasksForTask(
                a.string("task_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("task_dependencies", LIST)
            .describe("Returns all tasks that this task depends on")
            .required("task_gid", GID, "Task GID to list dependencies from")
            .paging()
            .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
            .calls("getDependenciesForTask", (apis, a) -> apis.get(TasksApi.class).getDependenciesForTask(
                a.string("task_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build(),
        ActionSpec.builder("task_dependents", LIST)
            .describe("Returns all tasks that depend on this task")
            .required("task_gid", GID, "Task GID to list dependents from")
            .paging()
            .records(TaskCompact.class, TASK_LIST_FIELDS).requestRecordFields()
            .calls("getDependentsForTask", (apis, a) -> apis.get(TasksApi.class).getDependentsForTask(
                a.string("task_gid"), null, a.integer("limit"), a.string("offset"), a.optFields()))
            .build());
    for (List<ActionSpec> group : List.of(specs, WriteActions.all())) {
      for (ActionSpec spec : group) {
        all.computeIfAbsent(spec.entity, e -> new LinkedHashMap<>()).put(spec.kind, spec);
      }
    }
    all.replaceAll((entity, actions) -> Collections.unmodifiableMap(actions));
    return Collections.unmodifiableMap(all);
  }

  private static retrofit2.Call<?> getAttachment(GeneratedApis apis, ActionArgs a) {
    return apis.get(AttachmentsApi.class).getAttachment(a.string("attachment_gid"), null, a.optFields());
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
        .calls("searchTasksForWorkspace", TaskSearch::call)
        .build();
  }
}
