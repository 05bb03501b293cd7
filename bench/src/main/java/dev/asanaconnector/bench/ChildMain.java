package dev.asanaconnector.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The scenarios that need a JVM of their own, started by {@link BenchMain} ({@code java -Xmx64m ...}):
 *
 * <pre>
 * ChildMain download CONTENDER WARMUPS RUNS TARGET...   scenario 3: downloads, one BENCH line per run
 * ChildMain scale CONTENDER TARGET...                   scenario 4: list every task of TARGET's project
 * ChildMain cold CONTENDER TARGET...                    scenario 6: first page, then the whole project
 * ChildMain serve CONTENDER list|get TARGET...          scenarios 1 and 2: operations on command
 * </pre>
 *
 * TARGET is {@link Target#args()}. Results go to stdout as {@code BENCH key=value ...} lines, flushed at
 * once (the cold-start timing is taken by the parent when a line arrives).
 */
public final class ChildMain {
  private static final PrintStream OUT = System.out;

  private ChildMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ChildMain download|scale|cold CONTENDER ...");
      System.exit(2);
    }
    Contender contender = Contender.valueOf(args[1]);
    try {
      switch (args[0]) {
        case "download" -> download(contender, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
            Target.fromArgs(args, 4));
        case "scale" -> scale(contender, Target.fromArgs(args, 2));
        case "cold" -> cold(contender, Target.fromArgs(args, 2));
        case "serve" -> serve(contender, args[2], Target.fromArgs(args, 3));
        default -> throw new IllegalArgumentException("unknown mode " + args[0] + " in " + Arrays.toString(args));
      }
    } catch (Throwable e) {
      report("error", e.getClass().getSimpleName() + ":" + String.valueOf(e.getMessage()).replace(' ', '_'));
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static void report(String... keysAndValues) {
    StringBuilder line = new StringBuilder("BENCH");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      line.append(' ').append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
    }
    OUT.println(line);
    OUT.flush();
  }

  /** Discards what is written, counting the bytes. */
  static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  private static void download(Contender contender, int warmups, int runs, Target target) throws IOException {
    try (HeapWatch heap = new HeapWatch(); TaskReads reads = contender.open(target)) {
      for (int i = 0; i < warmups + runs; i++) {
        CountingSink sink = new CountingSink();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long bytes = reads.download(target.attachmentGid(), sink);
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        if (bytes != sink.count) {
          throw new IllegalStateException("reported " + bytes + " bytes but wrote " + sink.count);
        }
        if (i >= warmups) {
          report("run", Integer.toString(i - warmups), "nanos", Long.toString(nanos), "bytes", Long.toString(bytes),
              "cpu", Long.toString(cpu));
        }
      }
      report("peakAfterGc", Long.toString(heap.peakAfterGc()), "maxHeap", Long.toString(HeapWatch.maxHeap()),
          "gcs", Integer.toString(heap.collections()));
    }
  }

  /**
   * Lists every task of the project. Besides the peak heap after any collection (what the JVM kept
   * after each GC, including garbage already promoted), the live heap after a forced full collection at
   * 10,000 and 50,000 tasks and at the end: flat memory means these stay the same.
   */
  private static void scale(Contender contender, Target target) {
    try (HeapWatch heap = new HeapWatch(); TaskReads reads = contender.open(target)) {
      long[] live = {-1, -1};
      long[] seen = {0};
      long start = System.nanoTime();
      long count = reads.listProjectTasks(target.projectGid(), task -> {
        long n = ++seen[0];
        if (n == 10_000) {
          live[0] = HeapWatch.usedAfterFullGc();
        } else if (n == 50_000) {
          live[1] = HeapWatch.usedAfterFullGc();
        }
      });
      long nanos = System.nanoTime() - start;
      long liveAtEnd = HeapWatch.usedAfterFullGc();
      long peak = heap.peakAfterGc();
      report("count", Long.toString(count), "nanos", Long.toString(nanos), "peakAfterGc", Long.toString(peak),
          "liveAt10k", Long.toString(live[0]), "liveAt50k", Long.toString(live[1]),
          "liveAtEnd", Long.toString(liveAtEnd), "gcs", Integer.toString(heap.collections()),
          "maxHeap", Long.toString(HeapWatch.maxHeap()));
    }
  }

  /**
   * Scenarios 1 and 2 as a worker that runs operations when told (one command a line on stdin), so that
   * the orchestrator can interleave the contenders' operations in time:
   * {@code warm SECONDS} runs operations for that long; {@code run N} runs N operations and reports
   * their times in nanoseconds; {@code quit} ends. An operation is the whole project listed
   * ({@code list}) or one task fetched {@value #GETS} times ({@code get}).
   */
  private static void serve(Contender contender, String operation, Target target) throws IOException {
    try (TaskReads reads = contender.open(target);
        java.io.BufferedReader commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
            java.nio.charset.StandardCharsets.UTF_8))) {
      Runnable op = switch (operation) {
        case "list" -> {
          long[] expected = {-1};
          yield () -> {
            long count = reads.listProjectTasks(target.projectGid(), task -> { });
            if (expected[0] >= 0 && count != expected[0]) {
              throw new IllegalStateException("listed " + count + " tasks, before " + expected[0]);
            }
            expected[0] = count;
          };
        }
        case "get" -> () -> {
          for (int i = 0; i < GETS; i++) {
            if (reads.getTask(target.taskGid()) == null) {
              throw new IllegalStateException("no task");
            }
          }
        };
        default -> throw new IllegalArgumentException("unknown operation " + operation);
      };
      report("ready", contender.name());
      for (String command = commands.readLine(); command != null; command = commands.readLine()) {
        String[] words = command.trim().split(" ");
        switch (words[0]) {
          case "warm" -> {
            long end = System.nanoTime() + (long) (Double.parseDouble(words[1]) * 1e9);
            int ops = 0;
            do {
              op.run();
              ops++;
            } while (System.nanoTime() < end);
            report("warmed", Integer.toString(ops));
          }
          case "run" -> {
            int n = Integer.parseInt(words[1]);
            StringBuilder times = new StringBuilder();
            long cpuStart = processCpuNanos();
            long threadCpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
              long start = System.nanoTime();
              op.run();
              times.append(i == 0 ? "" : ",").append(System.nanoTime() - start);
            }
            long threadCpu = (THREADS.getCurrentThreadCpuTime() - threadCpuStart) / n;
            report("run", times.toString(), "cpu", Long.toString((processCpuNanos() - cpuStart) / n),
                "tcpu", Long.toString(threadCpu));
          }
          case "quit" -> {
            return;
          }
          default -> throw new IllegalArgumentException("unknown command " + command);
        }
      }
    }
  }

  /** For the calling thread's CPU time: the thread that runs the operations. */
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
      .getThreadMXBean();

  /** CPU time of this whole JVM (all its threads: the caller's, OkHttp's, GC, JIT), in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Gets per operation of scenario 2. */
  static final int GETS = 2_000;

  private static void cold(Contender contender, Target target) {
    TaskReads reads = contender.open(target);
    Object first = reads.firstTask(target.projectGid());
    report("first", reads.gidOf(first));
    long count = reads.listProjectTasks(target.projectGid(), task -> { });
    report("all", Long.toString(count));
  }
}
