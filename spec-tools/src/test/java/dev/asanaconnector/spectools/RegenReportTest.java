package dev.asanaconnector.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegenReportTest {
  @TempDir
  Path dir;

  private static final String NEXT = SpecDiffTest.PINNED
      .replace("        - {name: project, in: query, schema: {type: string}}\n", "")
      .replace("    delete:\n      operationId: deleteTask", "    delete:\n      operationId: removeTask");

  private List<String> report(String buildLog, int exit) throws IOException {
    Path core = Files.createDirectories(dir.resolve("core/src/main/java"));
    Files.writeString(core.resolve("Uses.java"),
        "class Uses { Object a = tasks.getTasks(1, \"o\", \"p\"); Object b = tasks.deleteTask(\"1\"); }");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new RegenReport(OpenApiDocument.parse(SpecDiffTest.PINNED), OpenApiDocument.parse(NEXT))
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir.resolve("core"), buildLog, exit);
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void okWhenTheBuildPassesWithNotesOnWhatCoreUses() throws IOException {
    List<String> lines = report("[INFO] BUILD SUCCESS", 0);
    assertEquals("+ removeTask  DELETE /tasks/{task_gid}", lines.get(0));
    assertEquals("- deleteTask  DELETE /tasks/{task_gid}", lines.get(1));
    assertEquals("~ getTasks  GET /tasks: params -project", lines.get(2));
    assertTrue(lines.contains("note: generated names core uses that are gone or changed in the new spec:"), lines.toString());
    assertEquals("operations: 5 pinned, 5 new, +1 added, -1 removed, ~1 changed; core: OK", lines.get(lines.size() - 1));
  }

  @Test
  void brokenSaysWhatBrokeOnTheSummaryLine() throws IOException {
    List<String> lines = report("""
        [ERROR] /tmp/t/core/src/main/java/Uses.java:[1,30] cannot find symbol
          symbol:   method deleteTask(java.lang.String)
        [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile (default-compile) on project asana-connector-core: Compilation failure
        """, 1);
    String summary = lines.get(lines.size() - 1);
    assertTrue(summary.startsWith("operations: 5 pinned, 5 new, +1 added, -1 removed, ~1 changed; core: BROKEN: "
        + "core compilation failed (1 compiler error); "), summary);
    assertTrue(summary.contains("operation deleteTask is gone"), summary);
    assertTrue(summary.contains("operation getTasks: params -project"), summary);
    assertTrue(lines.contains("  core/Uses.java:1: cannot find symbol | symbol: method deleteTask(java.lang.String)"),
        lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("  operation deleteTask is gone (used at Uses.java:1)")),
        lines.toString());
  }

  @Test
  void aFailedBuildWithoutARecognisedGoalIsStillBroken() throws IOException {
    List<String> lines = report("[ERROR] something odd\n", 137);
    String summary = lines.get(lines.size() - 1);
    assertTrue(summary.contains("core: BROKEN: the build failed (exit 137)"), summary);
    assertFalse(summary.endsWith("core: OK"));
  }

  @Test
  void countAndDiffCommands() throws IOException {
    Path pinned = Files.writeString(dir.resolve("a.yaml"), SpecDiffTest.PINNED);
    Path next = Files.writeString(dir.resolve("b.yaml"), NEXT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, RegenReport.run(new String[] {"count", pinned.toString()}, out));
    assertEquals(0, RegenReport.run(new String[] {"diff", pinned.toString(), next.toString()}, out));
    assertEquals(List.of("5", "+ removeTask  DELETE /tasks/{task_gid}", "- deleteTask  DELETE /tasks/{task_gid}",
            "~ getTasks  GET /tasks: params -project",
            "operations: 5 pinned, 5 new, +1 added, -1 removed, ~1 changed"),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
