package dev.asanaconnector.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import dev.asanaconnector.generated.support.AsanaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import okio.Buffer;

/**
 * Writes results (JSON documents, JSON lines or bytes) to stdout or the {@code --output} file, and the
 * progress line to stderr.
 *
 * <p>Memory stays flat: a list is written record by record as its pages arrive. When a page after the
 * first fails, what has been written is still valid: a document is closed with the records so far and
 * {@code "meta": {"next_page": <the page that failed, or null>, "incomplete": true}}; JSON lines are
 * whole lines only. The caller then reports the failure on stderr and exits 1.
 */
final class Output {
  private static final JsonAdapter<Object> JSON = AsanaJson.moshi().adapter(Object.class).serializeNulls();
  private static final long REPORT_EVERY_NANOS = 200_000_000L;

  /** Reading a download's bytes failed (a network failure, exit 1), as opposed to writing them. */
  static final class DownloadFailed extends IOException {
    private static final long serialVersionUID = 1L;

    DownloadFailed(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The records of a list, fetched lazily page by page; {@code hasNext} may throw the API's failure. */
  interface Records {
    boolean hasNext();

    Object next();

    /** {@code meta.next_page} as it stands: null at the end, else where the list goes on. */
    Object nextPage();
  }

  private final OutputStream out;
  private final PrintStream err;
  private final boolean progress;
  private final long started = System.nanoTime();
  private long lastReport;

  /** @param progress whether to print a progress line (stderr is a terminal and the action asks for one) */
  Output(OutputStream out, PrintStream err, boolean progress) {
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  /** A list as one document ({@code {"data": [...], "meta": {"next_page": ...}}}) or as JSON lines. */
  void list(Records records, boolean jsonl) throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setSerializeNulls(true);
    writer.setIndent("  ");
    boolean opened = false;
    long count = 0;
    try {
      while (records.hasNext()) {
        Object record = records.next();
        if (jsonl) {
          line(record);
        } else {
          if (!opened) {
            writer.beginObject().name("data").beginArray();
            opened = true;
          }
          JSON.toJson(writer, record);
          flush(buffer);
        }
        count++;
        report(count, "records");
      }
    } catch (RuntimeException failure) {
      if (opened) {
        close(writer, buffer, records.nextPage(), true);
      }
      endProgress(count, "records");
      throw failure;
    }
    if (!jsonl) {
      if (!opened) {
        writer.beginObject().name("data").beginArray();
      }
      close(writer, buffer, records.nextPage(), false);
    }
    out.flush();
    endProgress(count, "records");
  }

  private void close(JsonWriter writer, Buffer buffer, Object nextPage, boolean incomplete) throws IOException {
    writer.endArray().name("meta").beginObject().name("next_page");
    JSON.toJson(writer, nextPage);
    if (incomplete) {
      writer.name("incomplete").value(true);
    }
    writer.endObject().endObject();
    writer.flush();
    buffer.writeUtf8("\n");
    flush(buffer);
    out.flush();
  }

  /** A single record: {@code {"data": {...}}}, or the bare record as one JSON line. */
  void record(Map<?, ?> record, boolean jsonl) throws IOException {
    if (jsonl) {
      line(record);
      out.flush();
    } else {
      document("data", record);
    }
  }

  /** A dry run's request: {@code {"dry_run": {"method", "url", "body"}}}, on one line with {@code --jsonl}. */
  void dryRun(Map<String, Object> request, boolean jsonl) throws IOException {
    if (jsonl) {
      line(Map.of("dry_run", request));
      out.flush();
    } else {
      document("dry_run", request);
    }
  }

  /** {@code {"name": value}}, indented. */
  private void document(String name, Object value) throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setSerializeNulls(true);
    writer.setIndent("  ");
    writer.beginObject().name(name);
    JSON.toJson(writer, value);
    writer.endObject().flush();
    buffer.writeUtf8("\n");
    flush(buffer);
    out.flush();
  }

  /** Copies download bytes, reporting progress. */
  void copy(InputStream in) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    int read;
    try {
      while ((read = read(in, chunk)) >= 0) {
        out.write(chunk, 0, read);
        total += read;
        report(total, "bytes");
      }
      out.flush();
    } finally {
      endProgress(total, "bytes");
    }
  }

  private static int read(InputStream in, byte[] chunk) throws DownloadFailed {
    try {
      return in.read(chunk);
    } catch (IOException e) {
      throw new DownloadFailed(e);
    }
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

  private void report(long done, String unit) {
    long now = System.nanoTime();
    if (progress && now - lastReport >= REPORT_EVERY_NANOS) {
      lastReport = now;
      print(done, unit, now);
    }
  }

  private void print(long done, String unit, long now) {
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    String text = unit.equals("bytes")
        ? String.format("%.1f MiB, %.1f MiB/s", done / 1048576.0, done / 1048576.0 / seconds)
        : String.format("%,d records, %,.0f records/s", done, done / seconds);
    err.print("\rasana: " + text + ", " + String.format("%.1f s", seconds) + "   ");
    err.flush();
  }

  /** The final progress figures, ending the line so that whatever follows on stderr starts afresh. */
  private void endProgress(long done, String unit) {
    if (progress) {
      print(done, unit, System.nanoTime());
      err.println();
    }
  }
}
