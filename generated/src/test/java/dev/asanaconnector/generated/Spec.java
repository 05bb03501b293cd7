package dev.asanaconnector.generated;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The OpenAPI spec this build generated from (system property {@code asana.spec}, set by surefire to
 * the build's {@code asana.spec}), read once per test JVM, plus the pin in openapi/spec.properties.
 */
final class Spec {
  static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
      "trace");

  /** One operation of the spec. */
  record Op(String id, String method, String path, Map<String, Object> pathItem, Map<String, Object> node) {
  }

  private static Spec instance;

  final Path path;
  final Map<String, Object> root;
  final Map<String, Op> operations = new LinkedHashMap<>();

  private Spec(Path path) {
    this.path = path;
    this.root = load(path);
    for (Map.Entry<String, Object> pathEntry : map(root.get("paths")).entrySet()) {
      Map<String, Object> pathItem = map(pathEntry.getValue());
      for (Map.Entry<String, Object> entry : pathItem.entrySet()) {
        if (!HTTP_METHODS.contains(entry.getKey())) {
          continue;
        }
        Map<String, Object> node = map(entry.getValue());
        String id = (String) node.get("operationId");
        if (operations.put(id, new Op(id, entry.getKey().toUpperCase(java.util.Locale.ROOT), pathEntry.getKey(),
            pathItem, node)) != null) {
          throw new IllegalStateException("operationId " + id + " appears twice in " + path);
        }
      }
    }
  }

  static synchronized Spec get() {
    if (instance == null) {
      instance = new Spec(specPath());
    }
    return instance;
  }

  static Path specPath() {
    return Path.of(System.getProperty("asana.spec", "../openapi/spec/asana_oas.yaml")).toAbsolutePath()
        .normalize();
  }

  static Properties pin() {
    Path pin = Path.of(System.getProperty("asana.pin", "../openapi/spec.properties"));
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(pin, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** Whether the spec read is the pinned version (same sha256 as openapi/spec.properties). */
  boolean isPinned() {
    return sha256(path).equals(pin().getProperty("spec.sha256"));
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  Op op(String operationId) {
    Op op = operations.get(operationId);
    if (op == null) {
      throw new IllegalArgumentException("the spec at " + path + " has no operation " + operationId);
    }
    return op;
  }

  boolean has(String operationId) {
    return operations.containsKey(operationId);
  }

  /** Follows {@code $ref}s (local ones, {@code #/components/...}) until a node without one. */
  Map<String, Object> resolve(Object node) {
    Map<String, Object> current = map(node);
    for (int hops = 0; current.containsKey("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref cycle at " + current.get("$ref"));
      }
      String ref = (String) current.get("$ref");
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      if (target == null) {
        throw new IllegalStateException("dangling $ref " + ref);
      }
      current = map(target);
    }
    return current;
  }

  /** The operation's parameters, path-level ones first, each resolved. */
  List<Map<String, Object>> parameters(Op op) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Object source : new Object[] {op.pathItem().get("parameters"), op.node().get("parameters")}) {
      if (source instanceof List<?> list) {
        for (Object parameter : list) {
          Map<String, Object> resolved = resolve(parameter);
          byKey.put(resolved.get("in") + ":" + resolved.get("name"), resolved);
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  Optional<Map<String, Object>> parameter(String operationId, String name) {
    return parameters(op(operationId)).stream().filter(p -> name.equals(p.get("name"))).findFirst();
  }

  /** The JSON schema of the operation's first 2xx response, or empty when it has no JSON body. */
  Optional<Map<String, Object>> successSchema(String operationId) {
    // Unquoted status codes are YAML integers, quoted ones strings: compare them as text.
    Map<String, Object> responses = map(op(operationId).node().get("responses"));
    return responses.entrySet().stream()
        .filter(e -> String.valueOf(e.getKey()).startsWith("2"))
        .min(java.util.Comparator.comparing(e -> String.valueOf(e.getKey())))
        .map(e -> resolve(e.getValue()))
        .map(response -> map(response.get("content")).get("application/json"))
        .map(media -> resolve(map(media).get("schema")));
  }

  /**
   * An example value for {@code schema} assembled from the spec's own {@code example}s: a schema's
   * example where it has one, otherwise its properties' examples, otherwise a plain value of its type.
   */
  Object example(Object schema) {
    return example(schema, 0);
  }

  /** The example JSON body of the operation's 2xx response. */
  Map<String, Object> exampleResponse(String operationId) {
    Object example = example(successSchema(operationId).orElseThrow(
        () -> new IllegalArgumentException(operationId + " has no JSON response")));
    return map(example);
  }

  private Object example(Object node, int depth) {
    Map<String, Object> schema = resolve(node);
    if (schema.containsKey("example")) {
      Object example = fitExample(schema, schema.get("example"));
      if (example != NO_FIT) {
        return example;
      }
    }
    if (depth > 8) {
      return null;
    }
    if (schema.get("allOf") instanceof List<?> parts) {
      Map<String, Object> merged = new LinkedHashMap<>();
      Object scalar = null;
      for (Object part : parts) {
        Object partExample = example(part, depth + 1);
        if (partExample instanceof Map<?, ?> partMap) {
          partMap.forEach((k, v) -> merged.put((String) k, v));
        } else if (partExample != null) {
          scalar = partExample; // allOf of one scalar schema, e.g. a gid string with a description
        }
      }
      if (merged.isEmpty() && scalar != null) {
        return scalar;
      }
      if (schema.get("properties") instanceof Map<?, ?>) {
        merged.putAll(map(objectExample(schema, depth)));
      }
      return merged;
    }
    for (String composition : List.of("oneOf", "anyOf")) {
      if (schema.get(composition) instanceof List<?> options && !options.isEmpty()) {
        // The object form when there is one: it exercises more of the model than a bare gid string.
        for (Object option : options) {
          Object candidate = example(option, depth + 1);
          if (candidate instanceof Map) {
            return candidate;
          }
        }
        return example(options.get(0), depth + 1);
      }
    }
    if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(0);
    }
    String type = (String) schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string");
    switch (type) {
      case "array":
        Object item = example(schema.get("items"), depth + 1);
        return item == null ? List.of() : List.of(item);
      case "object":
        return objectExample(schema, depth);
      case "integer":
        return 7;
      case "number":
        return 2.5;
      case "boolean":
        return true;
      default:
        String format = (String) schema.get("format");
        if ("date-time".equals(format)) {
          return "2026-02-05T10:15:30.123Z";
        }
        if ("date".equals(format)) {
          return "2026-02-05";
        }
        if ("uri".equals(format)) {
          return "https://example.com/x";
        }
        return "text";
    }
  }

  private static final Object NO_FIT = new Object();

  /**
   * The spec's example for {@code schema} when its JSON type fits the schema's type; a lone value
   * given as an array's example (the spec has a few) becomes a one-element array; otherwise
   * {@link #NO_FIT}, and the example is built from the schema instead.
   */
  private Object fitExample(Map<String, Object> schema, Object example) {
    if (example == null) {
      return null;
    }
    Object type = schema.get("type");
    if (type == null) {
      return example;
    }
    switch ((String) type) {
      case "array":
        if (example instanceof List) {
          return example;
        }
        Map<String, Object> items = resolve(schema.get("items"));
        return fitExample(items, example) == NO_FIT ? NO_FIT : List.of(example);
      case "object":
        return example instanceof Map ? example : NO_FIT;
      case "integer":
        return example instanceof Integer || example instanceof Long ? example : NO_FIT;
      case "number":
        return example instanceof Number ? example : NO_FIT;
      case "boolean":
        return example instanceof Boolean ? example : NO_FIT;
      case "string":
        if ("uri".equals(schema.get("format")) && example instanceof String text && !isUri(text)) {
          // A few of the spec's download_url examples are folded across lines, spaces and all.
          return NO_FIT;
        }
        if (example instanceof Number || example instanceof Boolean) {
          return String.valueOf(example); // an unquoted gid such as 12345
        }
        return example instanceof String ? example : NO_FIT;
      default:
        return example;
    }
  }

  private static boolean isUri(String text) {
    try {
      new java.net.URI(text);
      return true;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private Object objectExample(Map<String, Object> schema, int depth) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach((name, property) -> {
        Object value = example(property, depth + 1);
        if (value != null) {
          result.put((String) name, value);
        }
      });
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof Map)) {
      throw new IllegalStateException("expected a mapping but was " + node);
    }
    return (Map<String, Object>) node;
  }

  /** Reads YAML as OpenAPI means it: dates stay strings, and only true/false are booleans. */
  static Map<String, Object> load(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setMaxAliasesForCollections(1_000);
    Yaml yaml = new Yaml(new OpenApiConstructor(options));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return map(yaml.load(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
}
