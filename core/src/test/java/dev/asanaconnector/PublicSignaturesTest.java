package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.CreateTaskRequest;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.model.TaskUpdateRequest;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public or protected signature in {@code core} mentions a generated request-body model: Asana renames
 * those schemas between spec versions ({@code TaskRequest}, {@code TaskCreateRequest},
 * {@code CreateTaskRequest}...), which would break the connector's callers on a spec update. Records read
 * from Asana ({@code TaskResponse}, {@code TaskCompact}...) are stable names and allowed.
 */
class PublicSignaturesTest {
  private static final String MODEL_PACKAGE = "dev.asanaconnector.generated.model.";

  @Test
  void noPublicSignatureOfCoreMentionsAGeneratedRequestBodyModel() throws Exception {
    List<Class<?>> publicClasses = publicClassesOfCore();
    Set<String> scanned = new TreeSet<>();
    List<String> violations = new ArrayList<>();
    for (Class<?> type : publicClasses) {
      scanned.add(type.getName());
      violations.addAll(requestModelsIn(type));
    }
    // Guards against a scan that silently finds nothing (a moved output directory, a wrong class loader).
    assertTrue(scanned.containsAll(List.of("dev.asanaconnector.AsanaClient", "dev.asanaconnector.Tasks",
        "dev.asanaconnector.TaskUpdate", "dev.asanaconnector.TaskUpdate$Builder", "dev.asanaconnector.Attachments",
        "dev.asanaconnector.http.HttpSettings")), "scanned: " + scanned);
    assertTrue(scanned.size() > 60, "public classes scanned: " + scanned.size());
    assertEquals(List.of(), violations);
  }

  /** The scan itself: a signature mentioning a request model, anywhere in it, is reported. */
  @Test
  void theScanFindsRequestModelsWhereverASignatureMentionsThem() {
    List<String> found = requestModelsIn(Leaky.class);
    assertEquals(5, found.size(), String.join("\n", found));
    assertTrue(found.stream().anyMatch(v -> v.endsWith("mentions " + CreateTaskRequest.Builder.class.getName())),
        "a builder nested in a request model counts: " + String.join("\n", found));
    assertEquals(List.of(), requestModelsIn(Clean.class), "read models and private members are fine");
  }

  /** Mentions request models in five ways the scan must catch. */
  @SuppressWarnings("unused")
  public static final class Leaky {
    public List<CreateTaskRequest> field;

    public Leaky(TaskUpdateRequest update) {
    }

    public Map<String, ? extends CreateTaskRequest> wildcard() {
      return null;
    }

    protected CreateTaskRequest.Builder[] nested() {
      return null;
    }

    public <T extends TaskUpdateRequest> void bound(T t) {
    }
  }

  /** A response model in public signatures, a request model only in private ones. */
  @SuppressWarnings("unused")
  public static final class Clean {
    private CreateTaskRequest hidden;

    public TaskResponse read() {
      return null;
    }

    private void write(CreateTaskRequest body) {
    }
  }

  /** Every public class (nested ones included) in core's main output, loaded without initializing it. */
  private static List<Class<?>> publicClassesOfCore() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(AsanaClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isDirectory(classes), "core's classes are a directory when its tests run: " + classes);
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, AsanaClient.class.getClassLoader());
        if (isPublicApi(type)) {
          found.add(type);
        }
      }
    }
    return found;
  }

  /** Public, and every class enclosing it public too (otherwise no caller outside core can name it). */
  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  /** Each public or protected member of {@code type}, and its supertypes, that mention a request model. */
  private static List<String> requestModelsIn(Class<?> type) {
    List<String> violations = new ArrayList<>();
    List<Type> declaration = new ArrayList<>(List.of(type.getTypeParameters()));
    declaration.add(type.getGenericSuperclass());
    declaration.addAll(List.of(type.getGenericInterfaces()));
    check(violations, type.getName() + " (type parameters and supertypes)", declaration);
    for (Field field : type.getDeclaredFields()) {
      if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
        check(violations, field.toGenericString(), List.of(field.getGenericType()));
      }
    }
    List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
    executables.addAll(List.of(type.getDeclaredMethods()));
    for (Executable executable : executables) {
      if (!isVisible(executable.getModifiers()) || executable.isSynthetic()
          || (executable instanceof Method method && method.isBridge())) {
        continue;
      }
      List<Type> signature = new ArrayList<>(List.of(executable.getTypeParameters()));
      signature.addAll(List.of(executable.getGenericParameterTypes()));
      signature.addAll(List.of(executable.getGenericExceptionTypes()));
      if (executable instanceof Method method) {
        signature.add(method.getGenericReturnType());
      }
      check(violations, executable.toGenericString(), signature);
    }
    return violations;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> violations, String where, List<Type> types) {
    Set<String> models = new TreeSet<>();
    for (Type type : types) {
      collectRequestModels(type, models, new HashSet<>());
    }
    for (String model : models) {
      violations.add(where + " mentions " + model);
    }
  }

  private static void collectRequestModels(Type type, Set<String> models, Set<Type> seen) {
    if (type == null || !seen.add(type)) {
      return; // seen: a type variable may be bounded by itself (T extends Comparable<T>)
    }
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        collectRequestModels(c.getComponentType(), models, seen);
      } else if (isRequestModel(c)) {
        models.add(c.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      collectRequestModels(p.getRawType(), models, seen);
      collectRequestModels(p.getOwnerType(), models, seen);
      for (Type argument : p.getActualTypeArguments()) {
        collectRequestModels(argument, models, seen);
      }
    } else if (type instanceof WildcardType w) {
      Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
          .forEach(bound -> collectRequestModels(bound, models, seen));
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        collectRequestModels(bound, models, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      collectRequestModels(a.getGenericComponentType(), models, seen);
    }
  }

  /**
   * A generated model that is a request body, or nested in one (its {@code Builder}): named
   * {@code ...Request}, {@code ...RequestBody} or {@code ...Body}.
   */
  private static boolean isRequestModel(Class<?> type) {
    if (!type.getName().startsWith(MODEL_PACKAGE)) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      String name = c.getSimpleName();
      if (name.endsWith("Request") || name.endsWith("Body")) {
        return true;
      }
    }
    return false;
  }
}
