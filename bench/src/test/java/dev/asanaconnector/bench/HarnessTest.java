package dev.asanaconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness pieces agree with each other on a small sandbox: the contenders list the same records,
 * send the same requests and get the same bytes, the downloads copy the same file. No timings are
 * asserted: the figures are scripts/bench's business.
 */
class HarnessTest {
  private static AsanaSandbox sandbox;
  private static Target target;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(6).bigProjectTasks(250).bigAttachmentBytes(300_000).build();
    sandbox.start();
    SandboxData data = sandbox.data();
    target = new Target(sandbox.baseUrl().toString(), sandbox.token(), data.bigProjectGid(),
        data.taskGids(data.projectGids().get(0)).get(0), data.bigAttachmentGid());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<String> gids(Contender contender) {
    List<String> gids = new ArrayList<>();
    try (TaskReads reads = contender.open(target)) {
      long count = reads.listProjectTasks(target.projectGid(), task -> gids.add(reads.gidOf(task)));
      assertEquals(gids.size(), count, contender + " counts what it hands over");
      assertEquals(target.taskGid(), reads.gidOf(reads.getTask(target.taskGid())), contender + " get");
      assertEquals(gids.get(0), reads.gidOf(reads.firstTask(target.projectGid())), contender + " first page");
    }
    return gids;
  }

  @Test
  void theContendersListTheSameTasks() {
    List<String> raw = gids(Contender.RAW);
    assertEquals(250, raw.size());
    assertEquals(sandbox.data().bigProjectTaskGid(249), raw.get(249));
    assertEquals(raw, gids(Contender.CONNECTOR));
    assertEquals(raw, gids(Contender.OFFICIAL));
    assertEquals(raw, gids(Contender.GSON));
    try (TaskReads wire = Contender.WIRE.open(target)) {
      assertEquals(300, wire.listProjectTasks(target.projectGid(), page -> { }), "3 pages");
    }
  }

  @Test
  void theContendersSendTheSameRequestsAndGetTheSameBytes() {
    Map<Contender, String> summaries = RecordingProxy.summarize(target);
    String raw = summaries.get(Contender.RAW);
    assertTrue(raw.startsWith("250 tasks in 3 list requests + 1 get"), raw);
    assertTrue(raw.contains("opt_fields=name,resource_subtype,created_by"), raw);
    assertEquals(raw, summaries.get(Contender.CONNECTOR));
    assertEquals(raw, summaries.get(Contender.OFFICIAL));
  }

  @Test
  void bothDownloadsCopyTheFile() throws IOException, NoSuchAlgorithmException {
    String expected = sandbox.data().attachmentSha256(target.attachmentGid());
    for (Contender contender : List.of(Contender.RAW, Contender.CONNECTOR)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (TaskReads reads = contender.open(target);
          OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
        assertEquals(300_000, reads.download(target.attachmentGid(), sink), contender + " bytes");
      }
      assertEquals(expected, HexFormat.of().formatHex(sha.digest()), contender + " content");
    }
  }

  @Test
  void theRateLimitedExtractionListsEverythingWithinTheLimits() throws InterruptedException {
    // 20 projects of 6 tasks: 20 requests at 1,200 a minute, a second or so.
    RateLimitedExtraction.Outcome outcome = RateLimitedExtraction.run(
        new RateLimitedExtraction.Config(6, 1_200, 3, Duration.ofMillis(5), 4, true));
    assertEquals(outcome.expectedTasks(), outcome.tasks(), outcome.firstError());
    assertEquals(0, outcome.surfaced429());
    assertEquals(0, outcome.otherErrors());
    assertEquals(20, outcome.answered());
    assertTrue(outcome.peakConcurrent() <= 3, "peak " + outcome.peakConcurrent());
  }

  @Test
  void theStaticServerReplaysTheSandboxByteForByteToEveryContender(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws IOException {
    java.nio.file.Path recording = dir.resolve("responses.bin");
    assertEquals(4, StaticRecording.record(target, recording), "3 pages and the task");
    try (java.net.ServerSocket listener = StaticServer.serveInBackground(recording)) {
      Target replay = new Target("http://127.0.0.1:" + listener.getLocalPort() + "/api/1.0/", target.token(),
          target.projectGid(), target.taskGid(), "");
      List<String> expected = gids(Contender.RAW);
      for (Contender contender : List.of(Contender.RAW, Contender.GSON, Contender.CONNECTOR, Contender.OFFICIAL)) {
        try (TaskReads reads = contender.open(replay)) {
          List<String> listed = new ArrayList<>();
          reads.listProjectTasks(replay.projectGid(), task -> listed.add(reads.gidOf(task)));
          assertEquals(expected, listed, contender + " against the static server");
          assertEquals(target.taskGid(), reads.gidOf(reads.getTask(replay.taskGid())), contender + " get");
        }
      }
    }
  }

  @Test
  void theStaticServersKeyIgnoresTheOrderAndEscapingOfParameters() {
    assertEquals(StaticServer.key("/api/1.0/projects/1/tasks?limit=100&opt_fields=name%2Cresource_subtype"),
        StaticServer.key("/api/1.0/projects/1/tasks?opt_fields=name,resource_subtype&limit=100"));
    assertTrue(!StaticServer.key("/api/1.0/tasks/1?offset=a").equals(StaticServer.key("/api/1.0/tasks/1?offset=b")));
  }

  @Test
  void targetsTravelToChildJvmsIntact() {
    List<String> args = new ArrayList<>(List.of("mode", "RAW"));
    args.addAll(target.args());
    assertEquals(target, Target.fromArgs(args.toArray(String[]::new), 2));
    Target noAttachment = target.withProject("123");
    args = new ArrayList<>(new Target(noAttachment.baseUrl(), noAttachment.token(), "123", "456", "").args());
    assertEquals("", Target.fromArgs(args.toArray(String[]::new), 0).attachmentGid());
  }
}
