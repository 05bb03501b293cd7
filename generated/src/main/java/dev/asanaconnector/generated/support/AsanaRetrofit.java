package dev.asanaconnector.generated.support;

import java.util.Objects;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Builds a {@link Retrofit} that the generated API interfaces work with: Moshi with
 * {@link AsanaJson}'s adapters, ISO 8601 query values, and comma-joined list query parameters.
 *
 * <p>The connector's {@code AsanaClient} uses this with its own configured {@link OkHttpClient}; use it
 * directly only when you manage the HTTP stack yourself.
 */
public final class AsanaRetrofit {
  private AsanaRetrofit() {
  }

  /**
   * A Retrofit builder for {@code baseUrl} (for Asana, {@code https://app.asana.com/api/1.0/}) that
   * sends requests through {@code client}.
   */
  public static Retrofit.Builder builder(HttpUrl baseUrl, OkHttpClient client) {
    Objects.requireNonNull(client, "client");
    return withConverters(baseUrl)
        .client(client.newBuilder().addInterceptor(new CommaSeparatedQueryInterceptor()).build());
  }

  /**
   * As {@link #builder(HttpUrl, OkHttpClient)}, sending requests through {@code calls} (a client that
   * is not an {@link OkHttpClient}, such as one that sets TLS up on its first https request).
   */
  public static Retrofit.Builder builder(HttpUrl baseUrl, Call.Factory calls) {
    Objects.requireNonNull(calls, "calls");
    return withConverters(baseUrl)
        .callFactory(request -> calls.newCall(CommaSeparatedQueryInterceptor.joinLists(request)));
  }

  private static Retrofit.Builder withConverters(HttpUrl baseUrl) {
    return new Retrofit.Builder()
        .baseUrl(Objects.requireNonNull(baseUrl, "baseUrl"))
        .addConverterFactory(new QueryValueConverterFactory())
        .addConverterFactory(MoshiConverterFactory.create(AsanaJson.moshi()));
  }
}
