package dev.asanaconnector.bench;

import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * scripts/bench: runs the six scenarios against sandboxes hosted in this JVM (on loopback), the clients
 * in JMH forks or child JVMs of their own, and prints one table with each figure's median and its ratio
 * to the raw floor measured in the same run.
 *
 * <pre>
 * BenchMain [--quick] [--only=1,2,...] [--out=FILE]
 * </pre>
 */
public final class BenchMain {
  private static final String CHILD = ChildMain.class.getName();
  private static final int PAGINATION_TASKS = 10_000;
  private static final int SCALE_TASKS = 100_000;
  private static final long ATTACHMENT_BYTES = 256L << 20;
  private static final int RATE_PROJECTS = 20;

  /** How much of everything to run. */
  record Plan(boolean quick, Set<Integer> scenarios, boolean jmh, int forks, int warmupIterations,
      int warmupSeconds, int iterations, int iterationSeconds, int workerWarmSeconds, int rounds,
      int downloadRounds, int downloadWarmups, int downloadRuns, int coldRounds, List<RateLimitedExtraction.Config> rateRuns) {

    static Plan parse(String[] args) {
      boolean quick = false;
      boolean jmh = false;
      Set<Integer> only = new TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7));
      for (String arg : args) {
        if (arg.equals("--quick")) {
          quick = true;
        } else if (arg.equals("--jmh")) {
          jmh = true;
        } else if (arg.startsWith("--only=")) {
          only = Arrays.stream(arg.substring(7).split(",")).map(String::trim).map(Integer::valueOf)
              .collect(Collectors.toCollection(TreeSet::new));
        } else if (arg.startsWith("--out=")) {
          continue; // read by main
        } else {
          throw new IllegalArgumentException("unknown option " + arg
              + "; usage: scripts/bench [--quick] [--only=1,2,3,4,5,6,7] [--jmh] [--out=FILE]");
        }
      }
      // Scenario 5's limits: Asana's paid-plan rate (1,500 requests a minute) as it is; its 50 concurrent
      // reads scaled down to 5, with 100 ms per answer, so that the concurrency limit is one a client can
      // break (5 in flight at 100 ms allow 3,000 a minute: the rate is the binding limit, as with Asana).
      Duration latency = Duration.ofMillis(100);
      if (quick) {
        return new Plan(true, only, jmh, 1, 2, 2, 3, 1, 1, 4, 1, 2, 2, 2,
            List.of(new RateLimitedExtraction.Config(1_000, 1_500, 5, latency, 16, true)));
      }
      return new Plan(false, only, jmh, 2, 5, 2, 5, 2, 12, 50, 2, 3, 5, 10,
          // 20 projects × 9,000 tasks = 1,820 requests: 73 s at 1,500 a minute, past the sliding window's first
          // 60 seconds, where a client that exceeds the rate is caught. The control run, without pacing, must fail.
          List.of(new RateLimitedExtraction.Config(9_000, 1_500, 5, latency, 4, true),
              new RateLimitedExtraction.Config(9_000, 1_500, 5, latency, 16, true),
              new RateLimitedExtraction.Config(9_000, 1_500, 5, latency, 16, false)));
    }
  }

  private final Plan plan;
  private final Report report = new Report();
  private final Path logDir;
  private final Path home;
  private final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "child-watchdog");
    t.setDaemon(true);
    return t;
  });

  private BenchMain(Plan plan, Path home) {
    this.plan = plan;
    this.home = home;
    this.logDir = home.resolve("bench-logs");
  }

  public static void main(String[] args) throws Exception {
    Plan plan = Plan.parse(args);
    Path home = benchTarget();
    Path out = home.resolve(plan.quick() ? "bench-results-quick.md" : "bench-results.md");
    for (String arg : args) {
      if (arg.startsWith("--out=")) {
        out = Paths.get(arg.substring(6));
      }
    }
    long start = System.nanoTime();
    BenchMain bench = new BenchMain(plan, home);
    Files.createDirectories(bench.logDir);
    String machine = MachineInfo.describe();
    log("asana-connector benchmarks" + (plan.quick() ? " (--quick: a smoke run, few samples)" : "")
        + "; scenarios " + plan.scenarios());
    log("machine: " + machine);
    log("logs: " + bench.logDir);
    bench.run();
    String minutes = Report.fmt("%.1f", (System.nanoTime() - start) / 60e9);
    String table = bench.report.markdown();
    String text = "Run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + (plan.quick() ? " with --quick" : "") + ", " + minutes + " min in all.\n\nMachine: " + machine
        + "\n\n" + table;
    Files.writeString(out, text);
    System.out.println();
    System.out.println(table);
    log("table written to " + out + "; whole run " + minutes + " min");
    System.exit(0);
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }

  /** bench/target: where the classpath files are (next to the bench jar or classes). */
  private static Path benchTarget() {
    String configured = System.getProperty("bench.home");
    if (configured != null) {
      return Paths.get(configured).toAbsolutePath();
    }
    try {
      Path code = Paths.get(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().toAbsolutePath();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void run() throws Exception {
    Set<Integer> s = plan.scenarios();
    if (s.contains(1) || s.contains(2) || s.contains(3) || s.contains(6) || s.contains(7)) {
      try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(6).bigProjectTasks(PAGINATION_TASKS)
          .bigAttachmentBytes(ATTACHMENT_BYTES).build()) {
        sandbox.start();
        SandboxData data = sandbox.data();
        Target target = new Target(sandbox.baseUrl().toString(), sandbox.token(), data.bigProjectGid(),
            data.taskGids(data.projectGids().get(0)).get(0), data.bigAttachmentGid());
        log("sandbox: " + sandbox.baseUrl() + ", project of " + PAGINATION_TASKS + " tasks " + target.projectGid()
            + ", task " + target.taskGid() + ", attachment of " + ATTACHMENT_BYTES + " bytes");
        if (s.contains(1) || s.contains(2)) {
          checkSameRequests(target);
          warmSandbox(target);
        }
        if (s.contains(1)) {
          pagination(target);
        }
        if (s.contains(2)) {
          singleGet(target);
        }
        if (s.contains(3)) {
          download(target);
        }
        if (s.contains(6)) {
          coldStart(target);
        }
        if (s.contains(7)) {
          minimalServer(target);
        }
      }
    }
    if (s.contains(4)) {
      scale();
    }
    if (s.contains(5)) {
      for (RateLimitedExtraction.Config config : plan.rateRuns()) {
        rateLimited(config);
      }
    }
  }

  // ---- same pages, same bytes ----

  /**
   * Lists the project once per contender through a recording proxy: the same requests (query shape
   * and count) and the same response bytes, or the run stops.
   */
  private void checkSameRequests(Target target) {
    log("checking that the contenders send the same requests and get the same bytes...");
    Map<Contender, String> summaries = RecordingProxy.summarize(target);
    summaries.forEach((contender, summary) -> log("  " + contender.label() + ": " + summary));
    if (new LinkedHashSet<>(summaries.values()).size() != 1) {
      throw new IllegalStateException("the contenders do not send the same requests: " + summaries);
    }
  }

  /** Runs the sandbox's request handling hot before any measured run, so that no contender pays for it. */
  private void warmSandbox(Target target) {
    log("warming the sandbox up (its JIT, not the clients')...");
    try (TaskReads raw = Contender.RAW.open(target); TaskReads wire = Contender.WIRE.open(target)) {
      for (int i = 0; i < 15; i++) {
        raw.listProjectTasks(target.projectGid(), task -> { });
        wire.listProjectTasks(target.projectGid(), page -> { });
      }
      for (int i = 0; i < 3_000; i++) {
        raw.getTask(target.taskGid());
      }
    }
  }

  // ---- scenarios 1 and 2: JMH ----

  /** A figure's samples, merged across forks. */
  record Samples(List<Double> values, List<Double> cpuPerOp, List<Double> threadCpuPerOp) {
    Samples(List<Double> values, List<Double> cpuPerOp) {
      this(values, cpuPerOp, List.of());
    }

    double percentile(double p) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      double rank = p / 100 * (sorted.size() - 1);
      int low = (int) Math.floor(rank);
      int high = Math.min(sorted.size() - 1, low + 1);
      return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
    }

    double median() {
      return percentile(50);
    }

    /** The median CPU time of the contender's whole JVM per operation, or NaN when not measured. */
    double cpuMedian() {
      return cpuPerOp.isEmpty() ? Double.NaN : new Samples(cpuPerOp, List.of()).median();
    }

    /** The median CPU time of the thread that called the client, per operation, or NaN when not measured. */
    double threadCpuMedian() {
      return threadCpuPerOp.isEmpty() ? Double.NaN : new Samples(threadCpuPerOp, List.of()).median();
    }

    /**
     * A 95% confidence interval of the median, from the order statistics of the samples (no assumption
     * about their distribution): ranks n/2 ± 1.96·√n/2.
     */
    double[] medianInterval() {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      int n = sorted.size();
      if (n == 0) {
        return new double[] {Double.NaN, Double.NaN};
      }
      double half = 1.96 * Math.sqrt(n) / 2;
      int low = (int) Math.max(0, Math.floor(n / 2.0 - half));
      int high = (int) Math.min(n - 1, Math.ceil(n / 2.0 + half));
      return new double[] {sorted.get(low), sorted.get(high)};
    }
  }

  /**
   * Runs a JMH benchmark once per contender per round, one fork each, rotating the order from round to
   * round, so that a slow stretch of the machine does not land on one contender only; the samples of all
   * forks of a contender are merged.
   */
  private Map<Contender, Samples> jmh(Class<?> benchmark, Target target, String logName) throws Exception {
    List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
    jvmArgs.addAll(target.jvmArgs());
    List<Contender> contenders = List.of(Contender.WIRE, Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL);
    Map<Contender, List<Double>> samples = new EnumMap<>(Contender.class);
    for (int round = 0; round < plan.forks(); round++) {
      for (int i = 0; i < contenders.size(); i++) {
        Contender contender = contenders.get((i + round) % contenders.size());
        Options options = new OptionsBuilder()
            .include(Pattern.quote(benchmark.getName()) + "\\.")
            .param("contender", contender.name())
            .forks(1)
            .warmupIterations(plan.warmupIterations())
            .warmupTime(TimeValue.seconds(plan.warmupSeconds()))
            .measurementIterations(plan.iterations())
            .measurementTime(TimeValue.seconds(plan.iterationSeconds()))
            .jvm(java)
            .jvmArgs(jvmArgs.toArray(String[]::new))
            .shouldFailOnError(true)
            .output(logDir.resolve(logName.replace(".log", "-" + contender.name().toLowerCase() + "-" + round
                + ".log")).toString())
            .build();
        for (RunResult result : new Runner(options).run()) {
          Statistics stats = result.getPrimaryResult().getStatistics();
          List<Double> values = samples.computeIfAbsent(contender, c -> new ArrayList<>());
          for (java.util.Iterator<Map.Entry<Double, Long>> it = stats.getRawData(); it.hasNext(); ) {
            Map.Entry<Double, Long> entry = it.next();
            for (long n = 0; n < entry.getValue(); n++) {
              values.add(entry.getKey());
            }
          }
        }
      }
    }
    Map<Contender, Samples> byContender = new EnumMap<>(Contender.class);
    samples.forEach((contender, values) -> byContender.put(contender, new Samples(values, List.of())));
    return byContender;
  }

  private String jmhShape() {
    return plan.forks() + " fork" + (plan.forks() > 1 ? "s (rounds, order rotated)" : "") + " × ("
        + plan.warmupIterations() + "×"
        + plan.warmupSeconds() + " s warm-up + " + plan.iterations() + "×" + plan.iterationSeconds() + " s)";
  }

  private void pagination(Target target) throws Exception {
    String scenario = "1 Pagination: 10,000 tasks, 100 pages of 100";
    Map<Contender, Samples> stats;
    if (plan.jmh()) {
      log("scenario 1: pagination, JMH " + jmhShape() + " per contender...");
      stats = jmh(PaginationBenchmark.class, target, "jmh-pagination.log");
    } else {
      log("scenario 1: pagination, " + interleavedShape(6));
      stats = interleaved("list", target, 6);
    }
    timedRows(scenario, stats, "ms per 10,000 tasks", median -> Report.fmt("%.0f µs/page", median * 1000 / 100));
  }

  private void singleGet(Target target) throws Exception {
    String scenario = "2 Single get: 1 task × 2,000, sequential";
    Map<Contender, Samples> stats;
    if (plan.jmh()) {
      log("scenario 2: single get ×" + ChildMain.GETS + ", JMH " + jmhShape() + " per contender...");
      stats = jmh(SingleGetBenchmark.class, target, "jmh-single-get.log");
    } else {
      log("scenario 2: single get ×" + ChildMain.GETS + ", " + interleavedShape(1));
      stats = interleaved("get", target, 1);
    }
    timedRows(scenario, stats, "ms per 2,000 gets",
        median -> Report.fmt("%.0f µs/call", median * 1000 / ChildMain.GETS));
  }

  private String interleavedShape(int perTurn) {
    return "one JVM per contender, each warmed " + plan.workerWarmSeconds() + " s + " + plan.workerWarmSeconds() / 3
        + " s in turn, then " + plan.rounds() + " rounds in which each runs " + perTurn + " operation"
        + (perTurn > 1 ? "s" : "") + " in turn (order rotated)...";
  }

  /** A contender's worker JVM for scenarios 1 and 2 ({@code ChildMain serve}). */
  private final class Worker implements AutoCloseable {
    private final Contender contender;
    private final Process process;
    private final java.io.BufferedWriter commands;
    private final BufferedReader answers;

    Worker(Contender contender, String operation, Target target) throws IOException {
      this.contender = contender;
      List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g", "-cp", classpath(contender), CHILD,
          "serve", contender.name(), operation));
      command.addAll(target.args());
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
          logDir.resolve("serve-" + operation + "-" + contender.name().toLowerCase() + ".log").toFile())).start();
      commands = new java.io.BufferedWriter(new java.io.OutputStreamWriter(process.getOutputStream(),
          StandardCharsets.UTF_8));
      answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      answer("ready");
    }

    Map<String, String> call(String command, String key) throws IOException {
      commands.write(command);
      commands.newLine();
      commands.flush();
      return answer(key);
    }

    private Map<String, String> answer(String key) throws IOException {
      for (String line = answers.readLine(); line != null; line = answers.readLine()) {
        if (!line.startsWith("BENCH ")) {
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring(6).split(" ")) {
          int eq = pair.indexOf('=');
          values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (values.containsKey("error")) {
          throw new IOException(contender.label() + " failed: " + values.get("error"));
        }
        if (values.containsKey(key)) {
          return values;
        }
      }
      throw new IOException(contender.label() + " worker ended early; see its log in " + logDir);
    }

    @Override
    public void close() throws InterruptedException {
      try {
        commands.write("quit");
        commands.newLine();
        commands.flush();
      } catch (IOException ignored) {
        // already gone
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * Scenarios 1 and 2: one worker JVM per contender, all alive at once; each is warmed up alone, then
   * they take turns, a few operations each, for many rounds, so that every contender is measured over
   * the same stretch of time (this 2-core machine drifts by ±20% from one half-minute to the next, which
   * would swamp a 15% target if the contenders ran one after another).
   */
  private Map<Contender, Samples> interleaved(String operation, Target target, int perTurn) throws Exception {
    return interleaved(operation, target, perTurn,
        List.of(Contender.WIRE, Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL));
  }

  private Map<Contender, Samples> interleaved(String operation, Target target, int perTurn,
      List<Contender> contenders) throws Exception {
    List<Worker> workers = new ArrayList<>();
    Map<Contender, List<Double>> millis = new EnumMap<>(Contender.class);
    Map<Contender, List<Double>> cpuMillis = new EnumMap<>(Contender.class);
    Map<Contender, List<Double>> threadCpuMillis = new EnumMap<>(Contender.class);
    try {
      for (Contender contender : contenders) {
        workers.add(new Worker(contender, operation, target));
      }
      for (Worker worker : workers) {
        worker.call("warm " + plan.workerWarmSeconds(), "warmed");
      }
      for (Worker worker : workers) {
        worker.call("warm " + plan.workerWarmSeconds() / 3.0, "warmed");
      }
      for (int round = 0; round < plan.rounds(); round++) {
        for (int i = 0; i < workers.size(); i++) {
          Worker worker = workers.get((i + round) % workers.size());
          Map<String, String> answer = worker.call("run " + perTurn, "run");
          cpuMillis.computeIfAbsent(worker.contender, c -> new ArrayList<>())
              .add(Long.parseLong(answer.get("cpu")) / 1e6);
          threadCpuMillis.computeIfAbsent(worker.contender, c -> new ArrayList<>())
              .add(Long.parseLong(answer.get("tcpu")) / 1e6);
          for (String nanos : answer.get("run").split(",")) {
            millis.computeIfAbsent(worker.contender, c -> new ArrayList<>()).add(Long.parseLong(nanos) / 1e6);
          }
        }
      }
    } finally {
      for (Worker worker : workers) {
        worker.close();
      }
    }
    Map<Contender, Samples> byContender = new EnumMap<>(Contender.class);
    millis.forEach((contender, values) -> byContender.put(contender, new Samples(values, cpuMillis.get(contender),
        threadCpuMillis.get(contender))));
    return byContender;
  }

  private void timedRows(String scenario, Map<Contender, Samples> stats, String unit,
      java.util.function.DoubleFunction<String> perUnit) {
    double raw = median(stats.get(Contender.RAW));
    double official = median(stats.get(Contender.OFFICIAL));
    for (Contender contender : List.of(Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL, Contender.WIRE)) {
      Samples st = stats.get(contender);
      if (st == null) {
        report.add(new Report.Row(scenario, contender.label(), "failed", "—", "", "", "see the JMH log"));
        continue;
      }
      double median = st.median();
      String target = "";
      String status = "";
      if (contender == Contender.RAW) {
        target = "the floor";
      } else if (contender == Contender.CONNECTOR) {
        target = "≤ 1.15× raw and faster than official";
        status = median <= 1.15 * raw && median < official ? "met" : "**missed**";
      } else if (contender == Contender.WIRE) {
        target = "calibration: sandbox + loopback";
      }
      String notes = perUnit.apply(median) + "; " + unit + "; n=" + st.values().size() + ", p25–p75 "
          + Report.fmt("%.1f–%.1f", st.percentile(25), st.percentile(75)) + " ms";
      double cpu = st.cpuMedian();
      if (!Double.isNaN(cpu)) {
        notes += Report.fmt("; client CPU %s per operation (%.2f× raw's)", Report.ms(cpu),
            cpu / stats.get(Contender.RAW).cpuMedian());
      }
      report.add(new Report.Row(scenario, contender.label(), Report.ms(median), Report.ratio(median, raw), target,
          status, notes));
    }
  }

  private static double median(Samples samples) {
    return samples == null ? Double.NaN : samples.median();
  }

  // ---- scenario 7: the server that hides nothing ----

  /**
   * Scenarios 1 and 2 again, against {@link StaticServer} in a process of its own replaying the sandbox's
   * responses: no work per request on the server's side, so that each client's own cost shows, in wall
   * time and in the CPU time of the thread that calls it.
   */
  private void minimalServer(Target sandboxTarget) throws Exception {
    Path recording = home.resolve("static-responses.bin");
    int responses = StaticRecording.record(sandboxTarget, recording);
    List<String> command = List.of(java, "-Xms256m", "-Xmx256m", "-cp", classpath(Contender.RAW),
        StaticServer.class.getName(), recording.toString());
    Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
        logDir.resolve("static-server.log").toFile())).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      if (ready == null || !ready.startsWith("BENCH port=")) {
        throw new IOException("the static server did not start: " + ready + "; see " + logDir);
      }
      String port = ready.substring("BENCH port=".length()).split(" ")[0];
      Target target = new Target("http://127.0.0.1:" + port + "/api/1.0/", sandboxTarget.token(),
          sandboxTarget.projectGid(), sandboxTarget.taskGid(), "");
      log("scenario 7: the minimal server (pre-rendered responses, own process, " + responses + " responses): "
          + "pagination, " + interleavedShape(6));
      List<Contender> contenders = List.of(Contender.WIRE, Contender.RAW, Contender.GSON, Contender.CONNECTOR,
          Contender.OFFICIAL);
      minimalRows("7a Minimal server: 10,000 tasks, 100 pages of 100", interleaved("list", target, 6, contenders),
          "per 10,000 tasks", 100, "page");
      log("scenario 7: the minimal server: single get ×" + ChildMain.GETS + ", " + interleavedShape(1));
      minimalRows("7b Minimal server: 1 task × 2,000, sequential", interleaved("get", target, 1, contenders),
          "per 2,000 gets", ChildMain.GETS, "call");
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * The rows of scenario 7: each contender's median wall time, calling-thread CPU and whole-JVM CPU per
   * operation; the connector's verdict against the official client on both, from the 95% intervals of
   * the medians: faster or slower only when the intervals do not overlap.
   */
  private void minimalRows(String scenario, Map<Contender, Samples> stats, String unit, int requests, String per) {
    Samples official = stats.get(Contender.OFFICIAL);
    double raw = median(stats.get(Contender.RAW));
    for (Contender contender : List.of(Contender.RAW, Contender.GSON, Contender.CONNECTOR, Contender.OFFICIAL,
        Contender.WIRE)) {
      Samples st = stats.get(contender);
      double median = st.median();
      double[] interval = st.medianInterval();
      String target = "";
      String status = "";
      if (contender == Contender.CONNECTOR) {
        target = "at or below the official client, wall and calling-thread CPU";
        String wall = verdict(interval, official.medianInterval());
        String cpu = verdict(threadCpuInterval(st), threadCpuInterval(official));
        boolean met = !wall.equals("slower") && !cpu.equals("slower");
        status = (met ? "met" : "**missed**") + " (wall: " + wall + ", thread CPU: " + cpu + ")";
      } else if (contender == Contender.WIRE) {
        target = "calibration: no JSON parsed";
      }
      String notes = Report.fmt("%.0f µs/%s wall, %.0f µs/%s calling-thread CPU; %s; n=%d, median's 95%% interval "
              + "%.1f–%.1f ms; calling-thread CPU %s, whole-JVM CPU %s per operation", median * 1000 / requests, per,
          st.threadCpuMedian() * 1000 / requests, per, unit, st.values().size(), interval[0], interval[1],
          Report.ms(st.threadCpuMedian()), Report.ms(st.cpuMedian()));
      report.add(new Report.Row(scenario, contender.label(), Report.ms(median), Report.ratio(median, raw), target,
          status, notes));
    }
  }

  /** The 95% interval of the median calling-thread CPU per operation (one sample per turn). */
  private static double[] threadCpuInterval(Samples samples) {
    return new Samples(samples.threadCpuPerOp(), List.of()).medianInterval();
  }

  /** "faster", "slower" or "level" for {@code a} against {@code b}, from their medians' 95% intervals. */
  static String verdict(double[] a, double[] b) {
    if (a[1] < b[0]) {
      return "faster";
    }
    if (a[0] > b[1]) {
      return "slower";
    }
    return "level";
  }

  // ---- child JVMs ----

  /** One child JVM's BENCH lines, each with the time since the process was started. */
  record ChildRun(int exitCode, List<Long> nanos, List<Map<String, String>> lines) {
    Map<String, String> first(String key) {
      for (Map<String, String> line : lines) {
        if (line.containsKey(key)) {
          return line;
        }
      }
      return null;
    }

    long nanosOf(String key) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).containsKey(key)) {
          return nanos.get(i);
        }
      }
      return -1;
    }

    String error() {
      Map<String, String> error = first("error");
      return exitCode == 0 ? null : error != null ? error.get("error") : "exit code " + exitCode;
    }
  }

  private String classpath(Contender contender) {
    return classpath(home, contender);
  }

  /** The classpath of a contender's child JVMs: the bench's code and that contender's dependencies. */
  static String classpath(Path home, Contender contender) {
    String bench = BenchMain.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    Path file = home.resolve("classpath-" + contender.name().toLowerCase() + ".txt");
    try {
      String deps = Files.readString(file).trim();
      return bench + (deps.isEmpty() ? "" : File.pathSeparator + deps);
    } catch (IOException e) {
      // Not built by the bench's pom (an IDE run): the whole classpath.
      return System.getProperty("java.class.path");
    }
  }

  private ChildRun child(Contender contender, List<String> jvmFlags, String logName, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(classpath(contender));
    command.add(CHILD);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve(logName).toFile()));
    List<Long> nanos = new ArrayList<>();
    List<Map<String, String>> lines = new ArrayList<>();
    long start = System.nanoTime();
    Process process = builder.start();
    ScheduledFuture<?> kill = watchdog.schedule(process::destroyForcibly, 10, TimeUnit.MINUTES);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        long at = System.nanoTime() - start;
        if (line.startsWith("BENCH ")) {
          Map<String, String> values = new LinkedHashMap<>();
          for (String pair : line.substring(6).split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
          nanos.add(at);
          lines.add(values);
        }
      }
    }
    int code = process.waitFor();
    kill.cancel(false);
    return new ChildRun(code, nanos, lines);
  }

  // ---- scenario 3 ----

  private void download(Target target) throws IOException, InterruptedException {
    log("scenario 3: download of 256 MiB, child JVMs at -Xmx64m, " + plan.downloadRounds() + " round(s) of "
        + plan.downloadWarmups() + " warm-up + " + plan.downloadRuns() + " measured downloads per contender...");
    Map<Contender, List<Double>> seconds = new EnumMap<>(Contender.class);
    Map<Contender, List<Double>> cpuSeconds = new EnumMap<>(Contender.class);
    Map<Contender, Long> peak = new EnumMap<>(Contender.class);
    Map<Contender, String> errors = new EnumMap<>(Contender.class);
    for (int round = 0; round < plan.downloadRounds(); round++) {
      List<Contender> order = round % 2 == 0 ? List.of(Contender.RAW, Contender.CONNECTOR)
          : List.of(Contender.CONNECTOR, Contender.RAW);
      for (Contender contender : order) {
        List<String> args = new ArrayList<>(List.of("download", contender.name(),
            Integer.toString(plan.downloadWarmups()), Integer.toString(plan.downloadRuns())));
        args.addAll(target.args());
        ChildRun run = child(contender, List.of("-Xmx64m"), "download-" + contender.name().toLowerCase() + ".log",
            args);
        if (run.error() != null) {
          errors.put(contender, run.error());
          continue;
        }
        for (Map<String, String> line : run.lines()) {
          if (line.containsKey("run")) {
            if (Long.parseLong(line.get("bytes")) != ATTACHMENT_BYTES) {
              errors.put(contender, "copied " + line.get("bytes") + " bytes");
            }
            seconds.computeIfAbsent(contender, c -> new ArrayList<>()).add(Long.parseLong(line.get("nanos")) / 1e9);
            cpuSeconds.computeIfAbsent(contender, c -> new ArrayList<>()).add(Long.parseLong(line.get("cpu")) / 1e9);
          }
        }
        Map<String, String> heap = run.first("peakAfterGc");
        peak.merge(contender, Long.parseLong(heap.get("peakAfterGc")), Math::max);
      }
    }
    String scenario = "3 Download: 256 MiB attachment, -Xmx64m";
    double raw = throughput(seconds.get(Contender.RAW));
    double rawCpu = cpuSeconds.containsKey(Contender.RAW) ? medianOf(cpuSeconds.get(Contender.RAW)) : Double.NaN;
    for (Contender contender : List.of(Contender.RAW, Contender.CONNECTOR)) {
      if (errors.containsKey(contender)) {
        report.add(new Report.Row(scenario, contender.label(), "failed", "—", "", contender == Contender.CONNECTOR
            ? "**missed**" : "", errors.get(contender)));
        continue;
      }
      double mibPerSecond = throughput(seconds.get(contender));
      String goal = contender == Contender.RAW ? "the floor" : "≥ 0.90× raw throughput, at -Xmx64m";
      String status = contender == Contender.RAW ? "" : mibPerSecond >= 0.9 * raw ? "met" : "**missed**";
      report.add(new Report.Row(scenario, contender.label(), Report.fmt("%,.0f MiB/s", mibPerSecond),
          Report.ratio(mibPerSecond, raw), goal, status,
          Report.fmt("median of %d downloads: %.2f s each, whole-JVM CPU %.2f s each (%.2f× raw's); peak heap "
              + "after GC %s", seconds.get(contender).size(), medianOf(seconds.get(contender)),
              medianOf(cpuSeconds.get(contender)), medianOf(cpuSeconds.get(contender))
                  / rawCpu, Report.mib(peak.get(contender)))));
    }
  }

  private static double throughput(List<Double> seconds) {
    return seconds == null || seconds.isEmpty() ? Double.NaN : ATTACHMENT_BYTES / (double) (1 << 20) / medianOf(seconds);
  }

  static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ---- scenario 4 ----

  private void scale() throws IOException, InterruptedException {
    log("scenario 4: 100,000 tasks at -Xmx64m, one child JVM per contender...");
    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(6).bigProjectTasks(SCALE_TASKS).build()) {
      sandbox.start();
      Target target = new Target(sandbox.baseUrl().toString(), sandbox.token(), sandbox.data().bigProjectGid(), "-",
          "");
      // Warm the sandbox so that the first contender does not wait for its JIT.
      try (TaskReads wire = Contender.WIRE.open(target)) {
        wire.listProjectTasks(target.projectGid(), page -> { });
      }
      String scenario = "4 Scale: 100,000 tasks, -Xmx64m";
      List<Contender> contenders = List.of(Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL);
      Map<Contender, List<Map<String, String>>> runs = new EnumMap<>(Contender.class);
      Map<Contender, String> errors = new EnumMap<>(Contender.class);
      int rounds = plan.quick() ? 1 : 3;
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < contenders.size(); i++) {
          Contender contender = contenders.get((i + round) % contenders.size());
          List<String> args = new ArrayList<>(List.of("scale", contender.name()));
          args.addAll(target.args());
          ChildRun run = child(contender, List.of("-Xmx64m"), "scale-" + contender.name().toLowerCase() + ".log",
              args);
          Map<String, String> result = run.first("count");
          if (run.error() != null || result == null) {
            errors.put(contender, String.valueOf(run.error()));
            continue;
          }
          runs.computeIfAbsent(contender, c -> new ArrayList<>()).add(result);
        }
      }
      double rawPeak = Double.NaN;
      for (Contender contender : contenders) {
        List<Map<String, String>> results = runs.get(contender);
        if (errors.containsKey(contender) || results == null) {
          report.add(new Report.Row(scenario, contender.label(), "failed", "—", "", contender == Contender.CONNECTOR
              ? "**missed**" : "", String.valueOf(errors.get(contender))));
          continue;
        }
        double peak = medianOf(results.stream().map(r -> (double) Long.parseLong(r.get("peakAfterGc"))).toList());
        double seconds = medianOf(results.stream().map(r -> Long.parseLong(r.get("nanos")) / 1e9).toList());
        if (contender == Contender.RAW) {
          rawPeak = peak;
        }
        // Flat in every run: the live heap at the end within 1 MiB of the live heap at 10,000 tasks.
        boolean flat = results.stream().allMatch(r -> Long.parseLong(r.get("count")) == SCALE_TASKS
            && Long.parseLong(r.get("liveAtEnd")) <= Long.parseLong(r.get("liveAt10k")) + (1 << 20));
        Map<String, String> last = results.get(results.size() - 1);
        String live = Report.fmt("%s / %s / %s", Report.mib(Long.parseLong(last.get("liveAt10k"))),
            Report.mib(Long.parseLong(last.get("liveAt50k"))), Report.mib(Long.parseLong(last.get("liveAtEnd"))));
        String goal = contender == Contender.CONNECTOR ? "runs at -Xmx64m, memory flat" : "";
        String status = contender == Contender.CONNECTOR ? (flat ? "met" : "**missed**") : "";
        report.add(new Report.Row(scenario, contender.label(), "peak " + Report.mib(peak),
            Report.ratio(peak, rawPeak), goal, status,
            Report.fmt("median of %d runs (order rotated): 100,000 tasks in %.1f s; live heap after full GC at "
                + "10k / 50k / 100k tasks (last run): %s; %s GCs", results.size(), seconds, live, last.get("gcs"))));
      }
    }
  }

  // ---- scenario 5 ----

  private void rateLimited(RateLimitedExtraction.Config config) throws InterruptedException {
    log(Report.fmt("scenario 5: rate-limited extraction, %d threads%s: 20 projects × %,d tasks, sandbox limits "
        + "%,d requests/min (sliding 60 s window) and %d concurrent, %d ms per answer...", config.threads(),
        config.paced() ? "" : " (control: the connector not told the rate)", config.tasksPerProject(),
        config.requestsPerMinute(), config.maxConcurrent(), config.latency().toMillis()));
    RateLimitedExtraction.Outcome outcome = RateLimitedExtraction.run(config);
    String scenario = Report.fmt("5%s Rate-limited extraction: %d threads%s",
        !config.paced() ? "c" : config.threads() < 10 ? "a" : "b", config.threads(),
        config.paced() ? "" : ", no pacing (control)");
    // Lower bound: at least 90% of the allowed rate. Upper bound: the sandbox's sliding window never had to
    // refuse a request (a client faster than the rate over any 60 s gets 429s, even if it retries them).
    boolean withinBounds = outcome.fractionOfAllowed() >= 0.90 && outcome.sandbox429() == 0
        && outcome.surfaced429() == 0 && outcome.otherErrors() == 0 && outcome.tasks() == outcome.expectedTasks();
    String status;
    String goal;
    if (config.paced()) {
      goal = "≥ 90% of the allowed rate, 0 429s sent by the sandbox, run ≥ 70 s";
      status = withinBounds && outcome.seconds() >= 70 ? "met" : withinBounds ? "met (run shorter than 70 s)"
          : "**missed**";
    } else {
      goal = "must fail: shows the scenario catches a client over the rate";
      status = withinBounds ? "**did not fail**" : "failed, as it must";
    }
    report.add(new Report.Row(scenario, Contender.CONNECTOR.label(),
        Report.fmt("%.1f%% of allowed rate", 100 * outcome.fractionOfAllowed()), "—", goal, status,
        Report.fmt("%,d requests answered in %.1f s = %,.0f/min of %,d allowed; 429s the sandbox sent: %d "
                + "(retried inside); 429s surfaced to the caller: %d; other errors: %d; peak concurrency %d of %d; "
                + "%,d of %,d tasks%s",
            outcome.answered(), outcome.seconds(), outcome.requestsPerMinute(), config.requestsPerMinute(),
            outcome.sandbox429(), outcome.surfaced429(), outcome.otherErrors(), outcome.peakConcurrent(),
            config.maxConcurrent(), outcome.tasks(), outcome.expectedTasks(),
            outcome.firstError().isEmpty() ? "" : "; first error: " + outcome.firstError())));
  }

  // ---- scenario 6 ----

  private void coldStart(Target target) throws IOException, InterruptedException {
    log("scenario 6: cold start, " + plan.coldRounds() + " fresh JVMs per contender...");
    List<Contender> contenders = List.of(Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL);
    Map<Contender, List<Double>> first = new EnumMap<>(Contender.class);
    Map<Contender, List<Double>> all = new EnumMap<>(Contender.class);
    Map<Contender, String> errors = new EnumMap<>(Contender.class);
    for (int round = 0; round < plan.coldRounds(); round++) {
      for (int i = 0; i < contenders.size(); i++) {
        Contender contender = contenders.get((i + round) % contenders.size());
        List<String> args = new ArrayList<>(List.of("cold", contender.name()));
        args.addAll(target.args());
        ChildRun run = child(contender, List.of(), "cold-" + contender.name().toLowerCase() + ".log", args);
        if (run.error() != null) {
          errors.put(contender, run.error());
          continue;
        }
        first.computeIfAbsent(contender, c -> new ArrayList<>()).add(run.nanosOf("first") / 1e6);
        all.computeIfAbsent(contender, c -> new ArrayList<>()).add(run.nanosOf("all") / 1e6);
      }
    }
    coldRows("6a Cold start: JVM start → first page", first, errors);
    coldRows("6b Cold start: JVM start → all 10,000 tasks", all, errors);
  }

  private void coldRows(String scenario, Map<Contender, List<Double>> millis, Map<Contender, String> errors) {
    double raw = millis.containsKey(Contender.RAW) ? medianOf(millis.get(Contender.RAW)) : Double.NaN;
    for (Contender contender : List.of(Contender.RAW, Contender.CONNECTOR, Contender.OFFICIAL)) {
      List<Double> values = millis.get(contender);
      if (values == null) {
        report.add(new Report.Row(scenario, contender.label(), "failed", "—", "", "", String.valueOf(errors.get(contender))));
        continue;
      }
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      report.add(new Report.Row(scenario, contender.label(), Report.ms(medianOf(values)),
          Report.ratio(medianOf(values), raw), contender == Contender.RAW ? "the floor" : "", "",
          Report.fmt("%d fresh JVMs, min %.0f, max %.0f ms", values.size(), sorted.get(0),
              sorted.get(sorted.size() - 1))));
    }
  }

  /** The JVM's own view of the machine, for the report. */
  static final class MachineInfo {
    private MachineInfo() {
    }

    static String describe() {
      String cpu = "unknown CPU";
      long memKb = -1;
      try {
        for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
          if (line.startsWith("model name")) {
            cpu = line.substring(line.indexOf(':') + 1).trim();
            break;
          }
        }
        for (String line : Files.readAllLines(Paths.get("/proc/meminfo"))) {
          if (line.startsWith("MemTotal:")) {
            memKb = Long.parseLong(line.replaceAll("\\D+", ""));
          }
        }
      } catch (IOException | UncheckedIOException | NumberFormatException e) {
        // not Linux: the JVM's view below is still there
      }
      return Report.fmt("%s, %d cores visible to the JVM, %s RAM; %s %s (%s); JDK %s (%s)", cpu,
          Runtime.getRuntime().availableProcessors(), memKb > 0 ? Report.fmt("%.0f GiB", memKb / 1048576.0) : "?",
          System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
          System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"))
          + "; orchestrator JVM " + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
  }
}
