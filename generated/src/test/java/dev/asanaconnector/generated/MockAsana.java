package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.generated.support.AsanaRetrofit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Header;
import retrofit2.http.Part;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * A MockWebServer standing in for Asana, and the generated interfaces built exactly as the library
 * builds them: {@code AsanaRetrofit.builder(server.url("/api/1.0/"), new OkHttpClient())}.
 *
 * <p>Operations are called by their spec names ({@link #call}): arguments are given by the spec's
 * parameter names ({@code "task_gid"}, {@code "opt_fields"}, {@code "body"} for the JSON body,
 * {@code "file"} for a multipart file part), so a test keeps compiling when a spec version adds a query
 * parameter to an operation.
 */
final class MockAsana implements AutoCloseable {
  private static final JsonAdapter<Object> JSON = AsanaJson.moshi().adapter(Object.class);

  final MockWebServer server = new MockWebServer();
  private final Retrofit retrofit;

  MockAsana() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    retrofit = AsanaRetrofit.builder(server.url("/api/1.0/"), new OkHttpClient()).build();
  }

  <T> T api(Class<T> type) {
    return retrofit.create(type);
  }

  /** Queues a 200 response whose body is {@code json}. */
  MockAsana respond(String json) {
    return respond(200, json);
  }

  MockAsana respond(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(json).build());
    return this;
  }

  /** Queues a 200 response whose body is {@code body} written as JSON. */
  MockAsana respondWith(Object body) {
    return respond(JSON.toJson(body));
  }

  /** The next request the server received. */
  RecordedRequest request() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertNotNull(request, "no request reached the server");
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The request body as generic JSON (maps, lists, strings, doubles, booleans). */
  static Object json(RecordedRequest request) {
    try {
      return JSON.fromJson(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object json(String text) {
    try {
      return JSON.fromJson(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} written as JSON with the generated models' adapters, read back as generic JSON. */
  static Object asJson(Object value, java.lang.reflect.Type type) {
    return json(AsanaJson.moshi().adapter(type).toJson(value));
  }

  static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return args;
  }

  /** Calls {@code operationId} on {@code api}, expects a 2xx response, and returns its body. */
  @SuppressWarnings("unchecked")
  static <T> T execute(Object api, String operationId, Map<String, Object> args) {
    try {
      Response<?> response = call(api, operationId, args).execute();
      assertTrue(response.isSuccessful(), () -> operationId + " answered " + response.code());
      return (T) response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@link Call} of the generated method named {@code operationId}, its arguments matched by the
   * names in their Retrofit annotations; parameters not given are passed {@code null}.
   */
  static Call<?> call(Object api, String operationId, Map<String, Object> args) {
    Method method = method(api, operationId);
    Object[] values = new Object[method.getParameterCount()];
    Set<String> unused = new HashSet<>(args.keySet());
    List<String> names = new ArrayList<>();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < values.length; i++) {
      String name = specName(annotations[i]);
      names.add(name);
      values[i] = args.get(name);
      unused.remove(name);
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(operationId + " has no parameter " + unused + "; it has " + names);
    }
    try {
      return (Call<?>) method.invoke(api, values);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    }
  }

  static Method method(Object api, String operationId) {
    Class<?> type = Proxy.isProxyClass(api.getClass()) ? api.getClass().getInterfaces()[0] : api.getClass();
    List<Method> matches = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getName().equals(operationId)) {
        matches.add(method);
      }
    }
    assertEquals(1, matches.size(), () -> type.getSimpleName() + " methods named " + operationId);
    return matches.get(0);
  }

  private static String specName(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof Path path) {
        return path.value();
      } else if (annotation instanceof Query query) {
        return query.value();
      } else if (annotation instanceof Header header) {
        return header.value();
      } else if (annotation instanceof Field field) {
        return field.value();
      } else if (annotation instanceof Part part) {
        return part.value().isEmpty() ? "file" : part.value();
      } else if (annotation instanceof Body) {
        return "body";
      }
    }
    throw new IllegalStateException("parameter without a Retrofit annotation");
  }

  /** The generic type {@code List<element>}, for Moshi adapters. */
  static java.lang.reflect.Type listOf(java.lang.reflect.Type element) {
    return Types.newParameterizedType(List.class, element);
  }

  @Override
  public void close() {
    server.close();
  }
}
