package dev.asanaconnector;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.http.CallOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Runs catalog actions: validates parameters (before any request), builds the request from the action's
 * route ({@link ActionRequests}), sends it through the {@link Transport} and reads records either typed (generated models) or
 * untyped (maps, for {@code execute}).
 */
final class Dispatcher {
  private static final Map<String, ParamSpec> COMMON = Map.of(
      "opt_fields", ParamSpec.optional("opt_fields", ParamType.FIELD_LIST,
          "Further record fields to return (comma-separated)"),
      "asana_enable", ParamSpec.optional("asana_enable", ParamType.HEADER,
          "Asana-Enable header: API changes to opt in to (comma-separated)"),
      "asana_disable", ParamSpec.optional("asana_disable", ParamType.HEADER,
          "Asana-Disable header: API changes to opt out of (comma-separated)"));

  /** An update's cleared field: sent as JSON {@code null}. */
  static final Object CLEARED = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
  private static final Map<String, ParamSpec> HEADERS_ONLY = Map.of(
      "asana_enable", COMMON.get("asana_enable"), "asana_disable", COMMON.get("asana_disable"));

  private final HttpUrl baseUrl;
  private final Transport transport;
  private final Moshi moshi;
  private final Map<Class<?>, JsonAdapter<?>> listAdapters = new ConcurrentHashMap<>();
  private final Map<Class<?>, JsonAdapter<?>> dataAdapters = new ConcurrentHashMap<>();

  Dispatcher(HttpUrl baseUrl, Transport transport, Moshi moshi) {
    this.baseUrl = baseUrl;
    this.transport = transport;
    this.moshi = moshi;
  }

  Transport transport() {
    return transport;
  }

  /**
   * Parameters an action takes besides its own: {@code opt_fields} and Asana's change headers for the
   * actions that return records, the headers alone for other writes, nothing for the file download.
   */
  static Map<String, ParamSpec> commonParams(ActionSpec spec) {
    if (spec.kind == ActionKind.DOWNLOAD) {
      return Map.of();
    }
    return spec.kind.isWrite() && spec.recordType == Map.class ? HEADERS_ONLY : COMMON;
  }

  /** Whether {@code name} is one of the parameters every action may take (not a body field). */
  static boolean isCommon(String name) {
    return COMMON.containsKey(name);
  }

