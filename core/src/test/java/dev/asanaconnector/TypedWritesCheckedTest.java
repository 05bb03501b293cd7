package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.AsanaSandbox;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Typed writes are checked by the catalog exactly as {@code execute} checks them: a bad value is an
 * {@link InvalidParameterException} naming the parameter, thrown before anything is sent; a read-only
 * client refuses them before anything is sent too.
 */
class TypedWritesCheckedTest {
  private static AsanaSandbox sandbox;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(6).build();
    sandbox.start();
    asana = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString()).personalAccessToken(sandbox.token()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static void assertRefusedNaming(String parameter, Executable write) {
    int before = sandbox.requestCount();
    InvalidParameterException e = assertThrows(InvalidParameterException.class, write);
    assertEquals(parameter, e.parameter(), e.getMessage());
    assertEquals(before, sandbox.requestCount(), "nothing was sent for " + parameter);
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    String workspace = sandbox.data().workspaceGid();
    assertRefusedNaming("name", () -> asana.tasks().create(TaskCreate.builder().workspace(workspace).build()));
    assertRefusedNaming("workspace", () -> asana.tasks().create(TaskCreate.builder().name("x").build()));
    assertRefusedNaming("name", () -> asana.projects().create(ProjectCreate.builder().workspace(workspace).build()));
    assertRefusedNaming("name", () -> asana.workspaceTags().create(workspace, TagCreate.builder().build()));
    assertRefusedNaming("name", () -> asana.projectSections().create("1", SectionCreate.builder().build()));
    assertRefusedNaming("name", () -> asana.sections().rename("1", null));
    assertRefusedNaming("text", () -> asana.taskStories().create("1", StoryCreate.builder().pinned(true).build()));
    assertRefusedNaming("task_gid", () -> asana.tasks().update(null, TaskUpdate.builder().name("x").build()));
    assertRefusedNaming("tag", () -> asana.taskTags().add("1", null));
  }

  @Test
  void malformedOrConflictingValuesAreNamed() {
    assertRefusedNaming("task_gid", () -> asana.tasks().delete("../users/me"));
    assertRefusedNaming("projects", () -> asana.tasks().create(TaskCreate.builder().workspace("1").name("x")
        .projects(List.of("12", "1?x=2")).build()));
    assertRefusedNaming("due_at", () -> asana.tasks().update("1", TaskUpdate.builder()
        .dueOn(LocalDate.of(2030, 1, 1)).dueAt(OffsetDateTime.parse("2030-01-01T09:00:00Z")).build()));
    assertRefusedNaming("html_text", () -> asana.taskStories().create("1", StoryCreate.builder().text("a")
        .htmlText("<body>a</body>").build()));
    assertRefusedNaming("insert_after", () -> asana.projectSections().create("1", SectionCreate.builder().name("x")
        .insertBefore("2").insertAfter("3").build()));
    assertRefusedNaming("workspace", () -> asana.taskSubtasks().create("1", TaskCreate.builder().workspace("2")
        .name("x").build()));
    assertRefusedNaming("section", () -> asana.sectionTasks().add("1", "2", TaskPosition.inSection("3")));
    assertRefusedNaming("followers", () -> asana.taskFollowers().add("1", List.of()));
    assertRefusedNaming("user", () -> asana.workspaceMemberships().add("1", "not an address"));
    assertRefusedNaming("file", () -> asana.attachments().upload("1", Path.of("no/such/file.txt")));
    assertRefusedNaming("url", () -> asana.attachments().attachLink("1", "not a url", "x"));
  }

  @Test
  void aTypedUpdateSendsClearedFieldsAsNullAndLeavesUnsetOnesOut() {
    TaskUpdate update = TaskUpdate.builder().name("x").clearDueOn().clearAssignee().build();
    Map<String, Object> params = new java.util.LinkedHashMap<>(update.toParams());
    params.put("task_gid", "1");
    PreparedWrite write = asana.prepareWrite("tasks", "update", params);
    assertEquals("{\"data\":{\"name\":\"x\",\"due_on\":null,\"assignee\":null}}", write.body());

    ProjectUpdate project = ProjectUpdate.builder().clearColor().archived(true).build();
    Map<String, Object> projectParams = new java.util.LinkedHashMap<>(project.toParams());
    projectParams.put("project_gid", "1");
    assertEquals("{\"data\":{\"color\":null,\"archived\":true}}",
        asana.prepareWrite("projects", "update", projectParams).body());
  }

  @Test
  void aReadOnlyClientRefusesTypedWritesAndSendsNothing() {
    AsanaClient readOnly = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token()).readOnly(true).build();
    int before = sandbox.requestCount();
    List<Executable> writes = List.of(
        () -> readOnly.tasks().create(TaskCreate.builder().workspace("1").name("x").build()),
        () -> readOnly.tasks().update("1", TaskUpdate.builder().clearDueOn().build()),
        () -> readOnly.tasks().delete("1"),
        () -> readOnly.taskTags().add("1", "2"),
        () -> readOnly.taskProjects().remove("1", "2"),
        () -> readOnly.attachments().attachLink("1", "https://example.com/x", "x"));
    for (Executable write : writes) {
      ReadOnlyClientException e = assertThrows(ReadOnlyClientException.class, write);
      assertTrue(e.getMessage().contains("is a write"), e.getMessage());
    }
    assertEquals(before, sandbox.requestCount(), "nothing was sent");
  }
}
