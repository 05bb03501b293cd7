package dev.asanaconnector;

import static dev.asanaconnector.ActionKind.CREATE;
import static dev.asanaconnector.ActionKind.DELETE;
import static dev.asanaconnector.ActionKind.LIST;
import static dev.asanaconnector.ActionKind.UPDATE;
import static dev.asanaconnector.ParamType.BOOLEAN;
import static dev.asanaconnector.ParamType.DATE;
import static dev.asanaconnector.ParamType.DATE_TIME;
import static dev.asanaconnector.ParamType.DATE_TIME_OR_NOW;
import static dev.asanaconnector.ParamType.FILE;
import static dev.asanaconnector.ParamType.GID;
import static dev.asanaconnector.ParamType.GID_LIST;
import static dev.asanaconnector.ParamType.GID_OR_ME;
import static dev.asanaconnector.ParamType.STRING;
import static dev.asanaconnector.ParamType.URL;
import static dev.asanaconnector.ParamType.USER_REF;

import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.generated.model.ProjectResponse;
import dev.asanaconnector.generated.model.SectionResponse;
import dev.asanaconnector.generated.model.StoryCompact;
import dev.asanaconnector.generated.model.StoryResponse;
import dev.asanaconnector.generated.model.TagResponse;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import java.util.List;
import java.util.Map;

/**
 * The write actions (the first 17 under Airbyte's names and parameters, then the connector's own), and
 * the lists that come with them ({@code section_tasks}, {@code tag_tasks}, {@code task_stories}). Body
 * fields are plain parameters; each write names Asana's operation, method and path, from Asana's spec.
 */
final class WriteActions {
  static final List<String> COLORS = List.of("dark-pink", "dark-green", "dark-blue", "dark-red", "dark-teal",
      "dark-brown", "dark-orange", "dark-purple", "dark-warm-gray", "light-pink", "light-green", "light-blue",
      "light-red", "light-teal", "light-brown", "light-orange", "light-purple", "light-warm-gray");
  private static final String[] PROJECT_COLORS = withNone(COLORS);
  private static final String[] TAG_COLORS = COLORS.toArray(new String[0]);
  private static final String[] TASK_SUBTYPES = {"default_task", "milestone", "approval"};

  private WriteActions() {
  }

  private static String[] withNone(List<String> colors) {
    String[] all = colors.toArray(new String[colors.size() + 1]);
    all[colors.size()] = "none";
    return all;
  }

