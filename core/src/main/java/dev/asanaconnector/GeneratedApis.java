package dev.asanaconnector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import retrofit2.Retrofit;

/**
 * One instance of each generated API interface, created on first use from the client's Retrofit, which
 * is itself built on first use: the catalog's actions build their requests without it.
 */
final class GeneratedApis {
  private final Supplier<Retrofit> retrofitFactory;
  private Retrofit retrofit;
  private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

  GeneratedApis(Supplier<Retrofit> retrofitFactory) {
    this.retrofitFactory = retrofitFactory;
  }

  <T> T get(Class<T> api) {
    return api.cast(instances.computeIfAbsent(api, type -> retrofit().create(type)));
  }

  /** Called only when an API interface is first asked for, so a plain lock is enough. */
  private synchronized Retrofit retrofit() {
    if (retrofit == null) {
      retrofit = retrofitFactory.get();
    }
    return retrofit;
  }
}
