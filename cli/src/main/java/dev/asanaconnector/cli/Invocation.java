package dev.asanaconnector.cli;

import dev.asanaconnector.InvalidParameterException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words after the global options: ENTITY ACTION and {@code --PARAM VALUE} pairs under the
 * reference's parameter names. The global flags are recognised here too, so they may also follow
 * ENTITY ACTION.
 */
final class Invocation {
  String entity;
  String action;
  final Map<String, Object> params = new LinkedHashMap<>();
  boolean all;
  boolean jsonl;
  boolean help;
  Path output;

  static Invocation parse(List<String> words) {
    Invocation invocation = new Invocation();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "--all":
          invocation.all = true;
          continue;
        case "--jsonl":
          invocation.jsonl = true;
          continue;
        case "-h":
        case "--help":
          invocation.help = true;
          continue;
        case "--output":
          invocation.output = Path.of(value(words, i++, "output"));
          continue;
        default:
          break;
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

  private static String value(List<String> words, int index, String name) {
    if (index + 1 >= words.size()) {
      throw new InvalidParameterException(name, "needs a value: --" + name + " VALUE");
    }
    return words.get(index + 1);
  }
}
