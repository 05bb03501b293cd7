package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.generated.model.ProjectResponse;
import dev.asanaconnector.generated.model.SectionCompact;
import dev.asanaconnector.generated.model.SectionResponse;
import dev.asanaconnector.generated.model.StoryCompact;
import dev.asanaconnector.generated.model.StoryResponse;
import dev.asanaconnector.generated.model.TagResponse;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.model.UserCompact;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed write API against the sandbox, which keeps state: tasks, projects, tags and sections are
 * created, read back, updated (one field cleared, another left unchanged) and deleted; every relation is
 * added and removed and seen in the matching list; a file is uploaded and a link attached.
 */
class TypedWritesTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(20).build();
    sandbox.start();
    data = sandbox.data();
    asana = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString()).personalAccessToken(sandbox.token()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String workspace() {
    return data.workspaceGid();
  }

  private static String newTask(String name) {
    return asana.tasks().create(TaskCreate.builder().workspace(workspace()).name(name).build()).getGid();
  }

  private static String newProject(String name) {
    return asana.projects().create(ProjectCreate.builder().workspace(workspace()).team(data.teamGids().get(0))
        .name(name).build()).getGid();
  }

  private static List<String> gids(Iterable<? extends Object> records) {
    List<String> gids = new java.util.ArrayList<>();
    for (Object record : records) {
      gids.add(record instanceof TaskCompact t ? t.getGid() : record instanceof SectionCompact s ? s.getGid()
          : record instanceof StoryCompact s ? s.getGid() : ((UserCompact) record).getGid());
    }
    return gids;
  }

  @Test
  void aTaskIsCreatedReadBackUpdatedWithClearsAndDeleted() {
    String project = data.projectGids().get(0);
    String user = data.userGids().get(1);
    TaskResponse created = asana.tasks().create(TaskCreate.builder().workspace(workspace()).name("Write the plan")
        .notes("first draft").assignee(user).dueOn(LocalDate.of(2030, 1, 31)).projects(List.of(project)).build());
    assertEquals("Write the plan", created.getName());
    String gid = created.getGid();
    TaskResponse read = asana.tasks().get(gid);
    assertEquals(LocalDate.of(2030, 1, 31), read.getDueOn());
    assertEquals(user, read.getAssignee().getGid());
    assertTrue(gids(asana.projectTasks().iterate(project)).contains(gid), "the new task is in its project");

    TaskResponse updated = asana.tasks().update(gid, TaskUpdate.builder().name("Write the launch plan").clearDueOn()
        .clearAssignee().completed(true).build());
    assertEquals("Write the launch plan", updated.getName());
    TaskResponse after = asana.tasks().get(gid);
    assertNull(after.getDueOn(), "due_on cleared");
    assertNull(after.getAssignee(), "assignee cleared");
    assertEquals("first draft", after.getNotes(), "a field left unset stays unchanged");
    assertEquals(Boolean.TRUE, after.getCompleted());

    asana.tasks().delete(gid);
    assertThrows(NotFoundException.class, () -> asana.tasks().get(gid));
  }

  @Test
  void aProjectIsCreatedReadBackUpdatedWithClearsAndDeleted() {
    ProjectResponse created = asana.projects().create(ProjectCreate.builder().workspace(workspace())
        .team(data.teamGids().get(0)).name("Launch").notes("Q3").color(Color.DARK_GREEN)
        .defaultView(ProjectView.BOARD).privacy(ProjectPrivacy.PRIVATE_TO_TEAM).dueOn(LocalDate.of(2030, 6, 30))
        .build());
    String gid = created.getGid();
    ProjectResponse read = asana.projects().get(gid);
    assertEquals("Launch", read.getName());
    assertEquals(ProjectResponse.ColorEnum.DARK_GREEN, read.getColor());
    assertEquals(ProjectResponse.DefaultViewEnum.BOARD, read.getDefaultView());
    assertEquals(LocalDate.of(2030, 6, 30), read.getDueOn());

    asana.projects().update(gid, ProjectUpdate.builder().name("Launch v2").clearColor().clearDueOn().build());
    ProjectResponse after = asana.projects().get(gid);
    assertEquals("Launch v2", after.getName());
    assertNull(after.getColor(), "color cleared");
    assertNull(after.getDueOn(), "due_on cleared");
    assertEquals("Q3", after.getNotes(), "a field left unset stays unchanged");

    asana.projects().delete(gid);
    assertThrows(NotFoundException.class, () -> asana.projects().get(gid));
  }

  @Test
  void aTagIsCreatedReadBackUpdatedWithAClearAndDeleted() {
    TagResponse created = asana.workspaceTags().create(workspace(), TagCreate.builder().name("urgent")
        .color(Color.LIGHT_RED).notes("drop everything").build());
    String gid = created.getGid();
    assertEquals(TagResponse.ColorEnum.LIGHT_RED, asana.tags().get(gid).getColor());
    assertTrue(asana.workspaceTags().iterate(workspace()).stream().anyMatch(t -> t.getGid().equals(gid)));

    asana.tags().update(gid, TagUpdate.builder().name("very urgent").clearColor().build());
    TagResponse after = asana.tags().get(gid);
    assertEquals("very urgent", after.getName());
    assertNull(after.getColor(), "color cleared");
    assertEquals("drop everything", after.getNotes(), "a field left unset stays unchanged");

    asana.tags().delete(gid);
    assertThrows(NotFoundException.class, () -> asana.tags().get(gid));
  }

  @Test
  void aSectionIsCreatedInPlaceRenamedAndDeleted() {
    String project = newProject("Board");
    String doing = asana.projectSections().create(project, SectionCreate.builder().name("Doing").build()).getGid();
    SectionResponse todo = asana.projectSections().create(project, SectionCreate.builder().name("To do")
        .insertBefore(doing).build());
    List<String> order = gids(asana.projectSections().iterate(project));
    assertTrue(order.indexOf(todo.getGid()) == order.indexOf(doing) - 1, "inserted before Doing: " + order);

    assertEquals("Done", asana.sections().rename(doing, "Done").getName());
    assertEquals("Done", asana.sections().get(doing).getName());

    asana.sections().delete(doing);
    assertThrows(NotFoundException.class, () -> asana.sections().get(doing));
  }

  @Test
  void tagsGoOnAndComeOffTasks() {
    String task = newTask("Tag me");
    String tag = asana.workspaceTags().create(workspace(), TagCreate.builder().name("later").build()).getGid();
    asana.taskTags().add(task, tag);
    assertEquals(List.of(task), gids(asana.tagTasks().iterate(tag)));
    asana.taskTags().remove(task, tag);
    assertEquals(List.of(), gids(asana.tagTasks().iterate(tag)));
  }

  @Test
  void aTaskIsAddedToAProjectMovedBetweenSectionsAndRemoved() {
    String project = newProject("Moves");
    String first = asana.projectSections().create(project, SectionCreate.builder().name("First").build()).getGid();
    String second = asana.projectSections().create(project, SectionCreate.builder().name("Second").build()).getGid();
    String task = newTask("Move me");
    String other = newTask("Stay put");

    asana.taskProjects().add(task, project, TaskPosition.inSection(first));
    asana.taskProjects().add(other, project);
    assertTrue(asana.taskProjects().iterate(task).stream().anyMatch(p -> p.getGid().equals(project)));
    assertEquals(List.of(task), gids(asana.sectionTasks().iterate(first)));

    asana.sectionTasks().add(second, other);
    asana.sectionTasks().add(second, task, TaskPosition.before(other));
    assertEquals(List.of(), gids(asana.sectionTasks().iterate(first)));
    assertEquals(List.of(task, other), gids(asana.sectionTasks().iterate(second)), "moved, and placed before");

    asana.taskProjects().remove(task, project);
    assertEquals(List.of(other), gids(asana.projectTasks().iterate(project)));
  }

  @Test
  void followersDependenciesSubtasksCommentsAndMembers() {
    String task = newTask("Ship it");
    String blocker = newTask("Test it");
    String user = data.userGids().get(2);

    asana.taskFollowers().add(task, List.of(user));
    assertTrue(gids(asana.tasks().get(task).getFollowers()).contains(user));
    asana.taskFollowers().remove(task, List.of(user));
    assertFalse(gids(asana.tasks().get(task).getFollowers()).contains(user));

    asana.taskDependencies().add(task, List.of(blocker));
    assertEquals(List.of(blocker), gids(asana.taskDependencies().iterate(task)));
    assertEquals(List.of(task), gids(asana.taskDependents().iterate(blocker)));
    asana.taskDependencies().remove(task, List.of(blocker));
    assertEquals(List.of(), gids(asana.taskDependencies().iterate(task)));

    TaskResponse subtask = asana.taskSubtasks().create(task, TaskCreate.builder().name("Step one").build());
    assertEquals(List.of(subtask.getGid()), gids(asana.taskSubtasks().iterate(task)));

    StoryResponse comment = asana.taskStories().create(task, StoryCreate.builder().text("Looks good").pinned(true)
        .build());
    assertEquals("Looks good", comment.getText());
    assertEquals(Boolean.TRUE, comment.getIsPinned());
    assertTrue(gids(asana.taskStories().iterate(task)).contains(comment.getGid()));
    StoryResponse rich = asana.taskStories().create(task, StoryCreate.builder()
        .htmlText("<body>Ship <strong>today</strong></body>").build());
    assertEquals("Ship today", rich.getText());

    int members = asana.workspaceUsers().iterate(workspace()).stream().toList().size();
    asana.workspaceMemberships().add(workspace(), "new.person@example.com");
    assertEquals(members + 1, asana.workspaceUsers().iterate(workspace()).stream().toList().size());
  }

  @Test
  void aFileIsUploadedAndDownloadsBackIdenticalAndALinkIsAttached(@TempDir Path dir) throws IOException {
    String task = newTask("Has files");
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "the launch plan, version 1\n".repeat(1000));

    AttachmentResponse uploaded = asana.attachments().upload(task, file);
    assertEquals("notes.txt", uploaded.getName());
    Path back = dir.resolve("back.txt");
    asana.attachments().download(uploaded.getGid()).saveTo(back);
    assertEquals(-1, Files.mismatch(file, back), "byte-identical");

    AttachmentResponse link = asana.attachments().attachLink(task, "https://example.com/spec.pdf", "Spec");
    assertEquals("Spec", link.getName());
    assertEquals("external", asana.attachments().get(link.getGid()).getResourceSubtype());
    assertEquals(List.of(uploaded.getGid(), link.getGid()), asana.attachments().iterate(task, Params.none()).stream()
        .map(a -> a.getGid()).toList());
  }
}
