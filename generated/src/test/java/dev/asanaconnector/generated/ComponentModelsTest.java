package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every object schema under {@code components/schemas} is a model class of the same name with a field
 * for each of its properties (its own and its {@code allOf} parts'), typed as the spec's format says.
 * These are the names {@code core} relies on (see openapi/README.md).
 */
class ComponentModelsTest {
  private static final String MODEL_PACKAGE = "dev.asanaconnector.generated.model.";

  @Test
  void everyComponentObjectSchemaIsAModelWithAllItsProperties() {
    Spec spec = Spec.get();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    Set<String> formOnly = Known.formOnlySchemas(spec);
    for (Map.Entry<String, Object> entry : Spec.map(Spec.map(spec.root.get("components")).get("schemas"))
        .entrySet()) {
      String name = entry.getKey();
      Map<String, Object> schema = Spec.map(entry.getValue());
      if (schema.containsKey("oneOf") || schema.containsKey("anyOf")) {
        continue; // merged shapes, checked through the example round trips
      }
      Map<String, Map<String, Object>> properties = properties(spec, schema);
      if (properties.isEmpty() || formOnly.contains(name)) {
        continue; // enums and scalars; multipart/form bodies, which become form parameters
      }
      checked++;
      problems.addAll(check(name, properties));
    }
    System.out.printf("%d component object schemas checked%n", checked);
    assertTrue(checked > 100, "too few component schemas found: " + checked);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void noInlineRequestBodyIsNamedLikeAComponentSchema() {
    Set<String> collisions = Known.requestNameCollisions(Spec.get());
    assertTrue(collisions.isEmpty(), () -> "inline request bodies named like component schemas " + collisions
        + ": one class file would hold both and the component's fields would be lost. Add "
        + "opId_request=OpIdRequestBody to <inlineSchemaNameMappings> in generated/pom.xml");
  }

  private static List<String> check(String name, Map<String, Map<String, Object>> properties) {
    Class<?> model;
    try {
      model = Class.forName(MODEL_PACKAGE + name);
    } catch (ClassNotFoundException e) {
      return List.of(name + ": no model class " + MODEL_PACKAGE + name);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Field field : model.getDeclaredFields()) {
      Json json = field.getAnnotation(Json.class);
      if (json != null && !Modifier.isStatic(field.getModifiers())) {
        fields.put(json.name(), field);
      }
    }
    List<String> problems = new ArrayList<>();
    properties.forEach((property, schema) -> {
      Field field = fields.get(property);
      if (field == null) {
        problems.add(name + ": no field for property " + property + " (fields: " + fields.keySet() + ")");
        return;
      }
      Class<?> expected = javaType(schema);
      if (expected != null && !expected.isAssignableFrom(field.getType())) {
        problems.add(name + "." + property + ": spec " + schema.get("type")
            + (schema.get("format") != null ? "(" + schema.get("format") + ")" : "") + " but field is "
            + field.getType().getSimpleName());
      }
    });
    return problems;
  }

  /** The Java type a property must have, or null where any model or enum will do. */
  private static Class<?> javaType(Map<String, Object> schema) {
    if (schema.containsKey("enum") || schema.containsKey("$ref")) {
      return null;
    }
    Object type = schema.get("type");
    Object format = schema.get("format");
    if ("string".equals(type)) {
      if ("date-time".equals(format)) {
        return OffsetDateTime.class;
      }
      if ("date".equals(format)) {
        return LocalDate.class;
      }
      if ("uri".equals(format)) {
        return URI.class;
      }
      return String.class;
    }
    if ("boolean".equals(type)) {
      return Boolean.class;
    }
    if ("number".equals(type)) {
      return BigDecimal.class;
    }
    if ("integer".equals(type)) {
      return "int64".equals(format) ? Long.class : Integer.class;
    }
    if ("array".equals(type)) {
      return List.class;
    }
    return null;
  }

  /** A schema's properties, its allOf parts' included, each as written (unresolved). */
  private static Map<String, Map<String, Object>> properties(Spec spec, Map<String, Object> schema) {
    Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
    if (schema.get("allOf") instanceof List<?> parts) {
      for (Object part : parts) {
        properties.putAll(properties(spec, spec.resolve(part)));
      }
    }
    Spec.map(schema.get("properties")).forEach((k, v) -> properties.put(k, Spec.map(v)));
    return properties;
  }
}
