package dev.asanaconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.cli.CliRun.Result;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code scripts/asana events list|follow} against the sandbox: output shapes, paging, expiry, resuming. */
class EventsCommandTest {
  private static AsanaSandbox sandbox;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    asana = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString()).personalAccessToken(sandbox.token()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String newTask(String name) {
    return (String) ((Map<?, ?>) asana.execute("tasks", "create", Map.of("workspace", sandbox.data().workspaceGid(),
        "name", name))).get("gid");
  }

  private static void renames(String task, String prefix, int from, int to) {
    for (int i = from; i <= to; i++) {
      asana.execute("tasks", "update", Map.of("task_gid", task, "name", prefix + i));
    }
  }

  private static List<Object> names(List<?> events) {
    List<Object> names = new ArrayList<>();
    for (Object event : events) {
      names.add(((Map<?, ?>) ((Map<?, ?>) event).get("resource")).get("name"));
    }
    return names;
  }

  private static List<Object> expected(String prefix, int from, int to) {
    List<Object> names = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  @Test
  void listWithoutSyncPrintsNoEventsAndTheTokenThenPagesAndAllDrain() {
    String task = newTask("l0");
    Result start = CliRun.api(sandbox, false, "events", "list", "--resource", task);
    assertEquals(0, start.status(), start.stderr());
    assertEquals(List.of(), start.records());
    String token = (String) start.meta().get("sync");
    assertFalse(token.isBlank());
    assertEquals(false, start.meta().get("has_more"));

    renames(task, "l", 1, 150);
    Result page = CliRun.api(sandbox, false, "events", "list", "--resource", task, "--sync", token);
    assertEquals(0, page.status(), page.stderr());
    assertEquals(expected("l", 1, 100), names(page.records()));
    assertEquals(true, page.meta().get("has_more"));

    Result all = CliRun.api(sandbox, false, "--all", "events", "list", "--resource", task, "--sync", token);
    assertEquals(expected("l", 1, 150), names(all.records()));
    assertEquals(false, all.meta().get("has_more"));
    Map<?, ?> first = (Map<?, ?>) all.records().get(0);
    assertEquals("changed", first.get("action"));
    assertEquals(Map.of("field", "name", "action", "changed"), first.get("change"), "events as Asana sent them");
    Result after = CliRun.api(sandbox, false, "events", "list", "--resource", task, "--sync",
        (String) all.meta().get("sync"));
    assertEquals(List.of(), after.records());
  }

  @Test
  void anExpiredTokenExitsOneNamingTheFreshToken() {
    String task = newTask("x0");
    String token = (String) CliRun.api(sandbox, false, "events", "list", "--resource", task).meta().get("sync");
    sandbox.events().expireSyncTokensNow();
    Result expired = CliRun.api(sandbox, false, "events", "list", "--resource", task, "--sync", token);
    assertEquals(1, expired.status());
    assertEquals("", expired.out());
    Matcher fresh = Pattern.compile("--sync (\\S+)").matcher(expired.stderr());
    assertTrue(fresh.find(), expired.stderr());
    assertTrue(expired.stderr().contains("events were lost"), expired.stderr());
    Result resumed = CliRun.api(sandbox, false, "events", "list", "--resource", task, "--sync", fresh.group(1));
    assertEquals(0, resumed.status(), resumed.stderr());
  }

  @Test
  void followPrintsOneEventPerLineUntilInterruptedThenTheTokenToResumeFrom() throws Exception {
    String task = newTask("f0");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger status = new AtomicInteger(-1);
    Thread follow = new Thread(() -> status.set(AsanaCli.run(new String[] {"--base-url", sandbox.baseUrl().toString(),
        "--token", sandbox.token(), "events", "follow", "--resource", task, "--interval", "0.02"}, out,
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false)));
    follow.start();
    // The follow starts from now: wait for its first call, then change the task.
    long deadline = System.nanoTime() + 30_000_000_000L;
    int before = sandbox.requestCount();
    while (sandbox.requestCount() - before < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    renames(task, "f", 1, 12);
    while (out.toString(StandardCharsets.UTF_8).lines().count() < 12 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    follow.interrupt();
    follow.join(30_000);
    assertFalse(follow.isAlive());
    assertEquals(0, status.get(), err.toString(StandardCharsets.UTF_8));
    List<Object> events = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      events.add(CliRun.parse(line)); // each line is one whole JSON event
    }
    assertEquals(expected("f", 1, 12), names(events));
    Matcher token = Pattern.compile("latest sync token: (\\S+)").matcher(err.toString(StandardCharsets.UTF_8));
    assertTrue(token.find(), err.toString(StandardCharsets.UTF_8));
    renames(task, "f", 13, 13);
    Result resumed = CliRun.api(sandbox, false, "events", "list", "--resource", task, "--sync", token.group(1));
    assertEquals(expected("f", 13, 13), names(resumed.records()), "resumes after the last event printed");
  }

  @Test
  void badUsageExitsTwoNamingTheProblemAndHelpDescribesTheCommand() {
    Result missing = CliRun.api(sandbox, false, "events", "list");
    assertEquals(2, missing.status());
    assertTrue(missing.stderr().contains("resource"), missing.stderr());
    Result unknown = CliRun.api(sandbox, false, "events", "list", "--resource", "1", "--since", "x");
    assertEquals(2, unknown.status());
    assertTrue(unknown.stderr().contains("since"), unknown.stderr());
    assertEquals(2, CliRun.api(sandbox, false, "events", "tail", "--resource", "1").status());
    assertEquals(2, CliRun.api(sandbox, false, "--jsonl", "events", "list", "--resource", "1").status());
    assertEquals(2, CliRun.api(sandbox, false, "--all", "events", "follow", "--resource", "1").status());
    assertEquals(2, CliRun.api(sandbox, false, "events", "follow", "--resource", "1", "--interval", "0").status());
    assertEquals(2, CliRun.api(sandbox, false, "events", "list", "--resource", "../me").status());
    Result help = CliRun.run(false, Map.of(), "events", "list", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("events follow"), help.out());
  }
}
