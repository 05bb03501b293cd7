package dev.asanaconnector.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.ByteString;

/**
 * The calibration behind the table: the raw loop's requests, each body read into a buffer and not
 * parsed (the next page's offset is found by searching the text). What it takes is the sandbox's and
 * loopback's share of every figure, which no client can go below.
 */
final class WireReads implements TaskReads {
  private static final ByteString OFFSET = ByteString.encodeUtf8("\"offset\":\"");
  private final OkHttpClient http = new OkHttpClient();
  private final HttpUrl base;
  private final String authorization;

  WireReads(Target target) {
    this.base = HttpUrl.get(target.baseUrl());
    this.authorization = "Bearer " + target.token();
  }

  private Buffer fetch(HttpUrl url) {
    Request request = new Request.Builder().url(url).header("Authorization", authorization).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " for " + url);
      }
      Buffer body = new Buffer();
      response.body().source().readAll(body);
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long listProjectTasks(String projectGid, Consumer<Object> sink) {
    long pages = 0;
    String offset = null;
    do {
      HttpUrl.Builder url = base.newBuilder().addPathSegment("projects").addPathSegment(projectGid)
          .addPathSegment("tasks").addQueryParameter("limit", Integer.toString(PAGE_SIZE))
          .addEncodedQueryParameter("opt_fields", TASK_LIST_FIELDS_QUERY);
      if (offset != null) {
        url.addQueryParameter("offset", offset);
      }
      Buffer body = fetch(url.build());
      sink.accept(body);
      pages++;
      offset = nextOffset(body);
    } while (offset != null);
    return pages * PAGE_SIZE;
  }

  /** The value of the first {@code "offset":"..."} in the body, or null (the last page has none). */
  private static String nextOffset(Buffer body) {
    try {
      long at = body.indexOf(OFFSET);
      if (at < 0) {
        return null;
      }
      body.skip(at + OFFSET.size());
      return body.readString(body.indexOf((byte) '"'), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object firstTask(String projectGid) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object getTask(String taskGid) {
    return fetch(base.newBuilder().addPathSegment("tasks").addPathSegment(taskGid).build());
  }

  @Override
  public long download(String attachmentGid, OutputStream sink) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String gidOf(Object record) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
