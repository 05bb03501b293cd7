package dev.asanaconnector.auth;

/** Checks and scrubs secret values: tokens, refresh tokens and client secrets. */
final class Secrets {
  static final String REDACTED = "<redacted>";
  private static final int MAX_ECHO = 200;

  private Secrets() {
  }

  /**
   * Returns {@code value} without surrounding whitespace; rejects null, blank and values with control
   * characters, naming {@code field} but never echoing the value.
   */
  static String require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    String stripped = value.strip();
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + " must not contain control characters");
    }
    return stripped;
  }

  /**
   * Whether {@code token} can go into an {@code Authorization: Bearer} header as it is: not null, not
   * empty, visible ASCII only (no space or control character, which OkHttp would reject with a message
   * quoting the header).
   */
  static boolean isSendable(String token) {
    return token != null && !token.isEmpty() && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  /** {@code text} with each of {@code secrets} (nulls and empty ones skipped) replaced by {@link #REDACTED}. */
  static String redact(String text, String... secrets) {
    String cleaned = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty() && cleaned.contains(secret)) {
        cleaned = cleaned.replace(secret, REDACTED);
      }
    }
    return cleaned;
  }

  /**
   * Makes text from a server fit to echo in a message: one line, at most 200 characters, and none of
   * {@code secrets} (in case a server quotes what it was sent).
   */
  static String scrub(String text, String... secrets) {
    String cleaned = redact(text.replaceAll("\\p{Cntrl}", " ").strip(), secrets);
    return cleaned.length() <= MAX_ECHO ? cleaned : cleaned.substring(0, MAX_ECHO) + "…";
  }
}
