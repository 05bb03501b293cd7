package dev.asanaconnector;

import java.io.IOException;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * A write as it would be sent, without credentials: for a dry run or a confirmation step.
 *
 * @param method the HTTP method
 * @param url the full URL, query included
 * @param body the JSON body; for an upload, a description of its form fields and file; null for none
 */
public record PreparedWrite(String method, String url, String body) {
  static PreparedWrite of(Request request) {
    return new PreparedWrite(request.method(), request.url().toString(), describe(request.body()));
  }

  private static String describe(RequestBody body) {
    if (body == null) {
      return null;
    }
    if (body instanceof MultipartBody form) {
      StringBuilder text = new StringBuilder("multipart/form-data:");
      for (MultipartBody.Part part : form.parts()) {
        String disposition = part.headers() == null ? "" : part.headers().get("Content-Disposition");
        long length;
        try {
          length = part.body().contentLength();
        } catch (IOException e) {
          length = -1;
        }
        text.append(' ').append(disposition.replace("form-data; ", "")).append(" (").append(length).append(" bytes)");
      }
      return text.toString();
    }
    try {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return buffer.readUtf8();
    } catch (IOException e) {
      throw new IllegalStateException("a JSON body in memory could not be read", e);
    }
  }
}