  /** The writes of {@code entity} and the reads that came with them (none for a read-only entity). */
  static List<ActionSpec> of(String entity) {
    return switch (entity) {
      case "tasks" -> List.of(
          taskFields(ActionSpec.builder("tasks", CREATE)
              .describe("Creates a task in a workspace, optionally in projects, under a parent task, with tags "
                  + "and followers. Returns the new task.")
              .sends("POST", "tasks", "createTask")
              .required("workspace", GID, "The workspace to create the task in")
              .required("name", STRING, "The task's name"), true)
              .records(TaskResponse.class)
              .build(),
          taskFields(ActionSpec.builder("tasks", UPDATE)
              .describe("Updates a task's fields; a field left out is unchanged, a field set to null is "
                  + "cleared. Returns the updated task.")
              .sends("PUT", "tasks/{task_gid}", "updateTask")
              .optional("name", STRING, "The task's name"), false)
              .records(TaskResponse.class)
              .build(),
          ActionSpec.builder("tasks", DELETE)
              .describe("Deletes a task (it goes to the trash, where it can be recovered for 30 days).")
              .sends("DELETE", "tasks/{task_gid}", "deleteTask").destructive()
              .build());
      case "task_subtasks" -> List.of(
          taskFields(ActionSpec.builder("task_subtasks", CREATE)
              .describe("Creates a subtask of a task. Returns the new task.")
              .sends("POST", "tasks/{task_gid}/subtasks", "createSubtaskForTask")
              .required("name", STRING, "The subtask's name"), true)
              .records(TaskResponse.class)
              .build());
      case "projects" -> List.of(
          projectFields(ActionSpec.builder("projects", CREATE)
              .describe("Creates a project in a workspace (in an organization, a team is required). Returns the "
                  + "new project.")
              .sends("POST", "projects", "createProject")
              .required("workspace", GID, "The workspace to create the project in")
              .required("name", STRING, "The project's name")
              .optional("team", GID, "The team to share the project with (required in organizations)"))
              .oneOf("privacy_setting", "Who can see the project", "public_to_workspace", "private_to_team", "private")
              .records(ProjectResponse.class)
              .build(),
          projectFields(ActionSpec.builder("projects", UPDATE)
              .describe("Updates a project's fields; a field left out is unchanged, a field set to null is "
                  + "cleared. Returns the updated project.")
              .sends("PUT", "projects/{project_gid}", "updateProject")
              .optional("name", STRING, "The project's name"))
              .records(ProjectResponse.class)
              .build(),
          ActionSpec.builder("projects", DELETE)
              .describe("Deletes a project.")
              .sends("DELETE", "projects/{project_gid}", "deleteProject").destructive()
              .build());
      case "workspace_tags" -> List.of(
          ActionSpec.builder("workspace_tags", CREATE)
              .describe("Creates a tag in a workspace. Returns the new tag.")
              .sends("POST", "workspaces/{workspace_gid}/tags", "createTagForWorkspace")
              .required("name", STRING, "The tag's name")
              .oneOf("color", "The tag's color", TAG_COLORS)
              .optional("notes", STRING, "Free-form notes on the tag")
              .records(TagResponse.class)
              .build());
      case "tags" -> List.of(
          ActionSpec.builder("tags", UPDATE)
              .describe("Updates a tag; a color set to null is cleared. Returns the updated tag.")
              .sends("PUT", "tags/{tag_gid}", "updateTag")
              .optional("name", STRING, "The tag's name")
              .clearableOneOf("color", "The tag's color", TAG_COLORS)
              .optional("notes", STRING, "Free-form notes on the tag")
              .records(TagResponse.class)
              .build(),
          ActionSpec.builder("tags", DELETE)
              .describe("Deletes a tag.")
              .sends("DELETE", "tags/{tag_gid}", "deleteTag").destructive()
              .build());
      case "project_sections" -> List.of(
          ActionSpec.builder("project_sections", CREATE)
              .describe("Creates a section in a project, at the end or before/after another section. Returns "
                  + "the new section.")
              .sends("POST", "projects/{project_gid}/sections", "createSectionForProject")
              .required("name", STRING, "The section's name")
              .optional("insert_before", GID, "A section of the project to insert the new one before")
              .optional("insert_after", GID, "A section of the project to insert the new one after")
              .rule(values -> atMostOne(values, "insert_before", "insert_after"))
              .records(SectionResponse.class)
              .build());
      case "sections" -> List.of(
          ActionSpec.builder("sections", UPDATE)
              .describe("Renames a section. Returns the updated section.")
              .sends("PUT", "sections/{section_gid}", "updateSection")
              .required("name", STRING, "The section's new name")
              .records(SectionResponse.class)
              .build(),
          ActionSpec.builder("sections", DELETE)
              .describe("Deletes a section (Asana refuses if it still has tasks, or is the project's last one).")
              .sends("DELETE", "sections/{section_gid}", "deleteSection").destructive()
              .build());
      case "section_tasks" -> List.of(
          ActionSpec.builder("section_tasks", LIST)
              .describe("Returns the compact tasks of a section of a board project.")
              .required("section_gid", GID, "The section whose tasks to list")
              .paging()
              .optional("completed_since", DATE_TIME_OR_NOW, "Only return tasks that are either incomplete or "
                  + "that have been completed since this time ('now': incomplete only)")
              .records(TaskCompact.class, "gid", "resource_type", "name", "resource_subtype")
              .reads("sections/{section_gid}/tasks", "getTasksForSection")
              .build(),
          ActionSpec.builder("section_tasks", CREATE)
              .describe("Moves a task into a section (of a project the task is in), at the end or before/after "
                  + "another task of the section.")
              .sends("POST", "sections/{section_gid}/addTask", "addTaskForSection")
              .required("task", GID, "The task to move into the section")
              .optional("insert_before", GID, "A task of the section to put it before")
              .optional("insert_after", GID, "A task of the section to put it after")
              .rule(values -> atMostOne(values, "insert_before", "insert_after"))
              .build());
      case "tag_tasks" -> List.of(
          ActionSpec.builder("tag_tasks", LIST)
              .describe("Returns the compact tasks that carry a tag.")
              .required("tag_gid", GID, "The tag whose tasks to list")
              .paging()
              .records(TaskCompact.class, "gid", "resource_type", "name", "resource_subtype")
              .reads("tags/{tag_gid}/tasks", "getTasksForTag")
              .build());
      case "task_stories" -> List.of(
          ActionSpec.builder("task_stories", LIST)
              .describe("Returns a task's stories: its comments and its history (who changed what, when).")
              .required("task_gid", GID, "The task whose stories to list")
              .paging()
              .records(StoryCompact.class, "gid", "resource_type", "created_at", "created_by", "resource_subtype",
                  "text")
              .reads("tasks/{task_gid}/stories", "getStoriesForTask")
              .build(),
          ActionSpec.builder("task_stories", CREATE)
              .describe("Comments on a task: plain text or Asana's rich-text HTML (one of the two). Returns the "
                  + "new story.")
              .sends("POST", "tasks/{task_gid}/stories", "createStoryForTask")
              .optional("text", STRING, "The comment as plain text")
              .optional("html_text", STRING, "The comment as Asana rich text (<body>...</body>)")
              .optional("is_pinned", BOOLEAN, "Whether the comment is pinned to the task")
              .rule(values -> exactlyOne(values, "text", "html_text"))
              .records(StoryResponse.class)
              .build());
      case "task_tags" -> List.of(
          ActionSpec.builder("task_tags", CREATE)
              .describe("Adds a tag to a task.")
              .sends("POST", "tasks/{task_gid}/addTag", "addTagForTask")
              .required("tag", GID, "The tag to add")
              .build(),
          ActionSpec.builder("task_tags", DELETE)
              .describe("Removes a tag from a task.")
              .sends("POST", "tasks/{task_gid}/removeTag", "removeTagForTask").destructive()
              .required("tag", GID, "The tag to remove")
              .build());
      case "task_followers" -> List.of(
          ActionSpec.builder("task_followers", CREATE)
              .describe("Adds followers to a task. Returns the task.")
              .sends("POST", "tasks/{task_gid}/addFollowers", "addFollowersForTask")
              .required("followers", GID_LIST, "The users to add, as gids (comma-separated or a list)")
              .records(TaskResponse.class)
              .build(),
          ActionSpec.builder("task_followers", DELETE)
              .describe("Removes followers from a task. Returns the task.")
              .sends("POST", "tasks/{task_gid}/removeFollowers", "removeFollowerForTask").destructive()
              .required("followers", GID_LIST, "The users to remove, as gids (comma-separated or a list)")
              .records(TaskResponse.class)
              .build());
      case "task_dependencies" -> List.of(
          ActionSpec.builder("task_dependencies", CREATE)
              .describe("Marks a task as depending on other tasks (at most 30 dependencies and dependents).")
              .sends("POST", "tasks/{task_gid}/addDependencies", "addDependenciesForTask")
              .required("dependencies", GID_LIST, "The tasks it depends on, as gids")
              .build(),
          ActionSpec.builder("task_dependencies", DELETE)
              .describe("Removes dependencies of a task.")
              .sends("POST", "tasks/{task_gid}/removeDependencies", "removeDependenciesForTask").destructive()
              .required("dependencies", GID_LIST, "The tasks it should no longer depend on, as gids")
              .build());
      case "task_projects" -> List.of(
          ActionSpec.builder("task_projects", CREATE)
              .describe("Adds a task to a project, optionally into a section or before/after another task; for a "
                  + "task already in the project this moves it, which is how a task changes section.")
              .sends("POST", "tasks/{task_gid}/addProject", "addProjectForTask")
              .required("project", GID, "The project to add the task to")
              .optional("section", GID, "A section of the project to put the task in")
              .optional("insert_before", GID, "A task of the project to put it before")
              .optional("insert_after", GID, "A task of the project to put it after")
              .rule(values -> atMostOne(values, "section", "insert_before", "insert_after"))
              .build(),
          ActionSpec.builder("task_projects", DELETE)
              .describe("Removes a task from a project (the task itself stays).")
              .sends("POST", "tasks/{task_gid}/removeProject", "removeProjectForTask").destructive()
              .required("project", GID, "The project to remove the task from")
              .build());
      case "workspace_memberships" -> List.of(
          ActionSpec.builder("workspace_memberships", CREATE)
              .describe("Adds a user to a workspace or organization, by gid or email. Returns the user.")
              .sends("POST", "workspaces/{workspace_gid}/addUser", "addUserForWorkspace")
              .required("user", USER_REF, "The user to add: a gid, 'me', or an email address")
              .build());
      case "attachments" -> List.of(
          ActionSpec.builder("attachments", CREATE)
              .describe("Uploads a local file (at most 100 MB, streamed) to a task, project or project brief, or "
                  + "attaches a link to a file elsewhere (url and name; resource_subtype external).")
              .sendsMultipart("POST", "attachments", "createAttachmentForObject")
              .required("parent", GID, "The task, project or project brief to attach to")
              .optional("file", FILE, "A local file to upload")
              .optional("url", URL, "The link of an external file (instead of file)")
              .optional("name", STRING, "The attachment's name (required with url)")
              .oneOf("resource_subtype", "external for a link; left out for an upload", "external")
              .rule(WriteActions::checkAttachment)
              .records(AttachmentResponse.class)
              .build());
      default -> List.of();
    };
  }

