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
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Test helpers: a plain OkHttp client and Moshi-parsed responses. */
final class Http {
  static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .readTimeout(30, TimeUnit.SECONDS)
      .retryOnConnectionFailure(false)
      .build();
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  /** Keeps explicit nulls: {@code {"due_on": null}} means "clear it" to Asana. */
  private static final JsonAdapter<Object> JSON_OUT = JSON.serializeNulls();
  static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

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

  /** A data object from name/value pairs, nulls kept: {@code fields("name", "x", "due_on", null)}. */
  static Map<String, Object> fields(Object... nameValues) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      out.put((String) nameValues[i], nameValues[i + 1]);
    }
    return out;
  }

  static String json(Object value) {
    return JSON_OUT.toJson(value);
  }

  /** {@code method} {base}{path} with {@code {"data": data}} (no body when data is null), authorized. */
  static Resp send(AsanaSandbox sandbox, String method, String path, Map<String, Object> data) {
    RequestBody body = data == null ? null : RequestBody.create(json(Map.of("data", data)), JSON_TYPE);
    return raw(sandbox, method, path, body);
  }

  static Resp raw(AsanaSandbox sandbox, String method, String path, RequestBody body) {
    Request.Builder b = new Request.Builder().url(HttpUrl.get(sandbox.baseUrl() + path))
        .header("Authorization", "Bearer " + sandbox.token());
    if (body == null && (method.equals("POST") || method.equals("PUT"))) {
      body = RequestBody.create(new byte[0], null);
    }
    return call(CLIENT, b.method(method, body).build());
  }

  static Resp post(AsanaSandbox sandbox, String path, Map<String, Object> data) {
    return send(sandbox, "POST", path, data);
  }

  static Resp put(AsanaSandbox sandbox, String path, Map<String, Object> data) {
    return send(sandbox, "PUT", path, data);
  }

  static Resp delete(AsanaSandbox sandbox, String path) {
    return send(sandbox, "DELETE", path, null);
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
