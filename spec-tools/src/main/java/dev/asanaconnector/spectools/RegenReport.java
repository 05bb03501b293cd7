package dev.asanaconnector.spectools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report of {@code scripts/regen-check}: the operation diff between the pinned spec and a new one,
 * what of it {@code core} uses, what the build against the new spec says broke, and the summary line
 *
 * <pre>operations: P pinned, N new, +A added, -R removed, ~C changed; core: OK</pre>
 *
 * <p>(or {@code core: BROKEN: what broke}). Commands:
 * <ul>
 *   <li>{@code report --pinned SPEC --new SPEC [--core DIR] [--build-log FILE --build-exit CODE]}:
 *       the whole report; exits 0 only when the build exited 0.
 *   <li>{@code diff PINNED NEW}: the diff lines and the counts.
 *   <li>{@code count SPEC}: the number of operations of a spec.
 *   <li>{@code usage SPEC CORE_DIR}: the API interfaces, operations and models core uses.
 * </ul>
 */
public final class RegenReport {
  private final SpecDiff diff;
  private final OpenApiDocument pinnedDocument;
  private final OpenApiDocument newDocument;

  RegenReport(OpenApiDocument pinned, OpenApiDocument next) {
    this.pinnedDocument = pinned;
    this.newDocument = next;
    this.diff = SpecDiff.of(pinned, next);
  }

