package dev.asanaconnector;

import com.squareup.moshi.JsonWriter;
import dev.asanaconnector.http.ActionName;
import dev.asanaconnector.http.CallOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Builds the HTTP request of an action from its validated arguments and its {@link ActionSpec.Route}:
 * path parameters into the path, {@code opt_fields} into the query; a read's other parameters into the
 * query too (in the catalog's order, then custom field filters as given), a write's into the body,
 * {@code {"data": {...}}} as Asana's spec gives it (lists of gids as arrays, dates as ISO 8601, an
 * update's cleared field as JSON {@code null}), or {@code multipart/form-data} for an upload, whose file
 * is streamed from disk when the request is sent, never read whole into memory.
 */
final class ActionRequests {
  /** The body types, parsed when the first write is built rather than with the first read (holder idiom). */
  private static final class BodyTypes {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType BINARY = MediaType.get("application/octet-stream");
  }

  private ActionRequests() {
  }

  static Request build(HttpUrl baseUrl, ActionSpec spec, ActionArgs args, CallOptions options) {
    ActionSpec.Route route = spec.route;
    List<String> pathParams = route.pathParams();
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : route.segments()) {
      url.addPathSegment(ActionSpec.Route.isSlot(segment) ? args.string(segment.substring(1, segment.length() - 1))
          : segment);
    }
    if (route.isRead()) {
      addQuery(url, spec, args, pathParams);
    }
    if (args.optFields() != null) {
      // Field names are checked (letters, digits, '_' and '.'), so they need no encoding, and the commas
      // between them stay commas, as Asana's documentation writes them (and logs are readable).
      url.addEncodedQueryParameter("opt_fields", String.join(",", args.optFields()));
    }
    Request.Builder request = new Request.Builder().url(url.build());
    RequestBody body = route.isRead() || route.method().equals("DELETE") ? null
        : route.multipart() ? multipart(args, pathParams) : json(spec, args, pathParams);
    request.method(route.method(), body);
    String enable = args.string("asana_enable");
    String disable = args.string("asana_disable");
    if (enable != null) {
      request.header("Asana-Enable", enable);
    }
    if (disable != null) {
      request.header("Asana-Disable", disable);
    }
    if (options != null) {
      request.tag(CallOptions.class, options);
    }
    return request.tag(ActionName.class, new ActionName(spec.name())).build();
  }

  /** A read's query: its parameters in the catalog's order, then those it has no spec for (custom field filters). */
  private static void addQuery(HttpUrl.Builder url, ActionSpec spec, ActionArgs args, List<String> pathParams) {
    for (ParamSpec param : spec.params.values()) {
      Object value = args.raw(param.name());
      if (value != null && isQueryParam(param.name(), param.type(), pathParams)) {
        url.addQueryParameter(param.name(), args.string(param.name()));
      }
    }
    for (String name : args.values().keySet()) {
      if (!spec.params.containsKey(name) && isBodyOrQueryParam(name, pathParams)) {
        url.addQueryParameter(name, args.string(name));
      }
    }
  }

  /** A read's parameter that goes into the query: not the path's, not a header (the download's range). */
  private static boolean isQueryParam(String name, ParamType type, List<String> pathParams) {
    return type != ParamType.BYTE_RANGE && isBodyOrQueryParam(name, pathParams);
  }

  /** A write's body field or a read's query parameter: any argument but the path's and the common ones. */
  private static boolean isBodyOrQueryParam(String name, List<String> pathParams) {
    return !pathParams.contains(name) && !Dispatcher.isCommon(name);
  }

  private static RequestBody json(ActionSpec spec, ActionArgs args, List<String> pathParams) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true); // a cleared field is sent as null; nothing else is null here
      writer.beginObject().name("data").beginObject();
      for (Map.Entry<String, Object> field : args.values().entrySet()) {
        if (isBodyOrQueryParam(field.getKey(), pathParams)) {
          writer.name(field.getKey());
          writeValue(writer, field.getValue(), spec.params.get(field.getKey()).type() == ParamType.GID_LIST);
        }
      }
      writer.endObject().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return RequestBody.create(buffer.readByteString(), BodyTypes.JSON);
  }

  private static void writeValue(JsonWriter writer, Object value, boolean gidList) throws IOException {
    if (value == Dispatcher.CLEARED) {
      writer.nullValue();
    } else if (value instanceof Boolean flag) {
      writer.value(flag);
    } else if (value instanceof OffsetDateTime time) {
      writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    } else if (value instanceof LocalDate date) {
      writer.value(date.toString());
    } else if (gidList) {
      writer.beginArray();
      for (String gid : value.toString().split(",")) {
        writer.value(gid);
      }
      writer.endArray();
    } else {
      writer.value(value.toString());
    }
  }

  private static RequestBody multipart(ActionArgs args, List<String> pathParams) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (Map.Entry<String, Object> field : args.values().entrySet()) {
      if (!isBodyOrQueryParam(field.getKey(), pathParams)) {
        continue;
      }
      if (field.getValue() instanceof Path file) {
        form.addFormDataPart(field.getKey(), fileName(file), RequestBody.create(file.toFile(), contentType(file)));
      } else {
        form.addFormDataPart(field.getKey(), field.getValue().toString());
      }
    }
    if (args.has("url") && !args.has("resource_subtype")) {
      form.addFormDataPart("resource_subtype", "external"); // Asana needs it for a link
    }
    return form.build();
  }

  private static String fileName(Path file) {
    Path name = file.getFileName();
    return name == null ? "file" : name.toString();
  }

  private static MediaType contentType(Path file) {
    try {
      String probed = Files.probeContentType(file);
      MediaType type = probed == null ? null : MediaType.parse(probed);
      return type != null ? type : BodyTypes.BINARY;
    } catch (IOException e) {
      return BodyTypes.BINARY;
    }
  }
}
