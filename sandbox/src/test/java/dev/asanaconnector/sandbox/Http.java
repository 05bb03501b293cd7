package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Test helpers: a plain OkHttp client and Moshi-parsed responses. */
final class Http {
  static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .readTimeout(30, TimeUnit.SECONDS)
      .retryOnConnectionFailure(false)
      .build();
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private Http() {}

  record Resp(int code, Headers headers, byte[] bytes) {
    String body() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) JSON.fromJson(body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data() {
      return (List<Map<String, Object>>) json().get("data");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json().get("data");
    }

    @SuppressWarnings("unchecked")
    String errorMessage() {
      List<Map<String, Object>> errors = (List<Map<String, Object>>) json().get("errors");
      assertNotNull(errors, body());
      return (String) errors.get(0).get("message");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> nextPage() {
      return (Map<String, Object>) json().get("next_page");
    }

    Resp expect(int status) {
      assertEquals(status, code, () -> {
        String b = body();
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
      });
      return this;
    }
  }

  static Resp call(OkHttpClient client, Request request) {
    try (Response r = client.newCall(request).execute()) {
      return new Resp(r.code(), r.headers(), r.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Resp get(HttpUrl url, String token) {
    Request.Builder b = new Request.Builder().url(url);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return call(CLIENT, b.build());
  }

  /** GET {base}{pathAndQuery} with the sandbox's token. */
  static Resp get(AsanaSandbox sandbox, String pathAndQuery) {
    return get(HttpUrl.get(sandbox.baseUrl() + pathAndQuery), sandbox.token());
  }

  static Resp postForm(HttpUrl url, Map<String, String> form) {
    FormBody.Builder b = new FormBody.Builder();
    form.forEach(b::add);
    return call(CLIENT, new Request.Builder().url(url).post(b.build()).build());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  static List<String> gids(List<Map<String, Object>> records) {
    return records.stream().map(r -> (String) r.get("gid")).toList();
  }
}
