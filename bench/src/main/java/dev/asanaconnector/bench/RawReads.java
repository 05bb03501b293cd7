package dev.asanaconnector.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor: the loops someone would write by hand with a default {@link OkHttpClient} and Moshi
 * adapters for plain classes. No retries, no rate limits, no validation; an error status is an
 * exception and nothing more.
 */
final class RawReads implements TaskReads {
  private final OkHttpClient http = new OkHttpClient();
  private final Moshi moshi = new Moshi.Builder().build();
  private final JsonAdapter<RawModels.TaskPage> pages = moshi.adapter(RawModels.TaskPage.class);
  private final JsonAdapter<RawModels.TaskEnvelope> tasks = moshi.adapter(RawModels.TaskEnvelope.class);
  private final JsonAdapter<RawModels.AttachmentEnvelope> attachments = moshi.adapter(RawModels.AttachmentEnvelope.class);
  private final HttpUrl base;
  private final String authorization;

  RawReads(Target target) {
    this.base = HttpUrl.get(target.baseUrl());
    this.authorization = "Bearer " + target.token();
  }

  private Request get(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", authorization).build();
  }

  private RawModels.TaskPage page(String projectGid, String offset) {
    HttpUrl.Builder url = base.newBuilder().addPathSegment("projects").addPathSegment(projectGid)
        .addPathSegment("tasks")
        .addQueryParameter("limit", Integer.toString(PAGE_SIZE))
        .addEncodedQueryParameter("opt_fields", TASK_LIST_FIELDS_QUERY);
    if (offset != null) {
      url.addQueryParameter("offset", offset);
    }
    try (Response response = http.newCall(get(url.build())).execute()) {
      check(response);
      return pages.fromJson(response.body().source());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    HttpUrl url = base.newBuilder().addPathSegment("tasks").addPathSegment(taskGid).build();
    try (Response response = http.newCall(get(url)).execute()) {
      check(response);
      return tasks.fromJson(response.body().source()).data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long download(String attachmentGid, OutputStream sink) throws IOException {
    HttpUrl url = base.newBuilder().addPathSegment("attachments").addPathSegment(attachmentGid).build();
    String downloadUrl;
    try (Response response = http.newCall(get(url)).execute()) {
      check(response);
      downloadUrl = attachments.fromJson(response.body().source()).data.downloadUrl;
    }
    // The download host must not see the token: a plain request.
    try (Response response = http.newCall(new Request.Builder().url(downloadUrl).build()).execute()) {
      check(response);
      return response.body().byteStream().transferTo(sink);
    }
  }

  private static void check(Response response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code() + " for " + response.request().url());
    }
  }

  @Override
  public String gidOf(Object record) {
    if (record instanceof RawModels.CompactTask task) {
      return task.gid;
    }
    return ((RawModels.Task) record).gid;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
