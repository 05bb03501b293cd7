package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Every request the catalog builds passes the pinned spec's own parameter constraints, read from the spec
 * at test time, so a mock Asana that validates every request against the spec accepts them all. Each action is sent with only what it needs, with every parameter
 * it takes, and once per allowed value of each of its enum parameters; the request is matched to the spec
 * operation by method and path template, and each path and query parameter is checked against that
 * operation's schema (type, enum including an array's item enum, pattern, minimum/maximum, length,
 * date formats).
 */
class SpecConstraintsTest {
  private static final String API_PREFIX = "/api/1.0";
  /** Headers any HTTP request carries, not parameters of an operation. */
  private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "connection", "accept-encoding", "user-agent",
      "authorization", "accept");
  /** Headers the connector sends when asked, which Asana documents outside the spec (deprecation opt-in/out). */
  private static final Set<String> ASANA_CHANGE_HEADERS = Set.of("asana-enable", "asana-disable");
  /**
   * Query parameters the connector sends on purpose where the operation does not declare them (Asana accepts
   * them there), each with the spec's own definition of that parameter, which its value must satisfy.
   */
  private static final Map<String, Map<String, String>> UNDECLARED_ON_PURPOSE = Map.of(
      "getUsersForWorkspace", Map.of("limit", "#/components/parameters/limit"),
      "getUsersForTeam", Map.of("limit", "#/components/parameters/limit"),
      "searchTasksForWorkspace", Map.of("limit", "#/components/parameters/limit",
          "offset", "#/components/parameters/offset"));
  /**
   * Values the connector sends on purpose that an operation's own schema refuses (getTasks declares
   * completed_since a date-time), each with the spec's definition of that parameter documenting the value.
   */
  private static final Map<String, String> VALUES_DOCUMENTED_ELSEWHERE = Map.of(
      "completed_since=now", "#/components/parameters/completed_since");
  /** Custom field filters of search: dynamic names, documented in the table of the operation's description. */
  private static final Pattern CUSTOM_FIELD_FILTER = Pattern.compile("custom_fields\\.[0-9]+\\.([a-z_]+)");
  /** What an action needs besides its required parameters (a rule across parameters asks for one of them). */
  private static final Map<String, Map<String, Object>> MINIMAL_EXTRAS = Map.of(
      "tasks list", Map.of("project", "9001"),
      "workspace_task_search list", Map.of("text", "launch"));

  private static OpenApi spec;
  private static RecordingServer api;
  private static AsanaClient asana;

  @BeforeAll
  static void start() throws IOException {
    spec = new OpenApi(specPath());
    api = new RecordingServer();
    api.answer(request -> RecordingServer.json(200, isListPath(request) ? "{\"data\":[]}"
        : "{\"data\":{\"gid\":\"1\",\"name\":\"f\",\"host\":\"asana\",\"download_url\":\"https://files.example/f\"}}"));
    // Unpaced: the client's default 60 searches a minute would make the search cases take a second each.
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(api.baseUrl()).personalAccessToken("test-token-123");
    builder.http().retryPolicy(RetryPolicy.none()).rateLimits(RateLimits.unlimited());
    asana = builder.build();
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
  }

  private static Path specPath() {
    String configured = System.getProperty("asana.spec");
    Path path = configured != null ? Path.of(configured)
        : Path.of(System.getProperty("asana.root", "..")).resolve("openapi/spec/asana_oas.yaml");
    assertTrue(Files.isRegularFile(path), "the spec is needed at " + path.toAbsolutePath() + " (scripts/fetch-spec)");
    return path;
  }

  private static boolean isListPath(RecordedRequest request) {
    // Every get of the catalog ends in a gid (or 'me'); every list in a collection name.
    List<String> segments = request.getUrl().pathSegments();
    String last = segments.get(segments.size() - 1);
    return !last.matches("[0-9]+|me");
  }

  /** One request to build: an action, a label saying which parameters, and the parameters. */
  record Case(String action, String label, Map<String, Object> params) {
    @Override
    public String toString() {
      return action + " with " + label;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Map<ActionKind, ActionSpec> actions : Catalog.entities().values()) {
      for (ActionSpec action : actions.values()) {
        if (action.kind.isWrite()) {
          continue; // writes' bodies are checked against the sandbox in WritesTest; this test reads queries
        }
        cases.add(new Case(action.name(), "what it needs", minimal(action)));
        Map<String, Object> every = every(action);
        cases.add(new Case(action.name(), "every parameter", every));
        for (ParamSpec param : action.params.values()) {
          if (param.type() == ParamType.DATE_TIME_OR_NOW) {
            Map<String, Object> variant = new LinkedHashMap<>(every);
            variant.put(param.name(), "now");
            cases.add(new Case(action.name(), param.name() + "=now", variant));
          }
          for (String allowed : param.allowed()) {
            Map<String, Object> variant = new LinkedHashMap<>(every);
            variant.put(param.name(), allowed);
            cases.add(new Case(action.name(), param.name() + "=" + allowed, variant));
          }
        }
      }
    }
    return cases.stream();
  }

  private static Map<String, Object> minimal(ActionSpec action) {
    Map<String, Object> params = new LinkedHashMap<>();
    int gid = 9001;
    for (ParamSpec param : action.params.values()) {
      if (param.required()) {
        params.put(param.name(), representative(param, gid++));
      }
    }
    params.putAll(MINIMAL_EXTRAS.getOrDefault(action.name(), Map.of()));
    return params;
  }

  private static Map<String, Object> every(ActionSpec action) {
    Map<String, Object> params = new LinkedHashMap<>();
    int gid = 9001;
    for (ParamSpec param : action.params.values()) {
      params.put(param.name(), representative(param, gid));
      gid += 2;
    }
    if (Dispatcher.commonParams(action).containsKey("opt_fields")) {
      // A field the caller asks for besides the documented ones (where the spec has one), so both are sent.
      List<String> allowed = spec.optFieldsEnum(action.operationId);
      params.put("opt_fields", allowed.stream().filter(field -> !action.recordFields.contains(field)).findFirst()
          .orElse(allowed.get(0)));
      params.put("asana_enable", "new_goal_memberships");
      params.put("asana_disable", "string_ids");
    }
    if (action.entity.equals("workspace_task_search")) {
      params.put("custom_fields.9100.is_set", "true");
      params.put("custom_fields.9101.value", "launch");
    }
    return params;
  }

  /** A valid value of {@code param}'s type, as a caller of {@code execute} gives it. */
  private static Object representative(ParamSpec param, int gid) {
    if (!param.allowed().isEmpty()) {
      return param.allowed().get(0);
    }
    return switch (param.type()) {
      case GID, GID_OR_ME -> String.valueOf(gid);
      case GID_LIST -> gid + "," + (gid + 1);
      case LIMIT -> 7;
      case BOOLEAN -> true;
      case DATE_TIME, DATE_TIME_OR_NOW -> "2026-02-03T04:05:06Z";
      case DATE -> "2026-02-03";
      case BYTE_RANGE -> "bytes=0-9";
      case STRING -> param.name().equals("offset") ? "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9" : "launch plan";
      case USER_REF -> "me";
      case URL -> "https://example.com/file.pdf";
      case HEADER, FIELD_LIST, FILE -> throw new AssertionError("not a query parameter: " + param.name());
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyRequestTheCatalogBuildsPassesTheSpecsParameterConstraints(Case c) {
    String[] name = c.action().split(" ");
    int before = api.requests.size();
    asana.execute(name[0], name[1], c.params());
    assertEquals(before + 1, api.requests.size(), "one request to Asana");
    RecordedRequest request = api.last();
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    assertTrue(path.startsWith(API_PREFIX + "/"), path);

    OpenApi.Operation op = spec.match(request.getMethod(), path.substring(API_PREFIX.length()));
    assertEquals(Catalog.find(name[0], name[1]).operationId, op.id(), "the operation the catalog says it calls");

    List<String> problems = new ArrayList<>();
    Map<String, String> pathValues = op.pathValues(path.substring(API_PREFIX.length()));
    for (Map<String, Object> param : op.parameters()) {
      String in = (String) param.get("in");
      String paramName = (String) param.get("name");
      boolean required = Boolean.TRUE.equals(param.get("required"));
      String value = switch (in) {
        case "path" -> pathValues.get(paramName);
        case "query" -> url.queryParameter(paramName);
        case "header" -> request.getHeaders().get(paramName);
        default -> null;
      };
      if (value == null) {
        if (required) {
          problems.add(in + " parameter " + paramName + " is required but was not sent");
        }
        continue;
      }
      if (in.equals("query") && url.queryParameterValues(paramName).size() != 1) {
        problems.add("query parameter " + paramName + " sent " + url.queryParameterValues(paramName).size() + " times");
      }
      String documentedElsewhere = VALUES_DOCUMENTED_ELSEWHERE.get(paramName + "=" + value);
      if (in.equals("query") && documentedElsewhere != null) {
        checkDocumented(documentedElsewhere, value, paramName, problems);
      } else {
        spec.check(param, value, in + " parameter " + paramName, problems);
      }
    }
    for (String query : url.queryParameterNames()) {
      if (op.parameter("query", query) == null) {
        checkUndeclared(op, query, url.queryParameter(query), problems);
      }
    }
    for (String header : request.getHeaders().names()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (!TRANSPORT_HEADERS.contains(lower) && !ASANA_CHANGE_HEADERS.contains(lower)
          && op.parameter("header", header) == null) {
        problems.add("header " + header + " is not a parameter of " + op.id());
      }
    }
    assertEquals(List.of(), problems, c + ": " + request.getMethod() + " " + url.encodedPath() + "?"
        + url.encodedQuery());
  }

  /** A query parameter the operation does not declare: only one the connector sends on purpose, valid by the spec. */
  private static void checkUndeclared(OpenApi.Operation op, String name, String value, List<String> problems) {
    String definition = UNDECLARED_ON_PURPOSE.getOrDefault(op.id(), Map.of()).get(name);
    if (definition != null) {
      spec.check(spec.resolve(Map.of("$ref", definition)), value, "query parameter " + name + " (as " + definition + ")",
          problems);
      return;
    }
    Matcher custom = CUSTOM_FIELD_FILTER.matcher(name);
    if (op.id().equals("searchTasksForWorkspace") && custom.matches()) {
      if (!op.description().contains("| custom_fields.{gid}." + custom.group(1) + " |")) {
        problems.add("custom field filter " + name + " is not in the spec's table of custom field parameters");
      }
      return;
    }
    problems.add("query parameter " + name + "=" + value + " is not declared by " + op.id());
  }

  /** A value the operation's schema refuses is allowed only where the spec's own definition names it. */
  private static void checkDocumented(String definition, String value, String name, List<String> problems) {
    Map<String, Object> documented = spec.resolve(Map.of("$ref", definition));
    if (!name.equals(documented.get("name"))
        || !String.valueOf(documented.get("description")).contains("keyword *" + value + "*")) {
      problems.add("query parameter " + name + "=" + value + " is not documented by " + definition);
    }
  }

  @Test
  void everyParameterOrValueSentOnPurposeOutsideAnOperationsSchemaIsDefinedElsewhereInTheSpec() {
    // Keeps the list above honest: an entry the spec comes to declare, or a definition it drops, fails here.
    UNDECLARED_ON_PURPOSE.forEach((operationId, params) -> params.forEach((name, definition) -> {
      assertNull(spec.operation(operationId).parameter("query", name), operationId + " now declares " + name);
      assertEquals(name, spec.resolve(Map.of("$ref", definition)).get("name"), definition);
    }));
    VALUES_DOCUMENTED_ELSEWHERE.forEach((value, definition) -> {
      List<String> problems = new ArrayList<>();
      checkDocumented(definition, value.substring(value.indexOf('=') + 1), value.substring(0, value.indexOf('=')),
          problems);
      assertEquals(List.of(), problems);
    });
    List<String> undocumented = new ArrayList<>();
    checkDocumented("#/components/parameters/completed_since", "yesterday", "completed_since", undocumented);
    assertEquals(1, undocumented.size(), "a value the definition does not name is refused");
  }

  @Test
  void theCheckerRefusesWhatTheSpecRefuses() {
    // The checks above can fail: a field outside opt_fields' enum, a limit over the maximum, a non-integer
    // limit, a bad date-time and an undeclared parameter are each reported.
    OpenApi.Operation op = spec.operation("getTasksForProject");
    List<String> problems = new ArrayList<>();
    spec.check(op.parameter("query", "opt_fields"), "name,resource_type", "opt_fields", problems);
    spec.check(op.parameter("query", "limit"), "101", "limit", problems);
    spec.check(op.parameter("query", "limit"), "ten", "limit", problems);
    spec.check(spec.operation("getTasks").parameter("query", "modified_since"), "yesterday", "modified_since",
        problems);
    checkUndeclared(op, "sort_by", "due_date", problems);
    assertEquals(5, problems.size(), String.join("\n", problems));
    assertTrue(problems.get(0).contains("resource_type"), problems.get(0));
    assertFalse(problems.get(0).contains("'name'"), "name is allowed: " + problems.get(0));
  }

  @Test
  void taskListsAskOnlyForTheFieldsAsanaReturnsOnRequest() {
    // gid and resource_type come with every record; asking for them is refused by the spec's enum.
    ActionSpec projectTasks = Catalog.find("project_tasks", "list");
    assertTrue(projectTasks.recordFields.containsAll(List.of("gid", "resource_type")), "still documented");
    assertNotEquals(-1, projectTasks.optFields.indexOf("created_by"), "the opt-in field is still asked for");
    asana.execute("project_tasks", "list", Map.of("project_gid", "100"));
    String sent = api.last().getUrl().queryParameter("opt_fields");
    assertNotNull(sent);
    assertEquals(List.of("name", "resource_subtype", "created_by"), List.of(sent.split(",")));
  }

  /** The spec, read with SnakeYAML, with what this test needs of it. */
  static final class OpenApi {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private final Map<String, Object> root;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    /** An operation: its id, method, path template, and its parameters (path-level ones too), resolved. */
    final class Operation {
      private final String id;
      private final String method;
      private final String template;
      private final Pattern pathPattern;
      private final List<String> pathNames = new ArrayList<>();
      private final List<Map<String, Object>> parameters = new ArrayList<>();
      private final String description;

      Operation(String id, String method, String template, Map<String, Object> pathItem, Map<String, Object> node) {
        this.id = id;
        this.method = method;
        this.template = template;
        this.description = String.valueOf(node.getOrDefault("description", ""));
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (names.find()) {
          regex.append(Pattern.quote(template.substring(last, names.start()))).append("([^/]+)");
          pathNames.add(names.group(1));
          last = names.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pathPattern = Pattern.compile(regex.toString());
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Object list : new Object[] {pathItem.get("parameters"), node.get("parameters")}) {
          if (list instanceof List<?> items) {
            for (Object item : items) {
              Map<String, Object> param = resolve(item);
              byKey.put(param.get("in") + ":" + param.get("name"), param);
            }
          }
        }
        parameters.addAll(byKey.values());
      }

      String id() {
        return id;
      }

      String description() {
        return description;
      }

      List<Map<String, Object>> parameters() {
        return parameters;
      }

      Map<String, Object> parameter(String in, String name) {
        return parameters.stream().filter(p -> in.equals(p.get("in")) && name.equalsIgnoreCase((String) p.get("name")))
            .findFirst().orElse(null);
      }

      boolean matches(String httpMethod, String path) {
        return method.equalsIgnoreCase(httpMethod) && pathPattern.matcher(path).matches();
      }

      Map<String, String> pathValues(String path) {
        Matcher matcher = pathPattern.matcher(path);
        assertTrue(matcher.matches(), path + " against " + template);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pathNames.size(); i++) {
          values.put(pathNames.get(i), HttpUrl.parse("http://x/" + matcher.group(i + 1)).pathSegments().get(0));
        }
        return values;
      }

      int templateVariables() {
        return pathNames.size();
      }
    }

    OpenApi(Path file) {
      this.root = load(file);
      for (Map.Entry<String, Object> path : map(root.get("paths")).entrySet()) {
        Map<String, Object> item = map(path.getValue());
        for (Map.Entry<String, Object> entry : item.entrySet()) {
          if (METHODS.contains(entry.getKey())) {
            Map<String, Object> node = map(entry.getValue());
            String id = (String) node.get("operationId");
            operations.put(id, new Operation(id, entry.getKey(), path.getKey(), item, node));
          }
        }
      }
      assertTrue(operations.size() > 100, "operations read from the spec: " + operations.size());
    }

    Operation operation(String id) {
      Operation op = operations.get(id);
      assertNotNull(op, "the spec has no operation " + id);
      return op;
    }

    /** The operation {@code method path} calls; a literal segment beats a template variable, as routers do. */
    Operation match(String method, String path) {
      List<Operation> candidates = operations.values().stream().filter(op -> op.matches(method, path)).toList();
      assertFalse(candidates.isEmpty(), "no operation of the spec is " + method + " " + path);
      int fewest = candidates.stream().mapToInt(Operation::templateVariables).min().orElseThrow();
      List<Operation> best = candidates.stream().filter(op -> op.templateVariables() == fewest).toList();
      assertEquals(1, best.size(), method + " " + path + " matches " + best.stream().map(Operation::id).toList());
      return best.get(0);
    }

    List<String> optFieldsEnum(String operationId) {
      Map<String, Object> param = operation(operationId).parameter("query", "opt_fields");
      assertNotNull(param, operationId + " takes opt_fields");
      List<String> values = new ArrayList<>();
      for (Object value : (List<?>) resolve(resolve(param.get("schema")).get("items")).get("enum")) {
        values.add(String.valueOf(value));
      }
      return values;
    }

    /** Adds to {@code problems} every way {@code value} breaks the schema of {@code param}. */
    void check(Map<String, Object> param, String value, String what, List<String> problems) {
      Map<String, Object> schema = resolve(param.get("schema"));
      if ("array".equals(schema.get("type"))) {
        // style form, explode false (the spec's only array parameters): one comma-separated value.
        Map<String, Object> items = resolve(schema.get("items"));
        List<String> elements = List.of(value.split(",", -1));
        checkCount(schema, elements.size(), what, problems);
        for (String element : elements) {
          checkScalar(items, element, what + " item", problems);
        }
      } else {
        checkScalar(schema, value, what, problems);
      }
    }

    private static void checkCount(Map<String, Object> schema, int count, String what, List<String> problems) {
      if (schema.get("minItems") instanceof Number min && count < min.intValue()) {
        problems.add(what + ": " + count + " items, fewer than minItems " + min);
      }
      if (schema.get("maxItems") instanceof Number max && count > max.intValue()) {
        problems.add(what + ": " + count + " items, more than maxItems " + max);
      }
    }

    private void checkScalar(Map<String, Object> schema, String value, String what, List<String> problems) {
      String type = (String) schema.getOrDefault("type", "string");
      BigDecimal number = null;
      switch (type) {
        case "integer", "number" -> {
          try {
            number = new BigDecimal(value);
            if (type.equals("integer") && number.stripTrailingZeros().scale() > 0) {
              problems.add(what + ": '" + value + "' is not an integer");
            }
          } catch (NumberFormatException e) {
            problems.add(what + ": '" + value + "' is not a " + type);
          }
        }
        case "boolean" -> {
          if (!value.equals("true") && !value.equals("false")) {
            problems.add(what + ": '" + value + "' is not a boolean");
          }
        }
        case "string" -> checkString(schema, value, what, problems);
        default -> problems.add(what + ": a parameter of type " + type + " is not checked by this test");
      }
      if (schema.get("enum") instanceof List<?> allowed
          && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
        problems.add(what + ": '" + value + "' is not one of the spec's " + allowed.size() + " allowed values");
      }
      if (number != null) {
        if (schema.get("minimum") instanceof Number min && number.compareTo(new BigDecimal(min.toString())) < 0) {
          problems.add(what + ": " + value + " is below the minimum " + min);
        }
        if (schema.get("maximum") instanceof Number max && number.compareTo(new BigDecimal(max.toString())) > 0) {
          problems.add(what + ": " + value + " is above the maximum " + max);
        }
      }
    }

    private static void checkString(Map<String, Object> schema, String value, String what, List<String> problems) {
      if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(value).find()) {
        problems.add(what + ": '" + value + "' does not match the pattern " + pattern);
      }
      if (schema.get("minLength") instanceof Number min && value.length() < min.intValue()) {
        problems.add(what + ": '" + value + "' is shorter than minLength " + min);
      }
      if (schema.get("maxLength") instanceof Number max && value.length() > max.intValue()) {
        problems.add(what + ": '" + value + "' is longer than maxLength " + max);
      }
      try {
        if ("date-time".equals(schema.get("format"))) {
          OffsetDateTime.parse(value);
        } else if ("date".equals(schema.get("format"))) {
          LocalDate.parse(value);
        }
      } catch (DateTimeParseException e) {
        problems.add(what + ": '" + value + "' is not a " + schema.get("format"));
      }
    }

    /** Follows local {@code $ref}s until a node without one. */
    Map<String, Object> resolve(Object node) {
      Map<String, Object> current = map(node);
      for (int hops = 0; current.containsKey("$ref"); hops++) {
        assertTrue(hops < 20, "a $ref cycle at " + current.get("$ref"));
        String ref = (String) current.get("$ref");
        assertTrue(ref.startsWith("#/"), "only local $refs: " + ref);
        Object target = root;
        for (String part : ref.substring(2).split("/")) {
          target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
        }
        assertNotNull(target, "dangling $ref " + ref);
        current = map(target);
      }
      return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
      if (node == null) {
        return Map.of();
      }
      assertTrue(node instanceof Map, () -> "expected a mapping but was " + node); // lazily: nodes can be huge
      return (Map<String, Object>) node;
    }

    /** Reads YAML as OpenAPI means it: dates stay strings, and only true/false are booleans. */
    private static Map<String, Object> load(Path file) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(64 * 1024 * 1024); // the spec is ~2.7 MB, over SnakeYAML's 3 MB default soon
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
}
