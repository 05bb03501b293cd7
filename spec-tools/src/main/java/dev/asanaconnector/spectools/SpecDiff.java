package dev.asanaconnector.spectools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The operation-level difference between the pinned spec and a new one. */
final class SpecDiff {
  enum Kind {
    ADDED("+"), REMOVED("-"), CHANGED("~");

    final String sign;

    Kind(String sign) {
      this.sign = sign;
    }
  }

  /** One added, removed or changed operation. For a change, what changed, grouped by aspect. */
  record Change(Kind kind, OperationShape before, OperationShape after, Map<String, List<String>> aspects) {
    String id() {
      return (after != null ? after : before).id();
    }

    /** One line: {@code ~ getUser  GET /users/{user_gid}: params -workspace; response fields +email}. */
    String line() {
      OperationShape shape = after != null ? after : before;
      StringBuilder line = new StringBuilder(kind.sign).append(' ').append(shape.id()).append("  ")
          .append(shape.where());
      if (!aspects.isEmpty()) {
        List<String> parts = new ArrayList<>();
        aspects.forEach((aspect, details) -> parts.add(aspect + " " + String.join(" ", details)));
        line.append(": ").append(String.join("; ", parts));
      }
      return line.toString();
    }
  }

  final Map<String, OperationShape> pinned;
  final Map<String, OperationShape> next;
  final List<Change> changes = new ArrayList<>();

  SpecDiff(Map<String, OperationShape> pinned, Map<String, OperationShape> next) {
    this.pinned = pinned;
    this.next = next;
    for (OperationShape after : next.values()) {
      OperationShape before = pinned.get(after.id());
      if (before == null) {
        changes.add(new Change(Kind.ADDED, null, after, Map.of()));
      } else {
        Map<String, List<String>> aspects = compare(before, after);
        if (!aspects.isEmpty()) {
          changes.add(new Change(Kind.CHANGED, before, after, aspects));
        }
      }
    }
    for (OperationShape before : pinned.values()) {
      if (!next.containsKey(before.id())) {
        changes.add(new Change(Kind.REMOVED, before, null, Map.of()));
      }
    }
    changes.sort(Comparator.comparing((Change c) -> c.kind()).thenComparing(Change::id));
  }

  static SpecDiff of(OpenApiDocument pinned, OpenApiDocument next) {
    return new SpecDiff(OperationShape.of(pinned), OperationShape.of(next));
  }

  long count(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** {@code operations: P pinned, N new, +A added, -R removed, ~C changed}. */
  String counts() {
    return "operations: " + pinned.size() + " pinned, " + next.size() + " new, +" + count(Kind.ADDED) + " added, -"
        + count(Kind.REMOVED) + " removed, ~" + count(Kind.CHANGED) + " changed";
  }

  private static Map<String, List<String>> compare(OperationShape before, OperationShape after) {
    Map<String, List<String>> aspects = new LinkedHashMap<>();
    if (!before.where().equals(after.where())) {
      aspects.put("moved", List.of(before.where() + " -> " + after.where()));
    }
    if (!before.tags().equals(after.tags())) {
      aspects.put("tags", List.of(before.tags() + " -> " + after.tags()));
    }
    List<String> params = new ArrayList<>(fields(before.params(), after.params()));
    // Same parameters in another order reorder the generated method's parameters too.
    List<String> orderBefore = commonOrder(before.params(), after.params());
    List<String> orderAfter = commonOrder(after.params(), before.params());
    if (!orderBefore.equals(orderAfter)) {
      params.add("~order(" + String.join(",", orderBefore) + " -> " + String.join(",", orderAfter) + ")");
    }
    put(aspects, "params", params);
    put(aspects, "body fields", fields(before.bodyFields(), after.bodyFields()));
    put(aspects, "response fields", fields(before.responseFields(), after.responseFields()));
    return aspects;
  }

  private static void put(Map<String, List<String>> aspects, String aspect, List<String> details) {
    if (!details.isEmpty()) {
      aspects.put(aspect, details);
    }
  }

  /** {@code +added}, {@code -removed} and {@code ~changed(old -> new)} names, in that order. */
  static List<String> fields(Map<String, String> before, Map<String, String> after) {
    List<String> details = new ArrayList<>();
    after.keySet().stream().filter(name -> !before.containsKey(name)).sorted()
        .forEach(name -> details.add("+" + name));
    before.keySet().stream().filter(name -> !after.containsKey(name)).sorted()
        .forEach(name -> details.add("-" + name));
    before.keySet().stream().filter(after::containsKey).sorted()
        .filter(name -> !Objects.equals(before.get(name), after.get(name)))
        .forEach(name -> details.add("~" + name + "(" + before.get(name) + " -> " + after.get(name) + ")"));
    return details;
  }

  /** The keys of {@code a} that {@code b} has too, in {@code a}'s order. */
  private static List<String> commonOrder(Map<String, String> a, Map<String, String> b) {
    return a.keySet().stream().filter(b::containsKey).toList();
  }
}