  /** Checks {@code params} against {@code spec}; throws {@link InvalidParameterException} naming the culprit. */
  static ActionArgs validate(ActionSpec spec, Map<String, ?> params) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> requested = null;
    for (Map.Entry<String, ?> entry : params.entrySet()) {
      String name = entry.getKey();
      if (name == null) {
        throw new InvalidParameterException("null", "parameter names must not be null");
      }
      ParamSpec param = spec.params.get(name);
      if (param == null) {
        param = commonParams(spec).get(name);
      }
      if (param == null && spec.entity.equals("workspace_task_search")
          && TaskSearch.CUSTOM_FIELD_FILTER.matcher(name).matches()) {
        param = ParamSpec.optional(name, ParamType.STRING, "custom field filter");
      }
      if (param == null) {
        throw new InvalidParameterException(name, "is not a parameter of " + spec.name() + "; it takes: "
            + String.join(", ", allParamNames(spec)));
      }
      Object value = entry.getValue();
      if (value == null && spec.kind == ActionKind.UPDATE && !param.required()) {
        if (!param.clearable()) {
          throw new InvalidParameterException(name, "cannot be cleared; leave it out to keep it unchanged");
        }
        values.put(name, CLEARED);
        continue;
      }
      if (value == null) {
        continue; // a known optional parameter left unset; a null required one is reported below
      }
      Object normalized = param.normalize(value);
      if (name.equals("opt_fields")) {
        @SuppressWarnings("unchecked")
        List<String> fields = (List<String>) normalized;
        requested = fields;
      } else {
        values.put(name, normalized);
      }
    }
    for (ParamSpec param : spec.params.values()) {
      if (param.required() && !values.containsKey(param.name())) {
        throw new InvalidParameterException(param.name(), "is required for " + spec.name());
      }
    }
    spec.rule.check(values);
    return new ActionArgs(values, optFields(spec, requested));
  }

  static List<String> allParamNames(ActionSpec spec) {
    List<String> names = new ArrayList<>(spec.params.keySet());
    names.addAll(commonParams(spec).keySet().stream().sorted().toList());
    return names;
  }

  /**
   * The {@code opt_fields} to send: Asana returns only the fields listed there, so when any are sent the
   * documented record fields are sent with them.
   */
  private static List<String> optFields(ActionSpec spec, List<String> requested) {
    if (requested == null) {
      return spec.requestsRecordFields ? spec.optFields : null;
    }
    return ActionArgs.union(spec.optFields, requested);
  }

  /** The HTTP request for validated {@code args}. */
  Request request(ActionSpec spec, ActionArgs args, CallOptions options) {
    return ActionRequests.build(baseUrl, spec, args, options);
  }

  /**
   * Sends a write and reads Asana's answer: the record it returns as {@code recordType}, or as an
   * unmodifiable map ({@code {}} for deletes and for adding or removing a relation).
   */
  <T> T write(ActionSpec spec, Map<String, ?> params, Class<T> recordType, CallOptions options) {
    Request request = request(spec, validate(spec, params), options);
    if (recordType == Map.class) {
      return recordType.cast(transport.execute(request, reader -> {
        if (!(readObject(reader).get("data") instanceof Map<?, ?> data)) {
          throw new JsonDataException("Asana's answer to " + spec.name() + " has no data object");
        }
        return data;
      }));
    }
    return transport.execute(request, reader -> dataAdapter(recordType).fromJson(reader).record(spec.name()));
  }

  /** The request a write would send, built and checked as {@link #write} does, for a dry run. */
  Request writeRequest(ActionSpec spec, Map<String, ?> params) {
    return request(spec, validate(spec, params), null);
  }

  @SuppressWarnings("unchecked")
  private <T> JsonAdapter<Envelopes.DataEnvelope<T>> dataAdapter(Class<T> recordType) {
    return (JsonAdapter<Envelopes.DataEnvelope<T>>) dataAdapters.computeIfAbsent(recordType,
        type -> Envelopes.dataAdapter(moshi, type));
  }

  // Shape checks run inside the body reader: the transport reports a JsonDataException thrown there as
  // an InvalidResponseException with the real status, method, path and a body excerpt.

  <T> Page<T> listPage(ActionSpec spec, Map<String, ?> params, Class<T> recordType, CallOptions options) {
    return listPages(spec, params, recordType, options).apply(null);
  }

  /**
   * The pages of one listing: {@code params} are checked and the request built now, once; the function
   * fetches that request at the offset it is given ({@code null}: as built). Every page of an iteration
   * differs only in Asana's offset; checking and building the same parameters again for each page was
   * the largest part of what the connector added per page over a hand-written loop (see BENCHMARKS.md).
   */
  <T> Function<String, Page<T>> listPages(ActionSpec spec, Map<String, ?> params, Class<T> recordType,
      CallOptions options) {
    Request first = request(spec, validate(spec, params), options);
    @SuppressWarnings("unchecked")
    JsonAdapter<Envelopes.ListEnvelope<T>> adapter = (JsonAdapter<Envelopes.ListEnvelope<T>>) listAdapters
        .computeIfAbsent(recordType, type -> Envelopes.listAdapter(moshi, type));
    return offset -> transport.execute(offset == null ? first : atOffset(first, offset),
        reader -> adapter.fromJson(reader).toPage(spec.name()));
  }

  /** {@code request} with its {@code offset} query parameter set to {@code offset} (encoded as a value). */
  static Request atOffset(Request request, String offset) {
    return request.newBuilder().url(request.url().newBuilder().setQueryParameter("offset", offset).build()).build();
  }

  <T> T getRecord(ActionSpec spec, Map<String, ?> params, Class<T> recordType, CallOptions options) {
    ActionArgs args = validate(spec, params);
    JsonAdapter<Envelopes.DataEnvelope<T>> adapter = dataAdapter(recordType);
    return transport.execute(request(spec, args, options), reader -> adapter.fromJson(reader).record(spec.name()));
  }

  /**
   * A list page as untyped records: {@code {data: [...], meta: {next_page: {...} | null}}}, unmodifiable
   * all the way down.
   */
  Map<String, Object> listUntyped(ActionSpec spec, Map<String, ?> params, CallOptions options) {
    return untypedPages(spec, params, options).apply(null);
  }

  /** The untyped pages of one listing, as {@link #listPages} for typed ones: checked and built once. */
  Function<String, Map<String, Object>> untypedPages(ActionSpec spec, Map<String, ?> params, CallOptions options) {
    Request first = request(spec, validate(spec, params), options);
    return offset -> transport.execute(offset == null ? first : atOffset(first, offset), reader -> {
      Map<?, ?> body = readObject(reader);
      if (!(body.get("data") instanceof List<?> data)) {
        throw new JsonDataException("Asana's answer to " + spec.name() + " has no data list");
      }
      if (data.stream().anyMatch(record -> !(record instanceof Map))) {
        throw new JsonDataException("Asana's answer to " + spec.name() + " lists data that are not records");
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      Object next = body.get("next_page");
      meta.put("next_page", next instanceof Map<?, ?> m && m.get("offset") != null ? next : null);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("data", data);
      result.put("meta", Collections.unmodifiableMap(meta));
      return Collections.unmodifiableMap(result);
    });
  }

  /** The offset of the page after an untyped page, or null at the end. */
  static String nextOffset(Map<String, Object> page) {
    Object next = ((Map<?, ?>) page.get("meta")).get("next_page");
    return next == null ? null : String.valueOf(((Map<?, ?>) next).get("offset"));
  }

  /** A record as an unmodifiable untyped map (nested maps and lists too). */
  Map<?, ?> getUntyped(ActionSpec spec, Map<String, ?> params, CallOptions options) {
    ActionArgs args = validate(spec, params);
    return transport.execute(request(spec, args, options), reader -> {
      if (!(readObject(reader).get("data") instanceof Map<?, ?> data)) {
        throw new JsonDataException("Asana's answer to " + spec.name() + " has no data object");
      }
      return data;
    });
  }

  private static Map<?, ?> readObject(JsonReader reader) throws IOException {
    Object value = JsonValues.read(reader);
    if (!(value instanceof Map<?, ?> map)) {
      throw new JsonDataException("Expected a JSON object but was " + value);
    }
    return map;
  }
}
