package dev.asanaconnector.generated.support;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * value distinct. The parameter names of each generated method are computed once and cached.
 */
public final class CommaSeparatedQueryInterceptor implements Interceptor {
  /** Per generated method, the names of its comma-separated list parameters (bounded by the methods). */
  private static final Map<Method, Set<String>> COMMA_SEPARATED_NAMES = new ConcurrentHashMap<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(joinLists(chain.request()));
  }

  /**
   * {@code request} as it goes on the wire: the repeated values of its comma-separated list parameters
   * joined into one (the same request when nothing repeats, or when it was not built by a generated
   * method). For a caller that sends one request many times (an iteration's pages) and joins it once.
   */
  public static Request joinLists(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null || request.url().encodedQuery() == null) {
      return request;
    }
    Set<String> names = COMMA_SEPARATED_NAMES.computeIfAbsent(invocation.method(),
        CommaSeparatedQueryInterceptor::namesOf);
    if (names.isEmpty()) {
      return request;
    }
    HttpUrl joined = join(request.url(), names);
    return joined == request.url() ? request : request.newBuilder().url(joined).build();
  }

  /**
   * Returns {@code url} with each of {@code names} sent once, its values comma-joined at the place of
   * its first occurrence; other pairs keep their order. One pass over the query, no rebuild when no
   * name repeats (this runs on every call, so it avoids maps and streams).
   */
  static HttpUrl join(HttpUrl url, Set<String> names) {
    String query = url.encodedQuery();
    List<String> keys = new ArrayList<>(); // per pair: its key if joinable, else null
    List<String> pairs = new ArrayList<>();
    boolean repeated = false;
    for (int start = 0; start <= query.length(); ) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      String pair = query.substring(start, end);
      int eq = pair.indexOf('=');
      String key = eq < 0 ? null : pair.substring(0, eq);
      if (key != null && names.contains(key)) {
        repeated |= keys.contains(key);
        keys.add(key);
      } else {
        keys.add(null);
      }
      pairs.add(pair);
      start = end + 1;
    }
    if (!repeated) {
      return url;
    }
    StringBuilder joined = new StringBuilder(query.length());
    for (int i = 0; i < pairs.size(); i++) {
      String key = keys.get(i);
      if (key != null && keys.indexOf(key) < i) {
        continue; // appended with the first occurrence
      }
      if (joined.length() > 0) {
        joined.append('&');
      }
      joined.append(pairs.get(i));
      if (key != null) {
        for (int j = i + 1; j < pairs.size(); j++) {
          if (key.equals(keys.get(j))) {
            joined.append(',').append(pairs.get(j), key.length() + 1, pairs.get(j).length());
          }
        }
      }
    }
    return url.newBuilder().encodedQuery(joined.toString()).build();
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
