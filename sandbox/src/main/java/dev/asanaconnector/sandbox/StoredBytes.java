package dev.asanaconnector.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * Reads an uploaded file's bytes, kept in an okio {@link Buffer} that is never written again. Only
 * {@link Buffer#copyTo(OutputStream, long, long)} is used on it, which reads without changing the
 * buffer, so any number of downloads may read it at once.
 */
final class StoredBytes {
  private static final int CHUNK = 64 * 1024;

  private StoredBytes() {}

  /** A response body of {@code length} bytes from {@code offset}. */
  static Wire.BodyWriter body(Buffer stored, long offset, long length) {
    return new Wire.BodyWriter() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void writeTo(OutputStream out, long max) throws IOException {
        stored.copyTo(out, offset, Math.min(length, max));
      }
    };
  }

  /** Copies {@code len} bytes from {@code offset} into {@code dst}. */
  static void read(Buffer stored, long offset, byte[] dst, int off, int len) {
    OutputStream into = new OutputStream() {
      private int at = off;

      @Override
      public void write(int b) {
        dst[at++] = (byte) b;
      }

      @Override
      public void write(byte[] b, int from, int n) {
        System.arraycopy(b, from, dst, at, n);
        at += n;
      }
    };
    try {
      stored.copyTo(into, offset, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream stream(Buffer stored) {
    long size = stored.size();
    return new InputStream() {
      private long pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (pos >= size) {
          return -1;
        }
        int n = (int) Math.min(Math.min(len, CHUNK), size - pos);
        StoredBytes.read(stored, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
