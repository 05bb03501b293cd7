package dev.asanaconnector;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a {@link WebhookReceiver} keeps its webhook's secret: the application's store (a database
 * column, a secrets manager), so that a restarted receiver still verifies deliveries. Implementations
 * must be thread-safe and must never log the secret.
 */
public interface WebhookSecretStore {
  /** Keeps {@code secret}, replacing any secret kept before (a webhook created again has a new one). */
  void save(String secret);

  /** The secret kept, if any. */
  Optional<String> load();

  /** A store in memory: for tests, and for receivers that create their webhook anew on each start. */
  static WebhookSecretStore inMemory() {
    return new WebhookSecretStore() {
      private final AtomicReference<String> secret = new AtomicReference<>();

      @Override
      public void save(String value) {
        secret.set(value);
      }

      @Override
      public Optional<String> load() {
        return Optional.ofNullable(secret.get());
      }

      @Override
      public String toString() {
        return "WebhookSecretStore.inMemory[" + (secret.get() == null ? "empty" : "secret kept") + "]";
      }
    };
  }
}
