package dev.asanaconnector.cli;

import dev.asanaconnector.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words picocli leaves once it has taken the global options (wherever they stand): ENTITY ACTION,
 * then {@code --PARAM VALUE} (or {@code --PARAM=VALUE}) pairs under the reference's parameter names.
 *
 * <p>A value is never taken from a word that starts with {@code --}: {@code --project --limit 5} is a
 * missing value for {@code project}, not the project {@code --limit}. A value that really starts with
 * {@code --} is written {@code --text=--foo}. An option-like word before ENTITY ACTION is not one of the
 * global options (picocli has taken those), so it is refused by name.
 */
final class Invocation {
  static final String GLOBAL_OPTIONS = "--token, --base-url, --sandbox, --all, --jsonl, --output, --dry-run, --help";
  /** The value that clears a field in an update (sent as JSON null). */
  static final String CLEAR = "null";

  String entity;
  String action;
  final Map<String, Object> params = new LinkedHashMap<>();

  static Invocation parse(List<String> words) {
    Invocation invocation = new Invocation();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean optionLike = word.startsWith("-") && word.length() > 1;
      if (optionLike && invocation.action == null) {
        throw new InvalidParameterException(name(word), "unknown option; the global options are "
            + GLOBAL_OPTIONS + ", and an action's --PARAM VALUE pairs follow ENTITY ACTION");
      }
      if (word.startsWith("--")) {
        String name = word.substring(2);
        int eq = name.indexOf('=');
        String value;
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else {
          value = value(words, i++, name);
        }
        if (name.isEmpty()) {
          throw new InvalidParameterException("--", "a parameter needs a name: --PARAM VALUE");
        }
        if (invocation.params.put(name, value) != null) {
          throw new InvalidParameterException(name, "given more than once");
        }
      } else if (optionLike) {
        throw new InvalidParameterException(word, "unexpected word; parameters are written --PARAM VALUE");
      } else if (invocation.entity == null) {
        invocation.entity = word;
      } else if (invocation.action == null) {
        invocation.action = word;
      } else {
        throw new InvalidParameterException(word, "unexpected word; parameters are written --PARAM VALUE");
      }
    }
    return invocation;
  }

  /**
   * An update's {@code --PARAM null} becomes a null value, which {@code execute} sends as JSON null: the
   * field is cleared in Asana. Only the fields the action's description marks clearable (their type
   * includes "null"; {@code --help} shows {@code string|null}) take it; for any other field of an update
   * it is refused here, by name, so that the word "null" is never written into a name or notes by
   * mistake. In creates, deletes and reads, {@code null} is an ordinary value (and checked as such).
   *
   * @param tool the action's description from {@code AsanaClient.describe()}, or null for an unknown action
   *     (which {@code execute} then reports)
   */
  static Map<String, Object> withClears(Map<String, Object> params, Map<String, Object> tool) {
    if (tool == null || !"update".equals(tool.get("action"))) {
      return params;
    }
    Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) tool.get("parameters")).get("properties");
    Map<String, Object> values = new LinkedHashMap<>(params);
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (!CLEAR.equals(entry.getValue()) || !(properties.get(entry.getKey()) instanceof Map<?, ?> schema)) {
        continue; // an unknown parameter is left for execute to name
      }
      if (!(schema.get("type") instanceof List<?> types && types.contains("null"))) {
        throw new InvalidParameterException(entry.getKey(), "cannot be cleared: null clears only the fields "
            + tool.get("entity") + " update --help marks 'null clears it'; leave a field out to keep it unchanged");
      }
      entry.setValue(null);
    }
    return values;
  }

  private static String name(String word) {
    int eq = word.indexOf('=');
    return eq > 0 ? word.substring(0, eq) : word;
  }

  private static String value(List<String> words, int index, String name) {
    if (index + 1 >= words.size()) {
      throw new InvalidParameterException(name, "needs a value: --" + name + " VALUE");
    }
    String value = words.get(index + 1);
    if (value.startsWith("--")) {
      throw new InvalidParameterException(name, "needs a value but is followed by the option '" + name(value)
          + "'; write --" + name + "=VALUE for a value that starts with --");
    }
    return value;
  }
}
