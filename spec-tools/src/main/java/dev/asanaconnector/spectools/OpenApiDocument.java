package dev.asanaconnector.spectools;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * An OpenAPI 3 document read as plain maps and lists, with the few look-ups the differ needs: local
 * {@code $ref}s, operations, and the shape (properties and their types) of a schema through
 * {@code allOf}, {@code oneOf} and {@code anyOf}.
 */
final class OpenApiDocument {
  static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
      "trace");

  private final Map<String, Object> root;

  OpenApiDocument(Map<String, Object> root) {
    this.root = root;
  }

  static OpenApiDocument read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new OpenApiDocument(map(yaml().load(reader)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static OpenApiDocument parse(String text) {
    return new OpenApiDocument(map(yaml().load(text)));
  }

  /** YAML as OpenAPI means it: dates stay strings, and only true/false are booleans (not yes/no/on). */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setMaxAliasesForCollections(1_000);
    return new Yaml(new OpenApiConstructor(options));
  }

  private static final class OpenApiConstructor extends SafeConstructor {
    OpenApiConstructor(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      this.yamlConstructors.put(Tag.BOOL, new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String text = ((ScalarNode) node).getValue();
          return switch (text) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> text;
          };
        }
      });
    }
  }

  /** One operation: where it is and its node. */
  record Operation(String id, String method, String path, Map<String, Object> pathItem,
      Map<String, Object> node) {
  }

  /** The operations by operationId, in the document's order. */
  Map<String, Operation> operations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (Map.Entry<String, Object> pathEntry : map(root.get("paths")).entrySet()) {
      Map<String, Object> pathItem = resolve(pathEntry.getValue());
      for (Map.Entry<String, Object> entry : pathItem.entrySet()) {
        if (!HTTP_METHODS.contains(entry.getKey())) {
          continue;
        }
        Map<String, Object> node = map(entry.getValue());
        Object id = node.get("operationId");
        String operationId = id != null ? id.toString()
            : entry.getKey() + " " + pathEntry.getKey(); // no operationId: named by method and path
        operations.put(operationId, new Operation(operationId, entry.getKey().toUpperCase(Locale.ROOT),
            pathEntry.getKey(), pathItem, node));
      }
    }
    return operations;
  }

  /** Component schemas by name. */
  Map<String, Object> componentSchemas() {
    return map(map(root.get("components")).get("schemas"));
  }

  /** Follows local {@code $ref}s until a node without one; an unresolvable one reads as empty. */
  Map<String, Object> resolve(Object node) {
    Map<String, Object> current = map(node);
    for (int hops = 0; current.get("$ref") instanceof String ref; hops++) {
      if (hops > 50 || !ref.startsWith("#/")) {
        return Map.of();
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      current = map(target);
    }
    return current;
  }

  /** The last segment of a node's {@code $ref}, if it has one. */
  static Optional<String> refName(Object node) {
    if (node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref) {
      return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return Optional.empty();
  }

  /** The operation's parameters, path-level ones overridden by the operation's, each resolved. */
  List<Map<String, Object>> parameters(Operation operation) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Object source : new Object[] {operation.pathItem().get("parameters"), operation.node().get("parameters")}) {
      if (source instanceof List<?> list) {
        for (Object parameter : list) {
          Map<String, Object> resolved = resolve(parameter);
          byKey.put(resolved.get("in") + ":" + resolved.get("name"), resolved);
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /** The operation's request body, resolved, or empty. */
  Map<String, Object> requestBody(Operation operation) {
    return resolve(operation.node().get("requestBody"));
  }

  /** The schema of the operation's first 2xx JSON response, or empty. */
  Optional<Map<String, Object>> successSchema(Operation operation) {
    // Unquoted status codes are YAML integers, quoted ones strings: compare them as text.
    Map<?, ?> responses = map(operation.node().get("responses"));
    return responses.entrySet().stream()
        .map(e -> Map.entry(String.valueOf((Object) e.getKey()), e.getValue()))
        .filter(e -> e.getKey().startsWith("2"))
        .min(Map.Entry.comparingByKey())
        .map(e -> resolve(e.getValue()))
        .map(response -> map(response.get("content")).get("application/json"))
        .map(media -> resolve(map(media).get("schema")));
  }

  /**
   * The properties of an object schema by name, each with its {@linkplain #type type}: its own,
   * its {@code allOf} parts', and for {@code oneOf}/{@code anyOf} every alternative's (a property in
   * several alternatives with different types reads as {@code a|b}).
   */
  Map<String, String> properties(Object schemaNode) {
    Map<String, String> properties = new LinkedHashMap<>();
    collectProperties(schemaNode, properties, 0);
    return properties;
  }

  private void collectProperties(Object schemaNode, Map<String, String> into, int depth) {
    if (depth > 20) {
      return;
    }
    Map<String, Object> schema = resolve(schemaNode);
    if (schema.get("allOf") instanceof List<?> parts) {
      for (Object part : parts) {
        collectProperties(part, into, depth + 1);
      }
    }
    for (String alternatives : List.of("oneOf", "anyOf")) {
      if (schema.get(alternatives) instanceof List<?> options) {
        for (Object option : options) {
          Map<String, String> optionProperties = new LinkedHashMap<>();
          collectProperties(option, optionProperties, depth + 1);
          optionProperties.forEach((name, type) -> into.merge(name, type, OpenApiDocument::union));
        }
      }
    }
    for (Map.Entry<?, ?> property : ((Map<?, ?>) map(schema.get("properties"))).entrySet()) {
      into.put(String.valueOf((Object) property.getKey()), type(property.getValue()));
    }
  }

  private static String union(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    Set<String> types = new TreeSet<>(List.of(a.split("\\|")));
    types.addAll(List.of(b.split("\\|")));
    return String.join("|", types);
  }

  /**
   * A schema's type as it matters to generated code: {@code string}, {@code string(date-time)},
   * {@code integer}, {@code integer(int64)}, {@code number}, {@code boolean}, {@code object},
   * {@code array<...>}; alternatives joined with {@code |}.
   */
  String type(Object schemaNode) {
    return type(schemaNode, 0);
  }

  private String type(Object schemaNode, int depth) {
    Map<String, Object> schema = resolve(schemaNode);
    if (depth > 20) {
      return "object";
    }
    if (schema.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
      if (parts.size() == 1 && !schema.containsKey("properties")) {
        return type(parts.get(0), depth + 1);
      }
      return "object";
    }
    for (String alternatives : List.of("oneOf", "anyOf")) {
      if (schema.get(alternatives) instanceof List<?> options && !options.isEmpty()) {
        Set<String> types = new TreeSet<>();
        for (Object option : options) {
          types.add(type(option, depth + 1));
        }
        return String.join("|", types);
      }
    }
    Object type = schema.get("type");
    if (type == null) {
      return schema.containsKey("properties") || schema.containsKey("additionalProperties") ? "object" : "any";
    }
    String format = schema.get("format") instanceof String f ? f : null;
    return switch (type.toString()) {
      case "array" -> "array<" + type(schema.get("items"), depth + 1) + ">";
      case "string" -> format == null || !List.of("date", "date-time", "uri", "binary", "byte").contains(format)
          ? "string" : "string(" + format + ")";
      case "integer" -> "int64".equals(format) ? "integer(int64)" : "integer";
      default -> type.toString();
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (node instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    return Map.of();
  }
}
