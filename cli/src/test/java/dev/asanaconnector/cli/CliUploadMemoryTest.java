package dev.asanaconnector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads from the command line in a JVM whose heap ({@code -Xmx64m}) is smaller than the file: the file is
 * streamed, never read whole, and a file over Asana's limit is refused before anything is sent.
 */
class CliUploadMemoryTest {
  private static final int HEAP_MIB = 64;
  private static AsanaSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Runs the CLI in its own JVM with a 64 MiB heap; returns its exit status, stdout and stderr. */
  private static List<String> runSmallHeap(Path dir, String... words) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP_MIB + "m", "-cp", System.getProperty("java.class.path"), AsanaCli.class.getName(),
        "--base-url", sandbox.baseUrl().toString(), "--token", sandbox.token()));
    command.addAll(List.of(words));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
    return List.of(Integer.toString(process.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aFileLargerThanTheHeapIsStreamedUpAndDownloadsBackIdentical(@TempDir Path dir) throws Exception {
    AsanaClient asana = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token()).build();
    String task = (String) ((Map<?, ?>) asana.execute("tasks", "create",
        Map.of("workspace", sandbox.data().workspaceGid(), "name", "Holds a big file"))).get("gid");
    Path file = dir.resolve("recording.bin");
    byte[] chunk = new byte[1 << 20];
    new Random(11).nextBytes(chunk);
    int mib = 90; // larger than the CLI's whole heap, under Asana's 100 MB limit
    try (OutputStream written = Files.newOutputStream(file)) {
      for (int i = 0; i < mib; i++) {
        chunk[0] = (byte) i; // no two MiB alike, so a misplaced chunk shows
        written.write(chunk);
      }
    }

    List<String> run = runSmallHeap(dir, "attachments", "create", "--parent", task, "--file", file.toString());

    assertEquals("0", run.get(0), run.get(2));
    Map<?, ?> attachment = (Map<?, ?>) CliRun.parse(run.get(1)).get("data");
    assertEquals("recording.bin", attachment.get("name"));
    Path back = dir.resolve("back.bin");
    asana.attachments().download((String) attachment.get("gid")).saveTo(back);
    assertEquals((long) mib << 20, Files.size(back));
    assertEquals(-1, Files.mismatch(file, back), "byte-identical");
  }

  @Test
  void aFileOverAsanasLimitIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.bin");
    try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
      sparse.setLength(150L << 20); // 150 MiB, sparse on disk
    }
    int before = sandbox.requestCount();

    List<String> run = runSmallHeap(dir, "attachments", "create", "--parent", "1", "--file", big.toString());

    assertEquals("2", run.get(0), run.get(2));
    assertTrue(run.get(2).contains("file") && run.get(2).contains("100 MB"), run.get(2));
    assertEquals(before, sandbox.requestCount(), "nothing sent");
  }
}
