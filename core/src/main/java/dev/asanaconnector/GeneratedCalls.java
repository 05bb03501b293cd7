package dev.asanaconnector;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.generated.support.CommaSeparatedQueryInterceptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Invocation;

/**
 * Runs a call of a generated API on the same path as the catalog's calls: its request (as Retrofit
 * built it, lists comma-joined) goes through the {@link Transport}, and its body is read with the
 * Moshi adapter of the method's declared response type. So a direct call gets the same single retry
 * loop, error mapping, body limits and redaction as everything else.
 */
final class GeneratedCalls {
  private final Transport transport;
  private final Moshi moshi;
  private final Map<Type, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  GeneratedCalls(Transport transport, Moshi moshi) {
    this.transport = transport;
    this.moshi = moshi;
  }

  <T> ApiResponse<T> execute(Call<T> call) {
    Objects.requireNonNull(call, "call");
    Request request = call.request();
    Type type = responseType(request);
    if (type == Void.class) {
      return transport.exchange(CommaSeparatedQueryInterceptor.joinLists(request), reader -> null);
    }
    @SuppressWarnings("unchecked")
    JsonAdapter<T> adapter = (JsonAdapter<T>) adapters.computeIfAbsent(type, moshi::adapter);
    return transport.exchange(CommaSeparatedQueryInterceptor.joinLists(request), adapter::fromJson);
  }

  /** {@code T} of the generated method's {@code Call<T>}, which Retrofit tags every request with. */
  private static Type responseType(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null
        || !(invocation.method().getGenericReturnType() instanceof ParameterizedType returnType)) {
      throw new IllegalArgumentException("not a call of a generated Asana API (no Retrofit invocation): "
          + ApiErrors.describe(request));
    }
    return returnType.getActualTypeArguments()[0];
  }
}
