package dev.asanaconnector.bench;

import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * scripts/startup-classes: writes the list of classes the connector's warm-up loads ahead of a fresh
 * JVM's calling thread ({@code core/src/main/resources/dev/asanaconnector/http/startup-classes.txt}).
 *
 * <p>A fresh JVM builds a client and lists a project against a sandbox, exactly as scenario 6 (cold start)
 * does, with the JVM's class-loading log on; the list is every class it loaded from the connector's own
 * jars and its libraries' (not the JDK's, which mostly come from the JDK's class-data archive, nor the
 * bench's or an SLF4J provider's, which are the application's choice), in the order it loaded them.
 *
 * <pre>
 * StartupClassList OUTPUT_FILE
 * </pre>
 */
public final class StartupClassList {
  /** Where the listed classes may come from: the connector's modules and the libraries it depends on. */
  private static final List<String> OWN_JARS = List.of("asana-connector-core", "asana-connector-generated",
      "/core/target/classes", "/generated/target/classes", "/okhttp-jvm-", "/okio-jvm-", "/kotlin-stdlib-",
      "/moshi-", "/retrofit-", "/converter-moshi-", "/slf4j-api-");
  /** A name segment of digits only: {@code Outer$1}, {@code Outer$1$Inner}. */
  private static final Pattern COMPILER_NAMED = Pattern.compile("\\$[0-9]+(\\$|$)");

  private StartupClassList() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StartupClassList OUTPUT_FILE");
    }
    Path out = Paths.get(args[0]);
    Path home = Paths.get(System.getProperty("bench.home", "bench/target")).toAbsolutePath();
    Path log = Files.createTempFile("class-load-", ".log");
    // An empty list ahead of the connector's own on the classpath: the JVM measured loads its classes as it
    // needs them, not in the order of the list being replaced.
    Path noList = Files.createTempDirectory("no-startup-classes-");
    Path emptyList = noList.resolve("dev/asanaconnector/http/startup-classes.txt");
    Files.createDirectories(emptyList.getParent());
    Files.writeString(emptyList, "");
    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(6).bigProjectTasks(1_000).build()) {
      sandbox.start();
      SandboxData data = sandbox.data();
      Target target = new Target(sandbox.baseUrl().toString(), sandbox.token(), data.bigProjectGid(),
          data.taskGids(data.projectGids().get(0)).get(0), "");
      List<String> command = new ArrayList<>(List.of(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xlog:class+load=info:file=" + log, "-cp",
          noList + File.pathSeparator + BenchMain.classpath(home, Contender.CONNECTOR),
          ChildMain.class.getName(), "cold", Contender.CONNECTOR.name()));
      command.addAll(target.args());
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
        child.destroyForcibly();
        throw new IllegalStateException("the cold-start JVM failed; see " + log);
      }
    }
    Set<String> names = ownClasses(Files.readAllLines(log, StandardCharsets.UTF_8));
    if (names.isEmpty()) {
      throw new IllegalStateException("no class of the connector's jars in " + log);
    }
    List<String> lines = new ArrayList<>();
    lines.add("# Classes a fresh JVM loads from the connector's and its libraries' jars to build a client and");
    lines.add("# list a project, in load order: StartupWarmup loads them ahead of the calling thread.");
    lines.add("# Written by scripts/startup-classes; rerun it after a dependency or the first-call path changes.");
    lines.addAll(names);
    Files.write(out, lines, StandardCharsets.UTF_8);
    Files.delete(log);
    for (Path made = emptyList; !made.equals(noList.getParent()); made = made.getParent()) {
      Files.delete(made); // the empty list, its folders, and the temporary folder itself
    }
    System.out.println("startup-classes: " + names.size() + " classes written to " + out);
  }

  /**
   * The names in a {@code -Xlog:class+load} log that came from the connector's jars or its libraries',
   * in order. A line reads {@code [0.123s][info][class,load] okhttp3.HttpUrl source: file:/.../okhttp.jar}.
   */
  static Set<String> ownClasses(List<String> logLines) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : logLines) {
      int tag = line.indexOf("[class,load] ");
      int source = line.indexOf(" source: ");
      if (tag < 0 || source < 0) {
        continue;
      }
      String name = line.substring(tag + 13, source).trim();
      String from = line.substring(source + 9).trim();
      boolean fromJar = from.startsWith("file:") || from.startsWith("jar:");
      if (fromJar && OWN_JARS.stream().anyMatch(from::contains) && !name.contains("$$Lambda")
          && !name.startsWith(ChildMain.class.getPackageName() + ".") && !compilerNamed(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Whether a class of the connector's own (not a library's prebuilt jar) has a name its compiler chose:
   * anonymous classes and enum switch maps ({@code ParamType$1}), which another javac names differently
   * or does not generate at all (JDK 25's javac has no switch map class where JDK 17's has one).
   */
  static boolean compilerNamed(String name) {
    return name.startsWith("dev.asanaconnector.") && COMPILER_NAMED.matcher(name).find();
  }
}
