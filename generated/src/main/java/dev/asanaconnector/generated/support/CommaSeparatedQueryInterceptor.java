package dev.asanaconnector.generated.support;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;
import retrofit2.http.Query;

/**
 * Joins the repeated values Retrofit sends for a {@link CommaSeparated} list parameter into one
 * comma-separated value, as Asana's {@code style: form, explode: false} parameters require.
 *
 * <p>Retrofit encodes commas inside a value ({@code %2C}), so joining with a literal comma keeps each
 * value distinct. The parameter names of each method are computed once and cached.
 */
public final class CommaSeparatedQueryInterceptor implements Interceptor {
  private final Map<Method, Set<String>> commaSeparatedNames = new ConcurrentHashMap<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return chain.proceed(request);
    }
    Set<String> names = commaSeparatedNames.computeIfAbsent(invocation.method(),
        CommaSeparatedQueryInterceptor::namesOf);
    if (names.isEmpty() || request.url().encodedQuery() == null) {
      return chain.proceed(request);
    }
    HttpUrl joined = join(request.url(), names);
    return chain.proceed(joined == request.url() ? request : request.newBuilder().url(joined).build());
  }

  /** Returns {@code url} with each of {@code names} sent once, its values comma-joined. */
  static HttpUrl join(HttpUrl url, Set<String> names) {
    String query = url.encodedQuery();
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    boolean repeated = false;
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? null : pair.substring(eq + 1);
      if (names.contains(key) && value != null) {
        List<String> values = grouped.computeIfAbsent(key, k -> new ArrayList<>());
        repeated |= !values.isEmpty();
        values.add(value);
      } else {
        grouped.computeIfAbsent("\u0000" + grouped.size(), k -> new ArrayList<>()).add(pair);
      }
    }
    if (!repeated) {
      return url;
    }
    String rebuilt = grouped.entrySet().stream()
        .map(e -> e.getKey().startsWith("\u0000") ? e.getValue().get(0)
            : e.getKey() + "=" + String.join(",", e.getValue()))
        .collect(Collectors.joining("&"));
    return url.newBuilder().encodedQuery(rebuilt).build();
  }

  private static Set<String> namesOf(Method method) {
    Set<String> names = ConcurrentHashMap.newKeySet();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      boolean commaSeparated = false;
      String name = null;
      for (Annotation annotation : annotations) {
        if (annotation instanceof CommaSeparated) {
          commaSeparated = true;
        } else if (annotation instanceof Query) {
          name = ((Query) annotation).value();
        }
      }
      if (commaSeparated && name != null) {
        names.add(name);
      }
    }
    return Set.copyOf(names);
  }
}
