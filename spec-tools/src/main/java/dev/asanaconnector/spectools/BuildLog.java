package dev.asanaconnector.spectools;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a failed Maven build's log says broke: the failed goal per module, compiler errors, failed tests. */
final class BuildLog {
  private static final Pattern FAILED_GOAL = Pattern.compile(
      "\\[ERROR\\] Failed to execute goal [\\w.\\-]+:([\\w.\\-]+):[\\w.\\-]+:([\\w\\-]+) \\([^)]*\\) on project "
          + "([\\w.\\-]+): ?(.*)");
  private static final Pattern COMPILE_ERROR = Pattern.compile("\\[ERROR\\] (\\S+\\.java):\\[(\\d+),(\\d+)\\] (.*)");
  private static final Pattern OTHER_ERROR = Pattern.compile("\\[ERROR\\] (.+)");

  /** A goal that failed: in which module, at which stage, with Maven's message. */
  record Failure(String module, String stage, String message) {
    String describe() {
      return module + " " + stage + " failed";
    }
  }

  final List<Failure> failures = new ArrayList<>();
  final Set<String> compileErrors = new LinkedHashSet<>();
  final Set<String> failedTests = new LinkedHashSet<>();
  final List<String> otherErrors = new ArrayList<>();

  static BuildLog parse(String log) {
    BuildLog parsed = new BuildLog();
    String[] lines = log.replace("\r", "").replaceAll("\u001B\\[[;\\d]*m", "").split("\n");
    String testSection = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher goal = FAILED_GOAL.matcher(line);
      if (goal.matches()) {
        parsed.failures.add(new Failure(module(goal.group(3)), stage(goal.group(1), goal.group(2)),
            goal.group(4).trim()));
        testSection = null;
        continue;
      }
      Matcher compile = COMPILE_ERROR.matcher(line);
      if (compile.matches()) {
        StringBuilder error = new StringBuilder(shortPath(compile.group(1))).append(':').append(compile.group(2))
            .append(": ").append(compile.group(4).trim());
        // javac's detail lines (required:/found:/reason:/symbol:/location:) follow, indented.
        while (i + 1 < lines.length && lines[i + 1].startsWith("  ") && !lines[i + 1].startsWith("  [")) {
          error.append(" | ").append(lines[++i].trim().replaceAll("\\s+", " "));
        }
        // Maven repeats each error in its summary, without javac's detail lines: keep the first.
        String key = error.toString().split(" \\| ")[0];
        if (parsed.compileErrors.stream().noneMatch(e -> e.split(" \\| ")[0].equals(key))) {
          parsed.compileErrors.add(error.toString());
        }
        continue;
      }
      if (line.equals("[ERROR] Failures: ") || line.equals("[ERROR] Failures:")
          || line.equals("[ERROR] Errors: ") || line.equals("[ERROR] Errors:")) {
        testSection = line;
        continue;
      }
      if (testSection != null) {
        if (line.startsWith("[ERROR]   ") && !line.startsWith("[ERROR]   Run ")) {
          parsed.failedTests.add(line.substring("[ERROR]   ".length()).trim());
          continue;
        }
        if (line.startsWith("[ERROR]     ") || line.startsWith("[INFO]   Run ")) {
          continue; // flaky-run detail lines
        }
        testSection = null;
      }
      Matcher other = OTHER_ERROR.matcher(line);
      if (other.matches() && parsed.failures.isEmpty() && !other.group(1).isBlank()
          && !line.startsWith("[ERROR] Tests run:") && !line.contains("<<< FAILURE!")
          && !line.contains("<<< ERROR!") && !line.startsWith("[ERROR] COMPILATION ERROR")) {
        parsed.otherErrors.add(other.group(1).trim());
      }
    }
    return parsed;
  }

  /** {@code asana-connector-core} to {@code core}. */
  static String module(String artifactId) {
    return artifactId.startsWith("asana-connector-") ? artifactId.substring("asana-connector-".length())
        : artifactId;
  }

  private static String stage(String plugin, String goal) {
    if (plugin.contains("openapi-generator")) {
      return "code generation";
    }
    if (plugin.contains("compiler")) {
      return goal.equals("testCompile") ? "test compilation" : "compilation";
    }
    if (plugin.contains("surefire") || plugin.contains("failsafe")) {
      return "tests";
    }
    return plugin + ":" + goal;
  }

  /** {@code /tmp/x/core/src/main/java/dev/asanaconnector/Catalog.java} to {@code core/.../Catalog.java}. */
  static String shortPath(String path) {
    String normalized = path.replace('\\', '/');
    int target = normalized.indexOf("/target/");
    int src = target >= 0 ? target : normalized.indexOf("/src/");
    String file = normalized.substring(normalized.lastIndexOf('/') + 1);
    if (src < 0) {
      return file;
    }
    String before = normalized.substring(0, src);
    String module = before.substring(before.lastIndexOf('/') + 1);
    return module + "/" + file;
  }

  boolean failed() {
    return !failures.isEmpty();
  }
}
