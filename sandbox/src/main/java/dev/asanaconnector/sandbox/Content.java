package dev.asanaconnector.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Attachment bytes: a pure function of (key, offset), so any range can be produced on the fly and a
 * 256 MiB file never exists in memory. Byte {@code p} is byte {@code p % 8} (little-endian) of
 * {@code mix64(key + (p / 8) * GOLDEN)}.
 */
final class Content {
  private static final int CHUNK = 64 * 1024;

  private Content() {}

  static void fill(long key, long offset, byte[] buf, int off, int len) {
    long p = offset;
    int end = off + len;
    int i = off;
    while (i < end) {
      long block = Mix.mix64(key + (p >>> 3) * Mix.GOLDEN);
      int shift = (int) (p & 7);
      if (shift == 0 && end - i >= 8) {
        buf[i] = (byte) block;
        buf[i + 1] = (byte) (block >>> 8);
        buf[i + 2] = (byte) (block >>> 16);
        buf[i + 3] = (byte) (block >>> 24);
        buf[i + 4] = (byte) (block >>> 32);
        buf[i + 5] = (byte) (block >>> 40);
        buf[i + 6] = (byte) (block >>> 48);
        buf[i + 7] = (byte) (block >>> 56);
        i += 8;
        p += 8;
      } else {
        buf[i++] = (byte) (block >>> (shift * 8));
        p++;
      }
    }
  }

  /** A body of {@code length} bytes starting at {@code offset}, generated in 64 KiB chunks. */
  static Wire.BodyWriter body(long key, long offset, long length) {
    return new Wire.BodyWriter() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void writeTo(OutputStream out, long max) throws IOException {
        long remaining = Math.min(length, max);
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1, remaining))];
        long p = offset;
        while (remaining > 0) {
          int n = (int) Math.min(buf.length, remaining);
          fill(key, p, buf, 0, n);
          out.write(buf, 0, n);
          p += n;
          remaining -= n;
        }
      }
    };
  }

  static InputStream stream(long key, long size) {
    return new InputStream() {
      private long pos;

      @Override
      public int read() {
        if (pos >= size) {
          return -1;
        }
        byte[] one = new byte[1];
        fill(key, pos++, one, 0, 1);
        return one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (pos >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - pos);
        fill(key, pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public long skip(long n) {
        long k = Math.max(0, Math.min(n, size - pos));
        pos += k;
        return k;
      }

      @Override
      public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - pos);
      }
    };
  }
}
