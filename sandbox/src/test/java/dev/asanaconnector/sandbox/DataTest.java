package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.SandboxData.TaskInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataTest {

  @Test
  void sameSeedSameDataAndResponses() {
    try (AsanaSandbox a = AsanaSandbox.builder().seed(7).build();
         AsanaSandbox b = AsanaSandbox.builder().seed(7).build()) {
      assertEquals(a.data().tasks(), b.data().tasks());
      assertEquals(a.data().projectGids(), b.data().projectGids());
      assertEquals(a.data().attachmentSha256(a.data().downloadableAttachmentGids().get(0)),
          b.data().attachmentSha256(b.data().downloadableAttachmentGids().get(0)));
      a.start();
      b.start();
      String p = a.data().projectGids().get(4);
      for (String path : List.of("tasks?project=" + p, "projects/" + p, "tasks/" + a.data().richTaskGid(),
          "workspaces/" + a.data().workspaceGid() + "/tasks/search?completed=false&sort_by=due_date")) {
        assertEquals(Http.get(a, path).expect(200).body(), Http.get(b, path).expect(200).body(), path);
      }
    }
    try (AsanaSandbox c = AsanaSandbox.builder().seed(8).build()) {
      assertNotEquals(AsanaSandbox.builder().seed(7).build().data().projectGids(), c.data().projectGids());
    }
  }

  @Test
  void invariantsHoldForOtherSeedsAndSizes() {
    for (long seed = 1; seed <= 4; seed++) {
      for (int perProject : new int[] {6, 40, 250}) {
        SandboxData d = AsanaSandbox.builder().seed(seed).tasksPerProject(perProject).build().data();
        Map<String, Long> byCreated = d.tasks().stream()
            .collect(Collectors.groupingBy(TaskInfo::createdAt, Collectors.counting()));
        String where = "seed " + seed + ", " + perProject + " per project";
        assertEquals(d.tiedCreatedAtCount(), byCreated.get(d.tiedCreatedAt()).intValue(), where);
        assertTrue(d.tiedCreatedAtCount() >= 2, where);
        for (TaskInfo t : d.tasks()) {
          assertTrue(t.createdAt().compareTo("2025-10-31T18:00:00.000Z") < 0, where);
          assertTrue(t.modifiedAt().compareTo(t.createdAt()) >= 0, where);
          if (t.completed()) {
            assertTrue(t.completedAt().compareTo(t.createdAt()) > 0, where);
          }
        }
        SandboxData.TaskInfo rich = d.task(d.richTaskGid());
        assertEquals(3, rich.subtaskGids().size(), where);
        assertEquals(2, rich.dependencyGids().size(), where);
        assertEquals(2, rich.dependentGids().size(), where);
        assertTrue(!rich.completed(), where);
      }
    }
  }

  @Test
  void shapeOfTheDefaultDataSet() {
    SandboxData d = AsanaSandbox.builder().build().data();
    assertEquals(2, d.workspaceGids().size());
    assertEquals(3, d.teamGids().size());
    assertEquals(10, d.userGids().size());
    assertEquals(20, d.projectGids().size());
    assertEquals(3, d.archivedProjectGids().size());
    assertEquals(10, d.tagGids().size());
    Set<String> teamsUsed = new HashSet<>();
    for (String team : d.teamGids()) {
      assertTrue(d.teamProjectGids(team).size() >= 6);
      teamsUsed.add(team);
    }
    assertEquals(3, teamsUsed.size());
    for (String p : d.projectGids()) {
      assertTrue(d.sectionGids(p).size() >= 3);
      assertTrue(d.taskGids(p).size() >= 250);
    }
    List<TaskInfo> org = d.tasks().stream().filter(t -> t.workspaceGid().equals(d.workspaceGid())).toList();
    long topLevel = org.stream().filter(t -> t.parentGid() == null).count();
    assertEquals(5000, topLevel, "20 projects x 250 tasks");
    assertTrue(org.size() > 5000, "subtasks come on top");
    Map<String, Long> subtypes = org.stream().collect(Collectors.groupingBy(TaskInfo::resourceSubtype, Collectors.counting()));
    assertTrue(subtypes.get("default_task") > 4000);
    assertTrue(subtypes.get("milestone") > 50);
    assertTrue(subtypes.get("approval") > 20);
    long completed = org.stream().filter(TaskInfo::completed).count();
    assertTrue(completed > 1000 && completed < 4500, "completed " + completed);
    org.stream().filter(TaskInfo::completed).forEach(t -> assertTrue(t.completedAt().compareTo(t.createdAt()) > 0));
    org.forEach(t -> assertTrue(t.modifiedAt().compareTo(t.createdAt()) >= 0, t.gid()));
    assertTrue(org.stream().anyMatch(t -> !t.dependencyGids().isEmpty()));
    assertTrue(org.stream().anyMatch(t -> t.projectGids().size() > 1), "multi-homed tasks");
    assertTrue(org.stream().allMatch(t -> t.gid().matches("\\d{16}")));
    // Several tasks share a created_at (ties matter for search paging); the import tie is the largest.
    Map<String, Long> byCreated = org.stream().collect(Collectors.groupingBy(TaskInfo::createdAt, Collectors.counting()));
    assertEquals(d.tiedCreatedAtCount(), byCreated.get(d.tiedCreatedAt()).intValue());
    assertTrue(byCreated.values().stream().filter(n -> n > 1).count() > 100, "plenty of small ties");
    assertEquals(d.tiedCreatedAtCount(), byCreated.values().stream().mapToLong(Long::longValue).max().orElse(0));

    TaskInfo rich = d.task(d.richTaskGid());
    assertEquals(3, rich.subtaskGids().size());
    assertEquals(2, rich.dependencyGids().size());
    assertEquals(2, rich.dependentGids().size());
    assertEquals(4, rich.attachmentGids().size());
    assertTrue(d.externalAttachmentGids().size() >= 2);
    assertTrue(d.downloadableAttachmentGids().size() > 100);
  }
}
