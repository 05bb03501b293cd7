package dev.asanaconnector.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario 1: every task of the 10,000-task project, 100 a page (100 requests), through each
 * contender's own iteration. One operation is the whole listing; JMH samples each operation's time and
 * {@link BenchMain} reports the median. The sandbox runs in the orchestrating JVM, so this fork holds
 * only the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PaginationBenchmark {
  @Param({"RAW", "CONNECTOR", "OFFICIAL"})
  public String contender;

  private Target target;
  private TaskReads reads;
  private long expected = -1;

  @Setup(Level.Trial)
  public void open() {
    target = Target.fromSystemProperties();
    reads = Contender.valueOf(contender).open(target);
  }

  @Benchmark
  public long listAllTasks(Blackhole blackhole) {
    long count = reads.listProjectTasks(target.projectGid(), blackhole::consume);
    if (expected < 0) {
      expected = count;
    } else if (count != expected) {
      throw new IllegalStateException("listed " + count + " tasks, before " + expected);
    }
    return count;
  }

  @TearDown(Level.Trial)
  public void close() {
    reads.close();
  }
}
