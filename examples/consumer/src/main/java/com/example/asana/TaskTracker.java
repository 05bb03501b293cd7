package com.example.asana;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaEvent;
import dev.asanaconnector.EventBatch;
import dev.asanaconnector.TaskCreate;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.TaskResponse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small application on asana-connector: lists a project's tasks, creates a task in it, and follows the
 * project's events to see the creation come back.
 *
 * <pre>
 * ASANA_TOKEN=... java -cp ... com.example.asana.TaskTracker WORKSPACE_GID PROJECT_GID
 * </pre>
 */
public final class TaskTracker {
  private final AsanaClient asana;
  private final PrintStream out;

  public TaskTracker(AsanaClient asana, PrintStream out) {
    this.asana = asana;
    this.out = out;
  }

  /** What one run saw: the tasks listed, the task created, the events that followed. */
  public record Report(List<String> listedTaskGids, String createdTaskGid, List<AsanaEvent> events) {}

  public Report run(String workspaceGid, String projectGid, String newTaskName) {
    // Start following first, so the creation below shows up in the events.
    String syncToken = asana.events().start(projectGid);

    List<String> listed = new ArrayList<>();
    for (TaskCompact task : asana.projectTasks().iterate(projectGid)) {   // lazily, 100 a page
      listed.add(task.getGid());
      out.println("task " + task.getGid() + " " + task.getName());
    }
    out.println(listed.size() + " tasks in project " + projectGid);

    TaskResponse created = asana.tasks().create(TaskCreate.builder()
        .workspace(workspaceGid)
        .projects(List.of(projectGid))
        .name(newTaskName)
        .build());
    out.println("created task " + created.getGid() + " " + created.getName());

    EventBatch batch = asana.events().fetch(projectGid, syncToken);
    for (AsanaEvent event : batch.events()) {
      out.println("event " + event.action() + " " + event.resource().resourceType() + " " + event.resource().gid());
    }
    return new Report(listed, created.getGid(), batch.events());
  }

  public static void main(String[] args) {
    if (args.length != 2 || System.getenv("ASANA_TOKEN") == null) {
      System.err.println("usage: ASANA_TOKEN=... TaskTracker WORKSPACE_GID PROJECT_GID");
      System.exit(2);
    }
    AsanaClient asana = AsanaClient.builder().personalAccessToken(System.getenv("ASANA_TOKEN")).build();
    new TaskTracker(asana, System.out).run(args[0], args[1], "Created by the asana-connector example");
  }
}
