package dev.asanaconnector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import retrofit2.Retrofit;

/** One instance of each generated API interface, created on first use from the client's Retrofit. */
final class GeneratedApis {
  private final Retrofit retrofit;
  private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

  GeneratedApis(Retrofit retrofit) {
    this.retrofit = retrofit;
  }

  <T> T get(Class<T> api) {
    return api.cast(instances.computeIfAbsent(api, retrofit::create));
  }
}
