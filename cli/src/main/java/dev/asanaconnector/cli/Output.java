package dev.asanaconnector.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import dev.asanaconnector.generated.support.AsanaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okio.Buffer;

/** Writes results to stdout (JSON documents, JSON lines or bytes) and progress to stderr. */
final class Output {
  private static final JsonAdapter<Object> JSON = AsanaJson.moshi().adapter(Object.class).serializeNulls();

  private final OutputStream out;
  private final PrintStream err;
  private final boolean progress;
  private final long started = System.nanoTime();

  Output(OutputStream out, PrintStream err, boolean progress) {
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  /** A list page, or with {@code all} every page, as one document or as JSON lines. */
  void list(Map<String, Object> firstPage, boolean all, boolean jsonl, Function<String, Map<String, Object>> fetch)
      throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setSerializeNulls(true);
    if (!jsonl) {
      writer.setIndent("  ");
      writer.beginObject().name("data").beginArray();
    }
    Map<String, Object> page = firstPage;
    long records = 0;
    while (true) {
      for (Object record : (List<?>) page.get("data")) {
        if (jsonl) {
          line(record);
        } else {
          JSON.toJson(writer, record);
          flush(buffer);
        }
        records++;
      }
      Map<?, ?> nextPage = (Map<?, ?>) ((Map<?, ?>) page.get("meta")).get("next_page");
      if (!all || nextPage == null) {
        if (!jsonl) {
          writer.endArray().name("meta").beginObject().name("next_page");
          JSON.toJson(writer, nextPage);
          writer.endObject().endObject();
          writer.flush();
          buffer.writeUtf8("\n");
          flush(buffer);
        }
        break;
      }
      report(records + " records");
      page = fetch.apply(String.valueOf(nextPage.get("offset")));
    }
    endProgress(records + " records");
    out.flush();
  }

  /** A single record: {@code {"data": {...}}}, or the bare record as one JSON line. */
  void record(Map<String, Object> record, boolean jsonl) throws IOException {
    if (jsonl) {
      line(record);
    } else {
      Buffer buffer = new Buffer();
      JsonWriter writer = JsonWriter.of(buffer);
      writer.setSerializeNulls(true);
      writer.setIndent("  ");
      writer.beginObject().name("data");
      JSON.toJson(writer, record);
      writer.endObject().flush();
      buffer.writeUtf8("\n");
      flush(buffer);
    }
    out.flush();
  }

  /** Copies download bytes, reporting progress. */
  void copy(InputStream in, OutputStream target) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    long lastReport = 0;
    int read;
    while ((read = in.read(chunk)) >= 0) {
      target.write(chunk, 0, read);
      total += read;
      if (total - lastReport >= 8 * 1024 * 1024) {
        report(mib(total) + " downloaded");
        lastReport = total;
      }
    }
    target.flush();
    endProgress(mib(total) + " downloaded");
  }

  private void line(Object record) throws IOException {
    Buffer buffer = new Buffer();
    JSON.toJson(buffer, record);
    buffer.writeUtf8("\n");
    flush(buffer);
  }

  private void flush(Buffer buffer) throws IOException {
    if (buffer.size() > 0) {
      buffer.copyTo(out, 0, buffer.size());
      buffer.clear();
    }
  }

  private void report(String done) {
    if (progress) {
      double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
      err.print("\r" + done + " in " + String.format("%.1f s", seconds) + "   ");
      err.flush();
    }
  }

  private void endProgress(String done) {
    if (progress) {
      report(done);
      err.println();
    }
  }

  private static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1048576.0);
  }
}
