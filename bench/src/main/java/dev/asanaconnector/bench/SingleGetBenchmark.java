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
 * Scenario 2: one task's full record fetched {@value #GETS} times in a row, one request after another.
 * One operation is the {@value #GETS} gets; {@link BenchMain} reports the median operation and the
 * per-call time it implies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleGetBenchmark {
  public static final int GETS = ChildMain.GETS;

  @Param({"RAW", "CONNECTOR", "OFFICIAL"})
  public String contender;

  private Target target;
  private TaskReads reads;

  @Setup(Level.Trial)
  public void open() {
    target = Target.fromSystemProperties();
    reads = Contender.valueOf(contender).open(target);
  }

  @Benchmark
  public void getOneTask2000Times(Blackhole blackhole) {
    String gid = target.taskGid();
    for (int i = 0; i < GETS; i++) {
      blackhole.consume(reads.getTask(gid));
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    reads.close();
  }
}
