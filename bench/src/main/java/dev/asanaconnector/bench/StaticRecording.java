package dev.asanaconnector.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Records, from a live sandbox, every response scenarios 1 and 2 read (the project's pages of 100 and
 * the task), for {@link StaticServer} to replay byte for byte.
 */
final class StaticRecording {
  private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*\"([^\"]+)\"");

  private StaticRecording() {
  }

  /** Writes the recording to {@code file}; returns how many responses it holds. */
  static int record(Target target, Path file) throws IOException {
    OkHttpClient http = new OkHttpClient();
    HttpUrl base = HttpUrl.get(target.baseUrl());
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    String offset = null;
    do {
      HttpUrl.Builder url = base.newBuilder().addPathSegment("projects").addPathSegment(target.projectGid())
          .addPathSegment("tasks").addQueryParameter("limit", Integer.toString(TaskReads.PAGE_SIZE))
          .addEncodedQueryParameter("opt_fields", TaskReads.TASK_LIST_FIELDS_QUERY);
      if (offset != null) {
        url.addQueryParameter("offset", offset);
      }
      byte[] body = fetch(http, url.build(), target.token(), bodies);
      Matcher next = OFFSET.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      offset = next.find() ? next.group(1) : null;
    } while (offset != null);
    fetch(http, base.newBuilder().addPathSegment("tasks").addPathSegment(target.taskGid()).build(), target.token(),
        bodies);
    StaticServer.write(file, bodies);
    http.connectionPool().evictAll();
    return bodies.size();
  }

  private static byte[] fetch(OkHttpClient http, HttpUrl url, String token, Map<String, byte[]> bodies)
      throws IOException {
    Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code() + " recording " + url);
      }
      byte[] body = response.body().bytes();
      bodies.put(url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()), body);
      return body;
    }
  }
}
