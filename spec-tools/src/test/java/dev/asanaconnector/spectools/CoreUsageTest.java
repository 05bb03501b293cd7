package dev.asanaconnector.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreUsageTest {
  @TempDir
  Path core;

  @Test
  void findsOperationCallsOperationIdStringsModelsAndFieldNames() throws IOException {
    Path dir = Files.createDirectories(core.resolve("src/main/java/dev/asanaconnector"));
    Files.writeString(dir.resolve("Catalog.java"), """
        package dev.asanaconnector;

        import dev.asanaconnector.generated.api.TasksApi;
        import dev.asanaconnector.generated.model.TaskCompact;

        final class Catalog {
          // getProject( in a comment is not a use
          static final String FIELDS = "name,assignee.name,due_on";
          Object list(TasksApi tasks) {
            return tasks.getTasks(null, 10)
                .execute();
          }
          String name(dev.asanaconnector.generated.model.TaskResponse task) {
            return register("getTask", task.getNotes());
          }
        }
        """);
    Files.createDirectories(core.resolve("src/test/java/x"));
    Files.writeString(core.resolve("src/test/java/x/T.java"), """
        import dev.asanaconnector.generated.model.*;
        class T { UserCompact user; NotAModel other; }
        """);

    CoreUsage usage = CoreUsage.scan(core, Set.of("getTasks", "getTask", "getProject", "execute2"),
        Set.of("UserCompact", "TaskCompact"));

    assertEquals(Set.of("getTasks", "getTask"), usage.operations.keySet());
    assertEquals(Set.of("Catalog.java:10"), usage.operations.get("getTasks"));
    assertEquals(Set.of("TaskCompact", "TaskResponse", "UserCompact"), usage.models.keySet());
    assertEquals(Set.of("TasksApi"), usage.apis);
    assertEquals(2, usage.files);
    assertTrue(usage.usesField("notes"), "getNotes() is called");
    assertTrue(usage.usesField("due_on"), "named in an opt_fields string");
    assertTrue(usage.usesField("assignee"));
    assertFalse(usage.usesField("html_notes"));
  }

  @Test
  void noCoreMeansNoUse() {
    CoreUsage usage = CoreUsage.scan(core.resolve("absent"), Set.of("getTask"), Set.of());
    assertEquals(0, usage.files);
    assertTrue(usage.operations.isEmpty());
  }

  @Test
  void camelCaseFollowsTheGenerator() {
    assertEquals("dueOn", CoreUsage.camel("due_on"));
    assertEquals("image128x128", CoreUsage.camel("image_128x128"));
    assertEquals("gid", CoreUsage.camel("gid"));
  }
}
