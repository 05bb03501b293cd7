package com.example.asana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Runs the application against the connector's sandbox, as a user's own test would. */
class TaskTrackerTest {
  @Test
  void listsCreatesAndSeesItsOwnTaskInTheEvents() {
    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(130).build()) {
      sandbox.start();
      SandboxData data = sandbox.data();
      String projectGid = data.projectGids().get(0);
      var before = new HashSet<>(data.taskGids(projectGid));
      AsanaClient asana = AsanaClient.builder()
          .baseUrl(sandbox.baseUrl().toString())
          .personalAccessToken(sandbox.token())
          .build();

      TaskTracker.Report report = new TaskTracker(asana, System.out)
          .run(data.workspaceGid(), projectGid, "Write the release notes");

      // Every task of the project, across two pages, each once.
      assertEquals(before, new HashSet<>(report.listedTaskGids()));
      assertEquals(report.listedTaskGids().size(), new HashSet<>(report.listedTaskGids()).size());
      assertTrue(report.listedTaskGids().size() > 100, "more than one page: " + report.listedTaskGids().size());
      // The created task is in the project now, and its creation came back as an event.
      assertTrue(!before.contains(report.createdTaskGid()) && data.taskGids(projectGid).contains(report.createdTaskGid()));
      assertTrue(report.events().stream().anyMatch(e -> e.resource().gid().equals(report.createdTaskGid())
              && e.action().equals("added")),
          "an event for the new task: " + report.events());
    }
  }
}
