package dev.asanaconnector.spectools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of one operation shapes the generated code: where it is, its tags (which interface it lands
 * in), its parameters in order (the generated method's parameter list), its request body's fields and
 * its 2xx response's {@code data} fields, each with its type.
 *
 * @param params parameter name (with {@code (path)}, {@code (header)} or {@code (form)} unless in the
 *     query; {@code body} for a JSON body) to type, {@code , required} appended when required
 */
record OperationShape(String id, String method, String path, List<String> tags, Map<String, String> params,
    Map<String, String> bodyFields, Map<String, String> responseFields) {

  static Map<String, OperationShape> of(OpenApiDocument document) {
    Map<String, OperationShape> shapes = new LinkedHashMap<>();
    document.operations().forEach((id, operation) -> shapes.put(id, of(document, operation)));
    return shapes;
  }

  static OperationShape of(OpenApiDocument document, OpenApiDocument.Operation operation) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map<String, Object> parameter : document.parameters(operation)) {
      String in = String.valueOf(parameter.get("in"));
      String name = parameter.get("name") + ("query".equals(in) ? "" : " (" + in + ")");
      params.put(name, document.type(parameter.get("schema")) + required(parameter.get("required")));
    }
    Map<String, String> bodyFields = new LinkedHashMap<>();
    Map<String, Object> requestBody = document.requestBody(operation);
    Map<String, Object> content = OpenApiDocument.map(requestBody.get("content"));
    for (Map.Entry<String, Object> media : content.entrySet()) {
      Map<String, Object> schema = document.resolve(OpenApiDocument.map(media.getValue()).get("schema"));
      if (media.getKey().startsWith("multipart/") || media.getKey().equals("application/x-www-form-urlencoded")) {
        document.properties(schema).forEach((name, type) -> params.put(name + " (form)", type));
      } else if (!params.containsKey("body")) {
        params.put("body", "object" + required(requestBody.get("required")));
        bodyFields.putAll(dataFields(document, schema));
      }
    }
    Map<String, String> responseFields = document.successSchema(operation)
        .map(schema -> dataFields(document, schema))
        .orElse(Map.of());
    List<String> tags = new ArrayList<>();
    if (operation.node().get("tags") instanceof List<?> list) {
      list.forEach(tag -> tags.add(String.valueOf(tag)));
    }
    return new OperationShape(operation.id(), operation.method(), operation.path(), tags, params, bodyFields,
        responseFields);
  }

  private static String required(Object flag) {
    return Boolean.TRUE.equals(flag) ? ", required" : "";
  }

  /**
   * The fields of an envelope's {@code data} (of its items, for a list), or of the schema itself when
   * it has no {@code data}.
   */
  static Map<String, String> dataFields(OpenApiDocument document, Map<String, Object> envelope) {
    Optional<Object> data = property(document, envelope, "data", 0);
    if (data.isEmpty()) {
      return document.properties(envelope);
    }
    Map<String, Object> dataSchema = document.resolve(data.get());
    if ("array".equals(dataSchema.get("type"))) {
      return document.properties(dataSchema.get("items"));
    }
    return document.properties(dataSchema);
  }

  /** The schema node of property {@code name}, looked for in allOf parts and alternatives too. */
  private static Optional<Object> property(OpenApiDocument document, Object schemaNode, String name, int depth) {
    if (depth > 20) {
      return Optional.empty();
    }
    Map<String, Object> schema = document.resolve(schemaNode);
    Object direct = OpenApiDocument.map(schema.get("properties")).get(name);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (String composition : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.get(composition) instanceof List<?> parts) {
        for (Object part : parts) {
          Optional<Object> found = property(document, part, name, depth + 1);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** {@code GET /tasks/{task_gid}}. */
  String where() {
    return method + " " + path;
  }
}
