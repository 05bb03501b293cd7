package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asanaconnector.generated.support.Operation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec the build used is a generated method, and nothing else is: compares the
 * spec's operationIds with the {@code @Operation} annotations of the compiled interfaces in
 * {@code dev.asanaconnector.generated.api}.
 */
class OperationsMatchSpecTest {
  private static final String API_PACKAGE = "dev.asanaconnector.generated.api";

  private static Spec spec;
  private static Map<String, Method> generated;

  @BeforeAll
  static void scan() throws IOException, ClassNotFoundException, URISyntaxException {
    spec = Spec.get();
    generated = new TreeMap<>();
    List<String> duplicates = new ArrayList<>();
    for (Class<?> api : apiInterfaces()) {
      for (Method method : api.getDeclaredMethods()) {
        Operation operation = method.getAnnotation(Operation.class);
        if (operation == null) {
          continue;
        }
        Method previous = generated.put(operation.id(), method);
        if (previous != null) {
          duplicates.add(operation.id() + " on " + previous.getDeclaringClass().getSimpleName() + " and "
              + api.getSimpleName());
        }
      }
    }
    assertTrue(duplicates.isEmpty(), () -> "operations generated twice: " + duplicates);
  }

  /** The interfaces compiled into this module's classes directory (wherever the build put it). */
  static List<Class<?>> apiInterfaces() throws IOException, ClassNotFoundException, URISyntaxException {
    Path classes = Path.of(Operation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path apiDir = classes.resolve(API_PACKAGE.replace('.', '/'));
    assertTrue(Files.isDirectory(apiDir), () -> "no compiled APIs at " + apiDir);
    List<Class<?>> interfaces = new ArrayList<>();
    try (Stream<Path> files = Files.list(apiDir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> type = Class.forName(API_PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
          if (type.isInterface()) {
            interfaces.add(type);
          }
        }
      }
    }
    return interfaces;
  }

  @Test
  void everySpecOperationIsGeneratedAndNothingElse() {
    Set<String> inSpec = new TreeSet<>(spec.operations.keySet());
    Set<String> missing = new TreeSet<>(inSpec);
    missing.removeAll(generated.keySet());
    Set<String> extra = new TreeSet<>(generated.keySet());
    extra.removeAll(inSpec);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail("spec " + spec.path + " and the generated interfaces differ:\n  in the spec, not generated: " + missing
          + "\n  generated, not in the spec: " + extra);
    }
    assertFalse(inSpec.isEmpty(), "the spec has no operations");
    System.out.printf("operations: %d/%d generated%n", generated.size(), inSpec.size());
  }

  @Test
  void methodNamesAreTheOperationIds() {
    List<String> misnamed = generated.entrySet().stream()
        .filter(e -> !e.getKey().equals(e.getValue().getName()))
        .map(e -> e.getKey() + " is generated as " + e.getValue().getName())
        .collect(Collectors.toList());
    assertTrue(misnamed.isEmpty(), () -> String.join("\n", misnamed));
  }

  @Test
  void annotationsCarryTheSpecMethodAndPath() {
    List<String> wrong = new ArrayList<>();
    for (Spec.Op op : spec.operations.values()) {
      Method method = generated.get(op.id());
      if (method == null) {
        continue; // reported by everySpecOperationIsGeneratedAndNothingElse
      }
      Operation operation = method.getAnnotation(Operation.class);
      if (!operation.method().equals(op.method()) || !operation.path().equals(op.path())) {
        wrong.add(op.id() + ": spec " + op.method() + " " + op.path() + ", generated " + operation.method() + " "
            + operation.path());
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  @Test
  void countMatchesThePinWhenThePinnedSpecIsUsed() {
    int count = spec.operations.size();
    assertEquals(count, generated.size(), "generated operations");
    String pinned = Spec.pin().getProperty("spec.operations");
    if (spec.isPinned()) {
      assertEquals(Integer.parseInt(pinned), count,
          "operations in the pinned spec (openapi/spec.properties spec.operations)");
    } else {
      // Another version (-Dasana.spec=...): the count is whatever that version has, compared above.
      System.out.printf("spec %s is not the pinned version: %d operations generated (pin has %s)%n",
          spec.path, count, pinned);
    }
  }

  @Test
  void operationIdsFoundByAPlainLineScanAgree() throws IOException {
    // An independent reading of the same file: every `operationId:` line.
    Set<String> scanned;
    try (Stream<String> lines = Files.lines(spec.path)) {
      scanned = lines.map(String::trim).filter(line -> line.startsWith("operationId:"))
          .map(line -> line.substring("operationId:".length()).trim().replaceAll("^['\"]|['\"]$", ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(scanned, new TreeSet<>(generated.keySet()));
  }
}
