package dev.asanaconnector.bench;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A second hand-written loop: a default {@link OkHttpClient} with Gson reading the body's
 * {@code charStream()} into the same plain classes as the raw loop (Gson maps their camelCase fields to
 * Asana's snake_case names). It shows what the HTTP stack costs apart from the JSON library.
 */
final class GsonReads implements TaskReads {
  private final OkHttpClient http = new OkHttpClient();
  private final Gson gson = new GsonBuilder()
      .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
  private final HttpUrl base;
  private final String authorization;

  GsonReads(Target target) {
    this.base = HttpUrl.get(target.baseUrl());
    this.authorization = "Bearer " + target.token();
  }

  private <T> T fetch(HttpUrl url, Class<T> type) {
    Request request = new Request.Builder().url(url).header("Authorization", authorization).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " for " + url);
      }
      try (Reader body = response.body().charStream()) {
        return gson.fromJson(body, type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RawModels.TaskPage page(String projectGid, String offset) {
    HttpUrl.Builder url = base.newBuilder().addPathSegment("projects").addPathSegment(projectGid)
        .addPathSegment("tasks")
        .addQueryParameter("limit", Integer.toString(PAGE_SIZE))
        .addEncodedQueryParameter("opt_fields", TASK_LIST_FIELDS_QUERY);
    if (offset != null) {
      url.addQueryParameter("offset", offset);
    }
    return fetch(url.build(), RawModels.TaskPage.class);
  }

  @Override
  public long listProjectTasks(String projectGid, Consumer<Object> sink) {
    return RawModels.TaskPage.walk(offset -> page(projectGid, offset), sink);
  }

  @Override
  public Object firstTask(String projectGid) {
    return page(projectGid, null).data.get(0);
  }

  @Override
  public Object getTask(String taskGid) {
    return fetch(base.newBuilder().addPathSegment("tasks").addPathSegment(taskGid).build(),
        RawModels.TaskEnvelope.class).data;
  }

  @Override
  public long download(String attachmentGid, OutputStream sink) {
    throw new UnsupportedOperationException("the Gson loop takes no part in the download scenario");
  }

  @Override
  public String gidOf(Object record) {
    return record instanceof RawModels.CompactTask task ? task.gid : ((RawModels.Task) record).gid;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