  public static void main(String[] args) {
    try {
      System.exit(run(args, System.out));
    } catch (IllegalArgumentException e) {
      System.err.println("spec-tools: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args, PrintStream out) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: report|diff|count|usage ...");
    }
    switch (args[0]) {
      case "count":
        require(args.length == 2, "usage: count SPEC");
        out.println(OpenApiDocument.read(Path.of(args[1])).operations().size());
        return 0;
      case "diff":
        require(args.length == 3, "usage: diff PINNED NEW");
        RegenReport report = new RegenReport(OpenApiDocument.read(Path.of(args[1])),
            OpenApiDocument.read(Path.of(args[2])));
        report.diff.changes.forEach(change -> out.println(change.line()));
        out.println(report.diff.counts());
        return 0;
      case "usage":
        require(args.length == 3, "usage: usage SPEC CORE_DIR");
        OpenApiDocument spec = OpenApiDocument.read(Path.of(args[1]));
        Map<String, OperationShape> shapes = OperationShape.of(spec);
        CoreUsage usage = CoreUsage.scan(Path.of(args[2]), shapes.keySet(), spec.componentSchemas().keySet());
        out.println("API interfaces: " + String.join(", ", usage.apis));
        usage.operations.forEach((id, places) -> out.println("operation " + id + "  " + shapes.get(id).where()
            + "  (" + CoreUsage.places(places) + ")"));
        usage.models.forEach((model, places) -> out.println("model " + model
            + (spec.componentSchemas().containsKey(model) ? "" : "  (not a component schema)")
            + "  (" + CoreUsage.places(places) + ")"));
        return 0;
      case "report":
        Map<String, String> options = options(args);
        require(options.containsKey("--pinned") && options.containsKey("--new"),
            "usage: report --pinned SPEC --new SPEC [--core DIR] [--build-log FILE --build-exit CODE]");
        RegenReport full = new RegenReport(OpenApiDocument.read(Path.of(options.get("--pinned"))),
            OpenApiDocument.read(Path.of(options.get("--new"))));
        String log = options.containsKey("--build-log") ? read(Path.of(options.get("--build-log"))) : "";
        int exit = Integer.parseInt(options.getOrDefault("--build-exit", "0"));
        Path core = options.containsKey("--core") ? Path.of(options.get("--core")) : null;
        return full.print(out, core, log, exit) ? 0 : 1;
      default:
        throw new IllegalArgumentException("unknown command " + args[0] + "; use report, diff, count or usage");
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      require(args[i].startsWith("--") && i + 1 < args.length, "bad option " + args[i]);
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints the diff, what core uses that is gone or changed, what broke in the build, and the summary
   * line; returns whether the verdict is OK (the build, core's tests included, passed).
   */
  boolean print(PrintStream out, Path coreDir, String buildLog, int buildExit) {
    diff.changes.forEach(change -> out.println(change.line()));

    List<String> impacts = List.of();
    if (coreDir != null) {
      Set<String> operationIds = new TreeSet<>(diff.pinned.keySet());
      operationIds.addAll(diff.next.keySet());
      CoreUsage usage = CoreUsage.scan(coreDir, operationIds, pinnedDocument.componentSchemas().keySet());
      out.printf("core: %d source files use %d operations and %d models of the generated code%n", usage.files,
          usage.operations.size(), usage.models.size());
      impacts = impacts(usage);
    }

    List<String> reasons = new ArrayList<>();
    boolean ok = buildExit == 0;
    if (!ok) {
      BuildLog log = BuildLog.parse(buildLog);
      for (BuildLog.Failure failure : log.failures) {
        out.println("broken: " + failure.describe() + " against the new spec");
        String count = "";
        if (failure.stage().contains("compilation")) {
          log.compileErrors.stream().limit(25).forEach(error -> out.println("  " + error));
          count = " (" + plural(log.compileErrors.size(), "compiler error") + ")";
        } else if (failure.stage().equals("tests")) {
          log.failedTests.stream().limit(25).forEach(test -> out.println("  " + test));
          count = " (" + plural(log.failedTests.size(), "failing test") + ")";
        } else {
          out.println("  " + failure.message());
        }
        reasons.add(failure.describe() + count);
      }
      if (log.failures.isEmpty()) {
        log.otherErrors.stream().limit(10).forEach(error -> out.println("  " + error));
        reasons.add("the build failed (exit " + buildExit + ")");
      }
    }
    if (!impacts.isEmpty()) {
      out.println((ok ? "note" : "broken") + ": generated names core uses that are gone or changed in the new spec:");
      impacts.forEach(impact -> out.println("  " + impact));
      if (!ok) {
        impacts.stream().limit(3).map(impact -> impact.replaceAll(" \\(used at [^)]*\\)", ""))
            .forEach(reasons::add);
        if (impacts.size() > 3) {
          reasons.add((impacts.size() - 3) + " more listed above");
        }
      }
    }
    out.println(diff.counts() + "; core: " + (ok ? "OK" : "BROKEN: " + String.join("; ", reasons)));
    return ok;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** {@code -due_on} or {@code ~due_on(string -> integer)} to {@code due_on}. */
  private static String fieldName(String detail) {
    return detail.substring(1).replaceAll("\\(.*", "");
  }

  /** The operations and models core uses that the new spec removes or changes in a way that matters. */
  List<String> impacts(CoreUsage usage) {
    List<String> impacts = new ArrayList<>();
    Map<String, SpecDiff.Change> changes = new HashMap<>();
    diff.changes.forEach(change -> changes.put(change.id(), change));
    usage.operations.forEach((id, places) -> {
      SpecDiff.Change change = changes.get(id);
      if (change == null || change.kind() == SpecDiff.Kind.ADDED) {
        return;
      }
      String used = " (used at " + CoreUsage.places(places) + ")";
      if (change.kind() == SpecDiff.Kind.REMOVED) {
        impacts.add("operation " + id + " is gone" + used);
        return;
      }
      List<String> parts = new ArrayList<>();
      change.aspects().forEach((aspect, details) -> {
        // Any parameter change alters the generated method's parameter list; of fields, only those
        // gone or retyped can break a caller.
        List<String> relevant = aspect.equals("params") || aspect.equals("moved") || aspect.equals("tags") ? details
            : details.stream().filter(d -> !d.startsWith("+") && usage.usesField(fieldName(d))).toList();
        if (!relevant.isEmpty()) {
          parts.add(aspect + " " + String.join(" ", relevant));
        }
      });
      if (!parts.isEmpty()) {
        impacts.add("operation " + id + ": " + String.join("; ", parts) + used);
      }
    });
    Map<String, Object> pinnedSchemas = pinnedDocument.componentSchemas();
    Map<String, Object> newSchemas = newDocument.componentSchemas();
    usage.models.forEach((model, places) -> {
      if (!pinnedSchemas.containsKey(model)) {
        return; // an inline model (GetTask200Response...), covered by its operation
      }
      String used = " (used at " + CoreUsage.places(places) + ")";
      if (!newSchemas.containsKey(model)) {
        impacts.add("model " + model + " is gone" + used);
        return;
      }
      Map<String, String> before = pinnedDocument.properties(pinnedSchemas.get(model));
      Map<String, String> after = newDocument.properties(newSchemas.get(model));
      List<String> fields = SpecDiff.fields(before, after).stream()
          .filter(d -> !d.startsWith("+"))
          .filter(d -> usage.usesField(fieldName(d)))
          .toList();
      if (!fields.isEmpty()) {
        impacts.add("model " + model + ": fields " + String.join(" ", fields) + used);
      }
    });
    // What breaks compilation first (gone, moved, a different parameter list), then field changes.
    impacts.sort(java.util.Comparator.comparing(impact -> impact.contains(" is gone") || impact.contains(": params ")
        || impact.contains(": moved ") || impact.contains(": tags ") ? 0 : 1));
    return impacts;
  }
}