  /** The body fields a task create or update shares (create adds projects, tags, followers, workspace). */
  private static ActionSpec.Builder taskFields(ActionSpec.Builder task, boolean create) {
    task.optional("notes", STRING, "Free-form text")
        .optional("html_notes", STRING, "Free-form text in Asana's rich text (<body>...</body>)")
        .clearable("assignee", GID_OR_ME, "The user assigned to the task (gid or 'me')")
        .clearable("due_on", DATE, "The date the task is due (use due_on or due_at)")
        .clearable("due_at", DATE_TIME, "The date and time the task is due")
        .clearable("start_on", DATE, "The date work on the task starts (needs a due date)")
        .optional("completed", BOOLEAN, "Whether the task is complete")
        .rule(values -> atMostOne(values, "due_on", "due_at"));
    if (create) {
      task.optional("projects", GID_LIST, "Projects to add the task to (gids, comma-separated or a list)")
          .optional("parent", GID, "The parent task, making this a subtask")
          .optional("tags", GID_LIST, "Tags to put on the task (gids)")
          .optional("followers", GID_LIST, "Users to follow the task (gids)")
          .oneOf("resource_subtype", "The kind of task", TASK_SUBTYPES);
    }
    return task;
  }

  /** The body fields a project create or update shares. */
  private static ActionSpec.Builder projectFields(ActionSpec.Builder project) {
    return project.optional("notes", STRING, "Free-form text")
        .optional("html_notes", STRING, "Free-form text in Asana's rich text")
        .clearableOneOf("color", "The project's color", PROJECT_COLORS)
        .oneOf("default_view", "The view the project opens in", "list", "board", "calendar", "timeline")
        .clearable("due_on", DATE, "The date the project is due")
        .clearable("start_on", DATE, "The date the project starts (needs a due date)")
        .optional("archived", BOOLEAN, "Whether the project is archived");
  }

