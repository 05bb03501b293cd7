package dev.asanaconnector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entity action of the connector (e.g. {@code project_tasks list}): its parameters, the record
 * fields it returns, and the route of the Asana operation it sends. The dispatcher, the typed
 * methods, the JSON Schema description and the command line all read these definitions.
 */
final class ActionSpec {
  /** A check across parameters (e.g. "project, section, or workspace with assignee"). */
  interface Rule {
    void check(Map<String, Object> values);
  }

  /** Fields Asana returns in every record, asked for or not; asking for them is refused by the spec. */
  static final Set<String> ALWAYS_RETURNED = Set.of("gid", "resource_type");

  /**
   * How an action's request is built, by the connector itself rather than through the generated
   * interfaces (whose Retrofit proxies cost a fresh JVM a tenth of its time to the first page, and whose
   * body models Asana renames between spec versions): the method, the path with {@code {name}} slots for
   * path parameters, and whether a write's body is {@code multipart/form-data} instead of
   * {@code {"data": {...}}}. A read sends every other parameter in the query, a write in the body.
   *
   * @param segments the path's segments, a slot as its parameter's name in braces (parsed once, here)
   * @param pathParams the names of the path's {@code {slots}}, in order
   */
  record Route(String method, String path, boolean multipart, List<String> segments, List<String> pathParams) {
    static Route of(String method, String path, boolean multipart) {
      List<String> segments = List.of(path.split("/"));
      List<String> names = new ArrayList<>();
      for (String segment : segments) {
        if (isSlot(segment)) {
          names.add(segment.substring(1, segment.length() - 1));
        }
      }
      return new Route(method, path, multipart, segments, List.copyOf(names));
    }

    static boolean isSlot(String segment) {
      return segment.startsWith("{") && segment.endsWith("}");
    }

    boolean isRead() {
      return method.equals("GET");
    }
  }

  final String entity;
  final ActionKind kind;
  final String description;
  final String operationId;
  final Map<String, ParamSpec> params;
  final List<String> recordFields;
  /**
   * The record fields to ask for with {@code opt_fields}: the documented ones but those every record carries
   * anyway, which the spec's {@code opt_fields} enums do not allow.
   */
  final List<String> optFields;
  final Class<?> recordType;
  final Rule rule;
  /** How the request is built and sent. */
  final Route route;
  /** Whether the write deletes or removes something (tool annotations, confirmations). */
  final boolean destructive;
  /** Whether records need {@code opt_fields} to carry every documented field (lists of compact records). */
  final boolean requestsRecordFields;

  private ActionSpec(Builder builder) {
    this.entity = builder.entity;
    this.kind = builder.kind;
    this.description = builder.description;
    this.operationId = builder.operationId;
    this.params = builder.params;
    this.recordFields = List.copyOf(builder.recordFields);
    this.optFields = recordFields.stream().filter(field -> !ALWAYS_RETURNED.contains(field)).toList();
    this.recordType = builder.recordType;
    this.route = Objects.requireNonNull(builder.route, () -> builder.entity + " " + builder.kind + " has no route");
    for (String name : route.pathParams()) {
      if (!params.containsKey(name)) {
        throw new IllegalStateException(name() + ": the path's {" + name + "} is not a parameter");
      }
    }
    this.destructive = builder.destructive;
    this.rule = builder.rule;
    this.requestsRecordFields = builder.requestsRecordFields;
  }

  String name() {
    return entity + " " + kind.seedName();
  }

  static Builder builder(String entity, ActionKind kind) {
    return new Builder(entity, kind);
  }

  static final class Builder {
    private final String entity;
    private final ActionKind kind;
    private String description = "";
    private String operationId;
    private final Map<String, ParamSpec> params = new LinkedHashMap<>();
    private final List<String> recordFields = new ArrayList<>();
    private Class<?> recordType = Map.class;
    private Rule rule = values -> { };
    private boolean requestsRecordFields;
    private Route route;
    private boolean destructive;

    private Builder(String entity, ActionKind kind) {
      this.entity = entity;
      this.kind = kind;
    }

    Builder describe(String text) {
      this.description = text;
      return this;
    }

    Builder param(ParamSpec spec) {
      params.put(spec.name(), spec);
      return this;
    }

    Builder required(String name, ParamType type, String text) {
      return param(ParamSpec.required(name, type, text));
    }

    Builder optional(String name, ParamType type, String text) {
      return param(ParamSpec.optional(name, type, text));
    }

    /** An optional text parameter taking only the listed values (Asana's enum). */
    Builder oneOf(String name, String text, String... allowed) {
      return param(ParamSpec.oneOf(name, text, List.of(allowed)));
    }

    /** The seed's {@code limit} and {@code offset}. */
    Builder paging() {
      optional("limit", ParamType.LIMIT, "Number of items to return per page");
      return optional("offset", ParamType.STRING, "Pagination offset token");
    }

    Builder records(Class<?> type, String... fields) {
      this.recordType = type;
      this.recordFields.addAll(List.of(fields));
      return this;
    }

    /** Asks Asana for every documented record field with {@code opt_fields} (some are opt-in). */
    Builder requestRecordFields() {
      this.requestsRecordFields = true;
      return this;
    }

    Builder rule(Rule check) {
      this.rule = check;
      return this;
    }

    /**
     * A read sent as {@code GET path}, Asana's operation {@code operation}; the path's parameters are
     * declared with their own descriptions.
     */
    Builder reads(String path, String operation) {
      this.operationId = operation;
      this.route = Route.of("GET", path, false);
      return this;
    }

    /** A write sent as {@code method path} with a JSON body (see {@link Route}). */
    Builder sends(String method, String path, String operation) {
      this.operationId = operation;
      this.route = Route.of(method, path, false);
      for (String name : route.pathParams()) {
        required(name, ParamType.GID, "The gid of the " + name.substring(0, name.length() - 4).replace('_', ' '));
      }
      return this;
    }

    /** A write sent as {@code multipart/form-data}. */
    Builder sendsMultipart(String method, String path, String operation) {
      sends(method, path, operation);
      this.route = Route.of(method, path, true);
      return this;
    }

    /** Marks a write that deletes or removes something. */
    Builder destructive() {
      this.destructive = true;
      return this;
    }

    /** A body field that an update may clear with null. */
    Builder clearable(String name, ParamType type, String text) {
      return param(ParamSpec.optional(name, type, text).asClearable());
    }

    /** An optional body field taking only Asana's enum values, clearable by an update with null. */
    Builder clearableOneOf(String name, String text, String... allowed) {
      return param(ParamSpec.oneOf(name, text, List.of(allowed)).asClearable());
    }

    ActionSpec build() {
      return new ActionSpec(this);
    }
  }
}
