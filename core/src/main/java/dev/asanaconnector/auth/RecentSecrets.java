package dev.asanaconnector.auth;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last few distinct secrets handed out (tokens rotate: a request still in flight may carry the
 * previous one), for redaction. Bounded, so a long-running client does not collect every token it saw.
 */
final class RecentSecrets {
  private final int capacity;
  private final Deque<String> secrets = new ArrayDeque<>();
  private volatile String[] snapshot = new String[0];

  RecentSecrets(int capacity) {
    this.capacity = capacity;
  }

  /** Remembers {@code secret} (a no-op when it is already the newest one). */
  void remember(String secret) {
    String[] current = snapshot;
    if (secret == null || current.length > 0 && current[0].equals(secret)) {
      return; // the common case, on every request: no lock taken
    }
    synchronized (secrets) {
      secrets.remove(secret);
      secrets.addFirst(secret);
      while (secrets.size() > capacity) {
        secrets.removeLast();
      }
      snapshot = secrets.toArray(new String[0]);
    }
  }

  /** {@code text} with every remembered secret and each of {@code others} replaced. */
  String redact(String text, String... others) {
    return Secrets.redact(Secrets.redact(text, snapshot), others);
  }
}
