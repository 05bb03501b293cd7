package dev.asanaconnector.sandbox;

/** Small deterministic hashing helpers (SplitMix64 finalizer) used for lazy data, tokens and signatures. */
final class Mix {
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Mix() {}

  /** SplitMix64's finalizer: a fast, well-distributed bijection on 64 bits. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long mix(long a, long b) {
    return mix64(a * GOLDEN + mix64(b + 0x632BE59BD9B4E019L));
  }

  static long mix(long a, long b, long c) {
    return mix(mix(a, b), c);
  }

  /** A uniform int in [0, bound) derived from a hash. */
  static int below(long hash, int bound) {
    return (int) Math.floorMod(hash >>> 1, (long) bound);
  }

  /** A uniform double in [0, 1) derived from a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  static long hashString(String s) {
    long h = 0x84222325CBF29CE4L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return mix64(h);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static String hex(long v) {
    char[] c = new char[16];
    for (int i = 15; i >= 0; i--) {
      c[i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
    return new String(c);
  }
}
