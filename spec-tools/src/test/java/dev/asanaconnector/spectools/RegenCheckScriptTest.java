package dev.asanaconnector.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * scripts/regen-check against the older spec version kept in ../shared/openapi (it lacks operations the
 * pinned version has): the diff lists exactly the removed operations, the summary line has the required
 * form and counts, the verdict matches the exit code, and the working tree and pin are left alone.
 * Runs a real build of generated and core in a scratch copy, so it takes a minute or two.
 */
class RegenCheckScriptTest {
  static final Pattern SUMMARY = Pattern.compile(
      "operations: (\\d+) pinned, (\\d+) new, \\+(\\d+) added, -(\\d+) removed, ~(\\d+) changed; core: (OK|BROKEN.*)");

  @Test
  void olderSpecVersionIsDiffedAndJudged() throws Exception {
    Path root = Scripts.root();
    Path older = Scripts.olderSpec();
    assumeTrue(Files.isRegularFile(older), "no older spec at " + older);
    Path pin = root.resolve("openapi/spec.properties");
    Path pinnedSpec = root.resolve("openapi/spec/asana_oas.yaml");
    assumeTrue(Files.isRegularFile(pinnedSpec), "run scripts/fetch-spec first");
    String pinBefore = Files.readString(pin);
    String pinnedShaBefore = Scripts.sha256(pinnedSpec);

    Scripts.Result result = Scripts.run(root, "scripts/regen-check", "../shared/openapi/asana_oas-2025-06-30.yaml");
    System.out.printf("regen-check ../shared/openapi/asana_oas-2025-06-30.yaml: exit %d in %d s%n%s%n",
        result.exit(), result.seconds(), result.all());

    // The summary line, last, with counts that match an independent reading of both specs.
    Matcher summary = SUMMARY.matcher(result.lastLine());
    assertTrue(summary.matches(), "last line is not the summary: " + result.lastLine());
    Set<String> pinned = Scripts.operationIds(pinnedSpec);
    Set<String> next = Scripts.operationIds(older);
    Set<String> removed = new TreeSet<>(pinned);
    removed.removeAll(next);
    Set<String> added = new TreeSet<>(next);
    added.removeAll(pinned);
    assertEquals(pinned.size(), Integer.parseInt(summary.group(1)), "pinned");
    assertEquals(next.size(), Integer.parseInt(summary.group(2)), "new");
    assertEquals(added.size(), Integer.parseInt(summary.group(3)), "added");
    assertEquals(removed.size(), Integer.parseInt(summary.group(4)), "removed");
    assertEquals(192, next.size());
    assertFalse(removed.isEmpty(), "the older spec should lack operations of the pinned one");

    // One line per operation: each removed one, no added one, and the changed ones counted.
    List<String> out = result.out();
    for (String id : removed) {
      assertTrue(out.stream().anyMatch(l -> l.startsWith("- " + id + "  ")), "no line for removed " + id);
    }
    assertEquals(removed.size(), out.stream().filter(l -> l.startsWith("- ")).count());
    assertEquals(added.size(), out.stream().filter(l -> l.startsWith("+ ")).count());
    assertEquals(Integer.parseInt(summary.group(5)), out.stream().filter(l -> l.startsWith("~ ")).count());
    assertTrue(out.contains("- getUserForWorkspace  GET /workspaces/{workspace_gid}/users/{user_gid}"), result.all());
    if (Scripts.sha256(pinnedSpec).startsWith("50705f125ecd")) { // the 2026-06-11 pin
      // Against 2025-06-30 the 55 operations Asana added since are removed, and none is added.
      assertTrue(result.lastLine().startsWith("operations: 247 pinned, 192 new, +0 added, -55 removed, "),
          result.lastLine());
      assertTrue(out.stream().anyMatch(l -> l.startsWith("~ getUser  GET /users/{user_gid}: params -workspace")),
          "getUser lacks its workspace parameter in 2025-06-30: " + result.all());
      // TaskRequest was split into TaskCreateRequest and TaskUpdateRequest in 2026-06-11: core's tests
      // (the README example, RetriesTest) build createTask's record as a TaskCreateRequest.
      assertTrue(out.stream().anyMatch(l -> l.trim().startsWith("model TaskCreateRequest is gone (used at ")
          && l.contains("ReadmeExamplesTest.java")), "TaskCreateRequest is reported gone: " + result.all());
      // core's users.get passes `workspace` to getUser, so against this version core must be judged broken.
      assertEquals(1, result.exit(), "exit code against 2025-06-30");
      assertTrue(summary.group(6).startsWith("BROKEN: ") && summary.group(6).contains("getUser")
          && summary.group(6).contains("workspace") && summary.group(6).contains("TaskCreateRequest is gone"),
          "verdict names getUser's workspace and TaskCreateRequest: " + result.lastLine());
    }

    // The verdict agrees with the exit code, and BROKEN says what broke.
    boolean ok = summary.group(6).equals("OK");
    assertEquals(ok, result.exit() == 0, "verdict " + summary.group(6) + " with exit " + result.exit());
    if (!ok) {
      assertTrue(summary.group(6).startsWith("BROKEN: ") && summary.group(6).length() > "BROKEN: ".length(),
          result.lastLine());
      assertTrue(out.stream().anyMatch(l -> l.startsWith("broken: ")), result.all());
    }

    // Nothing of the working tree moved.
    assertEquals(pinBefore, Files.readString(pin), "the pin changed");
    assertEquals(pinnedShaBefore, Scripts.sha256(pinnedSpec), "the pinned spec changed");
  }
}
