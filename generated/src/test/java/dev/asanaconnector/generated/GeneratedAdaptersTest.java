package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.generated.support.JsonEnum;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model is read and written by the adapter generated with it (openapi/templates/modelJsonAdapter),
 * not by Moshi's reflective one, and that adapter puts each JSON name's value in that name's field and
 * writes every field back under its name.
 */
class GeneratedAdaptersTest {
  private static final JsonAdapter<Object> JSON = AsanaJson.moshi().adapter(Object.class);

  @Test
  void everyModelReadsEachFieldFromItsJsonNameAndWritesItBack() throws IOException {
    List<Class<?>> models = modelClasses();
    assertTrue(models.size() > 300, "too few model classes found: " + models.size());
    List<String> problems = new ArrayList<>();
    for (Class<?> model : models) {
      JsonAdapter<Object> adapter = AsanaJson.moshi().adapter((Type) model);
      if (!adapter.toString().contains("JsonAdapter(" + model.getSimpleName() + ")")) {
        problems.add(model.getSimpleName() + " is read by " + adapter + ", not by its generated adapter");
        continue;
      }
      // Every string field holds its own JSON name, so a value landing in another field shows.
      String sample = JSON.toJson(sampleObject(model, 0));
      Object read = adapter.fromJson(sample);
      Object writtenBack = JSON.fromJson(adapter.toJson(read));
      if (!JSON.fromJson(sample).equals(writtenBack)) {
        problems.add(model.getSimpleName() + ": read " + sample + ", wrote back " + JSON.toJson(writtenBack));
      }
    }
    assertTrue(problems.isEmpty(), () -> problems.size() + " models:\n" + String.join("\n", problems));
  }

  @Test
  void theGeneratedAdapterSetsTheFieldsNamedAndSkipsUnknownNames() throws IOException {
    TaskCompact task = AsanaJson.moshi().adapter(TaskCompact.class).fromJson(
        "{\"name\":\"Write the report\",\"added_later\":{\"nested\":[1,2]},\"gid\":\"12\",\"resource_subtype\":\"milestone\"}");
    assertEquals("12", task.getGid());
    assertEquals("Write the report", task.getName());
    assertEquals(TaskCompact.ResourceSubtypeEnum.MILESTONE, task.getResourceSubtype());
    assertEquals(null, task.getResourceType());
  }

  @Test
  void everyEnumKnowsTheJsonNameItsAnnotationGives() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : classes(true)) {
      if (!type.isEnum()) {
        continue;
      }
      assertTrue(JsonEnum.class.isAssignableFrom(type), type.getName() + " is not a JsonEnum");
      for (Object constant : type.getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        Json json = field(type, name).getAnnotation(Json.class);
        String expected = name.equals("UNRECOGNIZED") ? null : json.name();
        checked++;
        if (!java.util.Objects.equals(expected, ((JsonEnum) constant).jsonName())) {
          problems.add(type.getName() + "." + name + ": " + ((JsonEnum) constant).jsonName() + " vs " + expected);
        }
      }
    }
    assertTrue(checked > 500, "too few enum constants found: " + checked);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  private static Field field(Class<?> type, String name) {
    try {
      return type.getField(name);
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  /** A JSON value for every field of {@code model}, nested models to a depth of two. */
  private static Map<String, Object> sampleObject(Class<?> model, int depth) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Field field : model.getDeclaredFields()) {
      Json name = field.getAnnotation(Json.class);
      if (name == null || Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Object value = sampleValue(field.getGenericType(), name.name(), depth);
      if (value != null) {
        json.put(name.name(), value);
      }
    }
    return json;
  }

  private static Object sampleValue(Type type, String jsonName, int depth) {
    if (type instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      Object item = sampleValue(arguments[arguments.length - 1], jsonName, depth);
      if (item == null) {
        return null;
      }
      return Types.getRawType(type) == List.class ? List.of(item) : Map.of("key", item);
    }
    Class<?> raw = Types.getRawType(type);
    if (raw == String.class || raw == Object.class) {
      return jsonName;
    }
    if (raw == Boolean.class) {
      return true;
    }
    if (raw == Integer.class) {
      return 7;
    }
    if (raw == BigDecimal.class) {
      return 1.5;
    }
    if (raw == OffsetDateTime.class) {
      return "2024-01-02T03:04:05Z";
    }
    if (raw == LocalDate.class) {
      return "2024-01-02";
    }
    if (raw == URI.class) {
      return "https://app.asana.com/" + jsonName;
    }
    if (raw.isEnum()) {
      Object first = raw.getEnumConstants()[0];
      try {
        Json name = raw.getField(((Enum<?>) first).name()).getAnnotation(Json.class);
        return name != null ? name.name() : ((Enum<?>) first).name();
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
    }
    return depth < 2 ? sampleObject(raw, depth + 1) : null;
  }

  private static List<Class<?>> modelClasses() throws IOException {
    List<Class<?>> models = new ArrayList<>();
    for (Class<?> type : classes(false)) {
      if (!type.isEnum() && !type.isInterface()) {
        models.add(type);
      }
    }
    return models;
  }

  /** The model package's classes: top-level ones, and with {@code nested} their nested ones too. */
  private static List<Class<?>> classes(boolean nested) throws IOException {
    Path root;
    try {
      root = Path.of(TaskCompact.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
    Path dir = root.resolve(TaskCompact.class.getPackageName().replace('.', '/'));
    assertTrue(Files.isDirectory(dir), "the models are not in a classes directory: " + root);
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && (nested || !name.contains("$"))) {
          classes.add(load(TaskCompact.class.getPackageName() + "." + name.substring(0, name.length() - 6)));
        }
      }
    }
    return classes;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
