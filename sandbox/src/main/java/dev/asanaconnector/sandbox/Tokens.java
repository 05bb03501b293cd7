package dev.asanaconnector.sandbox;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opaque, expiring, tamper-evident pagination offsets and download-URL signatures. An offset is the
 * base64url of (version, generation, issue time, index, query context, MAC); the MAC is a keyed 64-bit
 * hash, enough to reject edited or made-up tokens. Bumping a generation expires everything issued before.
 */
final class Tokens {
  static final String EXPIRED = "offset: Your pagination token has expired.";
  static final String INVALID = "offset: Your pagination token is invalid.";

  private final long secret;
  private final Duration defaultOffsetTtl;
  private final Duration defaultDownloadTtl;
  private volatile long offsetTtlMillis;
  private volatile long downloadTtlMillis;
  private final AtomicInteger offsetGeneration = new AtomicInteger();
  private final AtomicInteger downloadGeneration = new AtomicInteger();

  Tokens(long secret, Duration offsetTtl, Duration downloadTtl) {
    this.secret = secret;
    this.defaultOffsetTtl = offsetTtl;
    this.defaultDownloadTtl = downloadTtl;
    reset();
  }

  void reset() {
    offsetTtlMillis = defaultOffsetTtl.toMillis();
    downloadTtlMillis = defaultDownloadTtl.toMillis();
  }

  void offsetTtl(Duration ttl) {
    offsetTtlMillis = ttl.toMillis();
  }

  void downloadTtl(Duration ttl) {
    downloadTtlMillis = ttl.toMillis();
  }

  void expireOffsets() {
    offsetGeneration.incrementAndGet();
  }

  void expireDownloads() {
    downloadGeneration.incrementAndGet();
  }

  private long mac(int generation, long issued, int index, long context) {
    return Mix.mix(secret, Mix.mix(generation, issued), Mix.mix(index, context));
  }

  String offset(int index, long context) {
    int generation = offsetGeneration.get();
    long issued = System.currentTimeMillis();
    ByteBuffer b = ByteBuffer.allocate(33);
    b.put((byte) 1).putInt(generation).putLong(issued).putInt(index).putLong(context)
        .putLong(mac(generation, issued, index, context));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** The list index an offset points at; throws a 400 ApiError when invalid, for another query, or expired. */
  int index(String offset, long context) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(offset);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(INVALID);
    }
    if (raw.length != 33 || raw[0] != 1) {
      throw ApiError.badRequest(INVALID);
    }
    ByteBuffer b = ByteBuffer.wrap(raw, 1, 32);
    int generation = b.getInt();
    long issued = b.getLong();
    int index = b.getInt();
    long ctx = b.getLong();
    long mac = b.getLong();
    if (mac != mac(generation, issued, index, ctx) || ctx != context || index < 0) {
      throw ApiError.badRequest(INVALID);
    }
    if (generation != offsetGeneration.get() || System.currentTimeMillis() - issued >= offsetTtlMillis) {
      throw ApiError.badRequest(EXPIRED);
    }
    return index;
  }

  // ---- download URLs ----

  /** Query values for a fresh download URL: {expires (epoch seconds), generation, signature}. */
  String[] signDownload(String gid) {
    long expires = Math.floorDiv(System.currentTimeMillis() + downloadTtlMillis, 1000);
    int generation = downloadGeneration.get();
    return new String[] {Long.toString(expires), Integer.toString(generation), signature(gid, expires, generation)};
  }

  private String signature(String gid, long expires, int generation) {
    return Mix.hex(Mix.mix(secret ^ 0x5161A7L, Mix.hashString(gid), Mix.mix(expires, generation)))
        + Mix.hex(Mix.mix(secret, expires, Mix.hashString(gid) ^ generation));
  }

  enum DownloadCheck { OK, BAD_SIGNATURE, EXPIRED }

  DownloadCheck checkDownload(String gid, String expires, String generation, String sig) {
    long exp;
    int gen;
    try {
      exp = Long.parseLong(expires);
      gen = Integer.parseInt(generation);
    } catch (NumberFormatException | NullPointerException e) {
      return DownloadCheck.BAD_SIGNATURE;
    }
    if (sig == null || !sig.equals(signature(gid, exp, gen))) {
      return DownloadCheck.BAD_SIGNATURE;
    }
    if (gen != downloadGeneration.get() || System.currentTimeMillis() >= exp * 1000) {
      return DownloadCheck.EXPIRED;
    }
    return DownloadCheck.OK;
  }
}
