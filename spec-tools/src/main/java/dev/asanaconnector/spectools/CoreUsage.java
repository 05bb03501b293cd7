package dev.asanaconnector.spectools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which generated names {@code core}'s sources use, found by scanning them: operation methods (calls
 * {@code .getTask(} and operationId strings {@code "getTask"}), model classes (imports and qualified
 * names of {@code dev.asanaconnector.generated.model}), API interfaces, and every method name called
 * (to tell which model accessors are used).
 */
final class CoreUsage {
  private static final Pattern CALL = Pattern.compile("\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern MODEL = Pattern.compile("dev\\.asanaconnector\\.generated\\.model\\.([A-Z][\\w$]*)");
  private static final Pattern API = Pattern.compile("dev\\.asanaconnector\\.generated\\.api\\.([A-Z][\\w$]*)");
  private static final Pattern WILDCARD_MODEL = Pattern.compile("import\\s+dev\\.asanaconnector\\.generated\\.model\\.\\*");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b([A-Z][\\w$]*)\\b");

  /** Operation id to the places ({@code File.java:line}) that use it. */
  final Map<String, Set<String>> operations = new TreeMap<>();
  /** Model class name to the places that use it. */
  final Map<String, Set<String>> models = new TreeMap<>();
  final Set<String> apis = new TreeSet<>();
  final Set<String> calledMethods = new TreeSet<>();
  /** Word tokens of every string literal ({@code "name,assignee.name"} gives name, assignee). */
  final Set<String> literalTokens = new TreeSet<>();
  int files;

  /**
   * Scans the Java sources under {@code coreDir} (main and test) for uses of {@code operationIds}
   * and of models, {@code componentSchemas} standing for the model names when a file imports the
   * whole model package.
   */
  static CoreUsage scan(Path coreDir, Set<String> operationIds, Set<String> componentSchemas) {
    CoreUsage usage = new CoreUsage();
    Path sources = coreDir.resolve("src");
    if (!Files.isDirectory(sources)) {
      return usage;
    }
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        usage.files++;
        usage.scanFile(file, Files.readString(file, StandardCharsets.UTF_8), operationIds, componentSchemas);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return usage;
  }

  private void scanFile(Path file, String text, Set<String> operationIds, Set<String> componentSchemas) {
    String name = file.getFileName().toString();
    boolean wildcard = WILDCARD_MODEL.matcher(text).find();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]);
      String place = name + ":" + (i + 1);
      for (Matcher m = CALL.matcher(line); m.find(); ) {
        calledMethods.add(m.group(1));
        if (operationIds.contains(m.group(1))) {
          add(operations, m.group(1), place);
        }
      }
      for (Matcher m = STRING.matcher(line); m.find(); ) {
        if (operationIds.contains(m.group(1))) {
          add(operations, m.group(1), place);
        }
        for (String token : m.group(1).split("[^A-Za-z0-9_]+")) {
          if (!token.isEmpty()) {
            literalTokens.add(token);
          }
        }
      }
      for (Matcher m = MODEL.matcher(line); m.find(); ) {
        add(models, m.group(1), place);
      }
      for (Matcher m = API.matcher(line); m.find(); ) {
        apis.add(m.group(1));
      }
      if (wildcard) {
        for (Matcher m = IDENTIFIER.matcher(line); m.find(); ) {
          if (componentSchemas.contains(m.group(1))) {
            add(models, m.group(1), place);
          }
        }
      }
    }
  }

  private static String stripComment(String line) {
    String trimmed = line.trim();
    if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) {
      return "";
    }
    return line;
  }

  private static void add(Map<String, Set<String>> map, String key, String place) {
    map.computeIfAbsent(key, k -> new TreeSet<>()).add(place);
  }

  /**
   * Whether core may use the field {@code property}: it calls an accessor of it ({@code getDueOn},
   * {@code dueOn(}) or names it in a string (an opt_fields list, a record field name).
   */
  boolean usesField(String property) {
    return literalTokens.contains(property) || usesAccessor(property);
  }

  /** Whether core calls an accessor of the property {@code property} ({@code getDueOn}, {@code dueOn(}). */
  boolean usesAccessor(String property) {
    String camel = camel(property);
    String upper = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    return calledMethods.contains("get" + upper) || calledMethods.contains("set" + upper)
        || calledMethods.contains(camel);
  }

  /** The generator's camelCase of a property name: {@code due_on} to {@code dueOn}. */
  static String camel(String property) {
    StringBuilder out = new StringBuilder();
    for (String part : property.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) {
        continue;
      }
      out.append(out.length() == 0 ? Character.toLowerCase(part.charAt(0)) : Character.toUpperCase(part.charAt(0)))
          .append(part.substring(1));
    }
    return out.length() == 0 ? property : out.toString();
  }

  /** Short list of places for a report: the first few, then how many more. */
  static String places(Set<String> places) {
    List<String> list = List.copyOf(places);
    return list.size() <= 3 ? String.join(", ", list)
        : String.join(", ", list.subList(0, 3)) + " and " + (list.size() - 3) + " more";
  }
}
