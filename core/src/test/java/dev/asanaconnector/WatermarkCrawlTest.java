package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WatermarkCrawl} against the sandbox with 10,000 tasks in a project: repeated crawls with edits
 * before, during and right after each crawl (same task again in the same second), this machine's clock
 * several seconds off Asana's either way, and the watermark persisted as text between crawls. Every
 * edit is returned exactly once; with no overlap, the same skew loses edits (so the check can fail).
 */
class WatermarkCrawlTest {
  private static final int TASKS = 10_000;
  private static final Duration SKEW = Duration.ofSeconds(4);
  private static final Duration OVERLAP = Duration.ofSeconds(10);

  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;

  @BeforeAll
  static void start() {
    // 20 writable projects of 10,000 tasks each (the generated big project is read-only).
    sandbox = AsanaSandbox.builder().tasksPerProject(TASKS).build();
    sandbox.start();
    data = sandbox.data();
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().rateLimits(RateLimits.unlimited());
    asana = builder.build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Renames a task; returns its key as a crawl will see it: gid and the new {@code modified_at}. */
  private static String edit(String task, String name) {
    Map<?, ?> updated = (Map<?, ?>) asana.execute("tasks", "update", Map.of("task_gid", task, "name", name,
        "opt_fields", "modified_at"));
    return Watermark.key(task, OffsetDateTime.parse((String) updated.get("modified_at")).toInstant());
  }

  private static String key(TaskResponse task) {
    return Watermark.key(task.getGid(), task.getModifiedAt().toInstant());
  }

  /** What a run of crawls returned, against what was edited. */
  private record Outcome(List<String> edits, List<String> returned, long dropped, long read, int duringSeenAtOnce,
      int duringSeenNext) {
  }

  /**
   * Crawls {@code project} in full, then {@code rounds} times: edits before the crawl, edits made from
   * inside the crawl (tasks on pages already read and still to come), edits right after it (tasks the
   * crawl just returned, again, in the same second); then a final crawl. Edits {@code perRound} tasks a
   * round. The watermark goes through its text form between crawls, as an application persists it.
   */
  private static Outcome run(String project, Duration skew, Duration overlap, int rounds, int perRound) {
    WatermarkCrawl crawl = WatermarkCrawl.builder(asana).project(project).overlap(overlap)
        .clock(Clock.offset(Clock.systemUTC(), skew)).build();
    List<String> everyTask = data.taskGids(project);
    Set<String> all = new HashSet<>();
    long started = System.nanoTime();
    WatermarkCrawl.Result initial = crawl.crawl(Watermark.initial(), task -> assertTrue(all.add(task.getGid())));
    System.out.printf("initial crawl of project %s: %,d tasks in %d ms%n", project, initial.returned(),
        (System.nanoTime() - started) / 1_000_000);
    assertEquals(new HashSet<>(everyTask), all, "the first crawl returns every task once");

    List<String> fresh = new ArrayList<>(everyTask);
    Collections.shuffle(fresh, new Random(7));
    Deque<String> untouched = new ArrayDeque<>(fresh);
    List<String> edits = new ArrayList<>();
    List<String> returned = new ArrayList<>();
    long dropped = 0;
    long read = 0;
    int duringSeenAtOnce = 0;
    int duringSeenNext = 0;
    List<String> duringPrevious = List.of();
    String persisted = initial.next().encode();
    int during = perRound * 2 / 5;
    int before = perRound * 2 / 5;
    int after = perRound - before - during;
    for (int round = 0; round <= rounds; round++) {
      boolean last = round == rounds;
      for (int i = 0; i < before && !last; i++) {
        edits.add(edit(untouched.pop(), "before " + round));
      }
      List<String> thisCrawl = new ArrayList<>();
      int r = round;
      boolean[] editedDuring = {last};
      List<String> duringThis = new ArrayList<>();
      WatermarkCrawl.Result result = crawl.crawl(Watermark.decode(persisted), task -> {
        thisCrawl.add(key(task));
        if (!editedDuring[0]) {
          editedDuring[0] = true; // from inside the crawl: some land on pages already read, some ahead
          for (int i = 0; i < during; i++) {
            duringThis.add(edit(untouched.pop(), "during " + r));
          }
        }
      });
      persisted = result.next().encode();
      edits.addAll(duringThis);
      returned.addAll(thisCrawl);
      for (String key : duringThis) {
        duringSeenAtOnce += thisCrawl.contains(key) ? 1 : 0;
      }
      for (String key : duringPrevious) {
        duringSeenNext += thisCrawl.contains(key) ? 1 : 0;
      }
      duringPrevious = duringThis;
      dropped += result.dropped();
      read += result.read();
      System.out.printf("crawl %d: read %d, returned %d, dropped %d, %d remembered%n", round + 1, result.read(),
          result.returned(), result.dropped(), result.next().rememberedRecords());
      // Right after the crawl, in its second: tasks it has just returned, edited again.
      for (int i = 0; i < after && !last && i < thisCrawl.size(); i++) {
        String again = thisCrawl.get(i);
        edits.add(edit(again.substring(0, again.indexOf('@')), "after " + round));
      }
    }
    return new Outcome(edits, returned, dropped, read, duringSeenAtOnce, duringSeenNext);
  }

  @Test
  void tenThousandTasksFiveHundredEditsAClockFourSecondsAheadEveryEditReturnedOnce() {
    Outcome outcome = run(data.projectGids().get(0), SKEW, OVERLAP, 10, 50);
    assertEquals(500, outcome.edits().size());
    assertEquals(new HashSet<>(outcome.edits()).size(), outcome.returned().size(), "nothing returned twice");
    assertEquals(new HashSet<>(outcome.edits()), new HashSet<>(outcome.returned()), "every edit returned");
    assertTrue(outcome.dropped() > 0, "the overlap re-read records that were then dropped");
    assertTrue(outcome.duringSeenAtOnce() > 0 && outcome.duringSeenNext() > 0,
        "edits made during a crawl landed both on pages still to come and on pages already read");
    System.out.printf("ahead by %s: %d edits, %d returned, %d re-read and dropped, %d read; edits made during a "
        + "crawl: %d returned by it, %d by the next%n", SKEW, outcome.edits().size(), outcome.returned().size(),
        outcome.dropped(), outcome.read(), outcome.duringSeenAtOnce(), outcome.duringSeenNext());
  }

  @Test
  void aClockBehindAsanasOnlyReReadsMoreAndStillReturnsEachEditOnce() {
    Outcome outcome = run(data.projectGids().get(1), SKEW.negated(), OVERLAP, 3, 50);
    assertEquals(150, outcome.edits().size());
    assertEquals(outcome.edits().size(), outcome.returned().size(), "nothing returned twice");
    assertEquals(new HashSet<>(outcome.edits()), new HashSet<>(outcome.returned()), "every edit returned");
    System.out.printf("behind by %s: %d edits, %d returned, %d re-read and dropped%n", SKEW,
        outcome.edits().size(), outcome.returned().size(), outcome.dropped());
  }

  @Test
  void withoutAnOverlapTheSameSkewLosesEdits() {
    String project = data.projectGids().get(2);
    WatermarkCrawl crawl = WatermarkCrawl.builder(asana).project(project).overlap(Duration.ZERO)
        .clock(Clock.offset(Clock.systemUTC(), SKEW)).build();
    Instant now = Instant.now();
    Watermark from = crawl.crawl(Watermark.decode("v1;" + now.minusSeconds(60) + ";"), task -> { }).next();
    String task = data.taskGids(project).get(5);
    String edited = edit(task, "lost without an overlap");
    List<String> seen = new ArrayList<>();
    crawl.crawl(from, t -> seen.add(key(t)));
    assertFalse(seen.contains(edited), "a clock ahead moves the watermark past the edit");
  }

  @Test
  void sectionAndAssigneeScopesReturnOnlyTheChangesSinceTheirPersistedWatermark() {
    String project = data.projectGids().get(3);
    String section = data.sectionGids(project).get(1);
    String inSection = data.sectionTaskGids(section).get(0);
    String user = data.userGids().get(4);
    WatermarkCrawl bySection = WatermarkCrawl.builder(asana).section(section).optFields("name").build();
    WatermarkCrawl byAssignee = WatermarkCrawl.builder(asana).assignee(user, data.workspaceGid()).build();
    // The first crawls read every task of their scope; only what changes after them must come next.
    String sectionMark = bySection.crawl(Watermark.initial(), t -> { }).next().encode();
    String assigneeMark = byAssignee.crawl(Watermark.initial(), t -> { }).next().encode();
    String renamed = edit(inSection, "in the section");
    String assignedTask = data.taskGids(project).get(0);
    asana.execute("tasks", "update", Map.of("task_gid", assignedTask, "assignee", user));

    List<TaskResponse> sectionChanges = new ArrayList<>();
    WatermarkCrawl.Result sectionResult = bySection.crawl(Watermark.decode(sectionMark), sectionChanges::add);
    assertEquals(List.of(renamed), sectionChanges.stream().map(WatermarkCrawlTest::key).toList());
    assertEquals("in the section", sectionChanges.get(0).getName());
    List<String> assigned = new ArrayList<>();
    byAssignee.crawl(Watermark.decode(assigneeMark), t -> assigned.add(t.getGid()));
    assertEquals(List.of(assignedTask), assigned);
    List<String> again = new ArrayList<>();
    bySection.crawl(Watermark.decode(sectionResult.next().encode()), t -> again.add(t.getGid()));
    assertEquals(List.of(), again, "a repeated crawl drops what it returned");
  }

  @Test
  void aCrawlNeedsOneScopeAndAWatermarkRoundTripsAsText() {
    assertEquals("scope", assertThrows(InvalidParameterException.class,
        () -> WatermarkCrawl.builder(asana).build()).parameter());
    assertEquals("section", assertThrows(InvalidParameterException.class,
        () -> WatermarkCrawl.builder(asana).project("1").section("2")).parameter());
    Watermark mark = new Watermark(Instant.parse("2026-01-02T03:04:05.678Z"),
        Set.of(Watermark.key("12", Instant.parse("2026-01-02T03:04:00.001Z"))));
    assertEquals(mark, Watermark.decode(mark.encode()));
    assertEquals(Watermark.initial(), Watermark.decode(Watermark.initial().encode()));
    assertThrows(IllegalArgumentException.class, () -> Watermark.decode("v1;yesterday;"));
    assertThrows(IllegalArgumentException.class, () -> Watermark.decode("v1;;../x@2026-01-02T03:04:00Z"));
  }

  @Test
  void aWatermarkAtATimeRemembersNoRecordAndSurvivesItsTextForm() {
    java.time.Instant time = java.time.Instant.parse("2026-12-05T08:00:00Z");
    Watermark at = Watermark.at(time);
    assertEquals(java.util.Optional.of(time), at.time());
    assertEquals(0, at.rememberedRecords());
    assertEquals(at, Watermark.decode(at.encode()));
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> Watermark.at(null));
  }
}