  /** Whether a write sets {@code name}: given, and not cleared (an update's null). */
  private static boolean isSet(Map<String, Object> values, String name) {
    Object value = values.get(name);
    return value != null && value != Dispatcher.CLEARED;
  }

  private static void atMostOne(Map<String, Object> values, String... names) {
    List<String> given = List.of(names).stream().filter(name -> isSet(values, name)).toList();
    if (given.size() > 1) {
      throw new InvalidParameterException(given.get(1), "cannot be combined with " + given.get(0)
          + "; give at most one of " + String.join(", ", names));
    }
  }

  private static void exactlyOne(Map<String, Object> values, String... names) {
    atMostOne(values, names);
    if (List.of(names).stream().noneMatch(name -> isSet(values, name))) {
      throw new InvalidParameterException(names[0], "is required (or " + String.join(" or ",
          List.of(names).subList(1, names.length)) + ")");
    }
  }

  private static void checkAttachment(Map<String, Object> values) {
    exactlyOne(values, "file", "url");
    if (isSet(values, "url") && !isSet(values, "name")) {
      throw new InvalidParameterException("name", "is required with url (the link's name in Asana)");
    }
    if (isSet(values, "file") && isSet(values, "resource_subtype")) {
      throw new InvalidParameterException("resource_subtype", "is for links (external); leave it out for a file");
    }
  }
}
