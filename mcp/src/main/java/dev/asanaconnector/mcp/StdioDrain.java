package dev.asanaconnector.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lets the requests a client sent before closing stdin be answered. The SDK's stdio transport stops writing
 * as soon as it reads the end of stdin, dropping answers still being worked on; a client that sends its
 * requests and closes stdin at once (a script, {@code printf ... | asana-mcp}) would lose them. This counts
 * the requests read and the answers written, and holds the end of stdin back until every request has its
 * answer (or stdout fails, or a time limit passes).
 */
final class StdioDrain {
  /** A line longer than this is not inspected (no request of this server is anywhere near it). */
  private static final int MAX_TRACKED_LINE = 1 << 20;

  private final McpJsonMapper json;
  private final Duration limit;
  private long requests;
  private long answers;
  /** Whether writing failed: the client is gone, and no answer can reach it any more. */
  private boolean outputBroken;

  StdioDrain(McpJsonMapper json, Duration limit) {
    this.json = json;
    this.limit = limit;
  }

  /** {@code in}, its end held back until every request read has been answered on {@link #output}. */
  InputStream input(InputStream in) {
    return new FilterInputStream(in) {
      private final Lines lines = new Lines(line -> {
        Map<?, ?> message = parse(line);
        if (message != null && message.get("method") != null && message.get("id") != null) {
          counted(true);
        }
      });

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          awaitAnswers();
        } else {
          lines.add(new byte[] {(byte) b}, 0, 1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
          awaitAnswers();
        } else {
          lines.add(buffer, offset, n);
        }
        return n;
      }
    };
  }

  /** {@code out}, counting the answers (messages with an id and no method) written to it. */
  OutputStream output(OutputStream out) {
    return new FilterOutputStream(out) {
      private final Lines lines = new Lines(line -> {
        Map<?, ?> message = parse(line);
        if (message != null && message.get("method") == null && message.get("id") != null) {
          counted(false);
        }
      });

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        try {
          out.write(buffer, offset, length);
        } catch (IOException e) {
          broken();
          throw e;
        }
        lines.add(buffer, offset, length);
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          broken();
          throw e;
        }
      }
    };
  }

  private synchronized void counted(boolean request) {
    if (request) {
      requests++;
    } else {
      answers++;
    }
    notifyAll();
  }

  private synchronized void broken() {
    outputBroken = true;
    notifyAll();
  }

  private synchronized void awaitAnswers() {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (answers < requests && !outputBroken) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<?, ?> parse(String line) {
    try {
      return json.readValue(line, Map.class);
    } catch (IOException | RuntimeException notJson) {
      return null; // the SDK reports it; nothing to count
    }
  }

  /** Splits bytes into lines and hands each complete one over. */
  private static final class Lines {
    private final Consumer<String> onLine;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean tooLong;

    Lines(Consumer<String> onLine) {
      this.onLine = onLine;
    }

    synchronized void add(byte[] bytes, int offset, int length) {
      int start = offset;
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          append(bytes, start, i - start);
          if (!tooLong) {
            onLine.accept(current.toString(StandardCharsets.UTF_8));
          }
          current.reset();
          tooLong = false;
          start = i + 1;
        }
      }
      append(bytes, start, offset + length - start);
    }

    private void append(byte[] bytes, int offset, int length) {
      if (tooLong || current.size() + length > MAX_TRACKED_LINE) {
        tooLong = true;
        current.reset();
        return;
      }
      current.write(bytes, offset, length);
    }
  }
}
