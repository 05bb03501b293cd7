package dev.asanaconnector.cli;

import dev.asanaconnector.AsanaClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Help text, from the same action descriptions that {@code execute} validates against. */
final class Help {
  private static final String USAGE = "usage: scripts/asana [--token T] [--base-url URL] [--sandbox] [--all] "
      + "[--jsonl] [--output FILE] [--dry-run] ENTITY ACTION [--PARAM VALUE ...]\n"
      + "The options may also follow ENTITY ACTION; write --PARAM=VALUE for a value that starts with --.\n";
  private static final String WRITES = "create, update and delete change Asana and print the record created or "
      + "updated ({} when there is none,\nas for a delete). --dry-run prints the request a write would send and "
      + "sends nothing. List parameters\ntake comma-separated gids. In an update, --PARAM null clears a field "
      + "marked 'null clears it'.\n\n";

  private Help() {
  }

  static boolean known(String entity, String action) {
    return find(entity, action) != null || (action == null && AsanaClient.describe().stream()
        .anyMatch(tool -> tool.get("entity").equals(entity)));
  }

  static String text(String entity, String action) {
    if (entity == null) {
      Map<String, String> actions = new LinkedHashMap<>();
      for (Map<String, Object> tool : AsanaClient.describe()) {
        actions.merge((String) tool.get("entity"), (String) tool.get("action"), (a, b) -> a + ", " + b);
      }
      return USAGE + "\nEntities and actions:\n" + actions.entrySet().stream()
          .map(e -> String.format("  %-24s %s", e.getKey(), e.getValue())).collect(Collectors.joining("\n"))
          + "\n\n" + WRITES + "scripts/asana ENTITY ACTION --help lists an action's parameters.\n";
    }
    Map<String, Object> tool = find(entity, action);
    if (tool == null) {
      return "asana: no action '" + entity + (action == null ? "" : " " + action)
          + "'; scripts/asana --help lists them\n";
    }
    Map<?, ?> parameters = (Map<?, ?>) tool.get("parameters");
    List<?> required = (List<?>) parameters.get("required");
    StringBuilder text = new StringBuilder(USAGE).append('\n').append(entity).append(' ').append(action)
        .append(": ").append(tool.get("description")).append('\n');
    if (Boolean.FALSE.equals(tool.get("readOnly"))) {
      text.append("A write: sends ").append(tool.get("http"))
          .append(Boolean.TRUE.equals(tool.get("destructive")) ? " (destructive)" : "")
          .append("; --dry-run prints that request instead of sending it.\n");
    }
    text.append("\nParameters:\n");
    ((Map<?, ?>) parameters.get("properties")).forEach((name, schema) -> text.append(String.format(
        "  --%-22s %-11s %s%s%n", name, type(((Map<?, ?>) schema).get("type")),
        required.contains(name) ? "(required) " : "", ((Map<?, ?>) schema).get("description"))));
    return text.toString();
  }

  /** A clearable field's type is a list (["string", "null"]): shown as string|null. */
  private static String type(Object type) {
    return type instanceof List<?> types
        ? types.stream().map(String::valueOf).collect(Collectors.joining("|")) : String.valueOf(type);
  }

  /** The action's description from {@code AsanaClient.describe()}, or null if there is no such action. */
  static Map<String, Object> find(String entity, String action) {
    return AsanaClient.describe().stream()
        .filter(tool -> tool.get("entity").equals(entity) && tool.get("action").equals(action))
        .findFirst().orElse(null);
  }
}
