package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.generated.support.Operation;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;

/**
 * For every operation, the response and the JSON request body the spec documents (assembled from the
 * spec's own examples) read into the generated types and write back to the same JSON: no field is
 * dropped, renamed or mistyped on the way.
 */
class SpecExamplesTest {
  private static final JsonAdapter<Object> GENERIC = AsanaJson.moshi().adapter(Object.class);

  @Test
  void everyOperationsExampleResponseReadsIntoItsModelAndWritesBackUnchanged() throws Exception {
    Spec spec = Spec.get();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Method method : generatedMethods(spec)) {
      String id = method.getAnnotation(Operation.class).id();
      Optional<Map<String, Object>> schema = spec.successSchema(id);
      Type body = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
      if (schema.isEmpty() || body == Void.class) {
        continue;
      }
      record(problems, id, check(id, body, spec.example(schema.get())),
          Known.MEMBERSHIP_OPERATIONS.contains(id) ? Known.MEMBERSHIP_PARENT : null);
      checked++;
    }
    System.out.printf("%d operations' example responses read and written back%n", checked);
    assertTrue(checked > 0, "no operation checked");
    assertTrue(problems.isEmpty(), () -> problems.size() + " example responses do not round-trip:\n"
        + String.join("\n", problems));
  }

  @Test
  void everyOperationsExampleRequestBodyReadsIntoItsBodyTypeAndWritesBackUnchanged() throws Exception {
    Spec spec = Spec.get();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Method method : generatedMethods(spec)) {
      String id = method.getAnnotation(Operation.class).id();
      Optional<Map<String, Object>> schema = requestSchema(spec, id);
      Type body = bodyType(method);
      if (schema.isEmpty() || body == null) {
        continue;
      }
      record(problems, id + " request", check(id + " request", body, spec.example(schema.get())),
          Known.SPEC_MISTAKES.get(id));
      checked++;
    }
    System.out.printf("%d operations' example request bodies read and written back%n", checked);
    assertTrue(checked > 0, "no operation checked");
    assertTrue(problems.isEmpty(), () -> problems.size() + " example request bodies do not round-trip:\n"
        + String.join("\n", problems));
  }

  /** Records {@code problem} unless {@code known} explains it; reports a known one that went away. */
  private static void record(List<String> problems, String what, String problem, String known) {
    if (problem != null && known != null) {
      System.out.println("known limit: " + problem + "\n  because " + known);
    } else if (problem != null) {
      problems.add(problem);
    } else if (known != null) {
      System.out.println("no longer a problem, update Known: " + what + " (" + known + ")");
    }
  }

  static List<Method> generatedMethods(Spec spec) throws Exception {
    List<Method> methods = new ArrayList<>();
    for (Class<?> api : OperationsMatchSpecTest.apiInterfaces()) {
      for (Method method : api.getDeclaredMethods()) {
        Operation operation = method.getAnnotation(Operation.class);
        if (operation != null && spec.has(operation.id())) {
          methods.add(method);
        }
      }
    }
    methods.sort(java.util.Comparator.comparing(Method::getName));
    return methods;
  }

  private static Optional<Map<String, Object>> requestSchema(Spec spec, String operationId) {
    Object requestBody = spec.op(operationId).node().get("requestBody");
    if (requestBody == null) {
      return Optional.empty();
    }
    Object media = Spec.map(spec.resolve(requestBody).get("content")).get("application/json");
    return media == null ? Optional.empty() : Optional.of(spec.resolve(Spec.map(media).get("schema")));
  }

  private static Type bodyType(Method method) {
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Body) {
          return method.getGenericParameterTypes()[i];
        }
      }
    }
    return null;
  }

  private static String check(String what, Type type, Object example) {
    JsonAdapter<Object> adapter = AsanaJson.moshi().adapter(type);
    String exampleJson = GENERIC.toJson(example);
    try {
      Object model = adapter.fromJson(exampleJson);
      Object expected = GENERIC.fromJson(exampleJson);
      Object actual = GENERIC.fromJson(adapter.toJson(model));
      String difference = JsonDiff.first(expected, actual, "$");
      return difference == null ? null : what + " (" + type.getTypeName() + "): " + difference;
    } catch (Exception e) {
      return what + " (" + type.getTypeName() + "): " + e;
    }
  }
}
