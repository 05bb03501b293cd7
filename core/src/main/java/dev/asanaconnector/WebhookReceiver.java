package dev.asanaconnector;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;

/**
 * The receiving end of an Asana webhook, for any HTTP server: give it a request's headers and raw body
 * bytes, answer with the {@link Answer}'s status and headers. {@link WebhookServer} runs one on the
 * JDK's HTTP server for applications without a server of their own.
 *
 * <ul>
 *   <li>The handshake (a POST with {@code X-Hook-Secret}, sent while {@code POST /webhooks} waits) is
 *       answered with the secret echoed, and the secret goes to the {@link WebhookSecretStore}: only
 *       while a handshake is expected ({@link Webhooks#create} opens that window itself; see
 *       {@link #expectHandshake()}), else it is refused with 403, so nobody can swap the secret later.
 *   <li>Every other request must carry {@code X-Hook-Signature}: the hex HMAC-SHA256 of the raw body
 *       keyed with the secret, compared in constant time ({@link MessageDigest#isEqual}) before the body
 *       is parsed. A missing or wrong signature, or no secret yet, is refused with 401 and never reaches
 *       the handler.
 *   <li>A heartbeat ({@code {"events": []}}) is answered 200 and not passed on.
 *   <li>Events go to the handler as {@link AsanaEvent}s, the records {@link Events} returns. A handler
 *       exception answers 500, so Asana delivers the batch again (at least once for the handler;
 *       Asana's own delivery is at most once: it gives up on a target that keeps failing).
 * </ul>
 * Thread-safe. It logs nothing; the secret appears in no message and no {@code toString}.
 */
public final class WebhookReceiver {
  /** The handshake's header, carrying the secret. */
  public static final String SECRET_HEADER = "X-Hook-Secret";
  /** The delivery's header: hex HMAC-SHA256 of the raw body. */
  public static final String SIGNATURE_HEADER = "X-Hook-Signature";
  /** The largest body accepted (Asana sends at most 100 events per delivery, far less). */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  /** Receives the events of each verified delivery. */
  @FunctionalInterface
  public interface Handler {
    /** Processes a delivery's events (never empty); an exception makes Asana deliver them again. */
    void onEvents(List<AsanaEvent> events) throws Exception;
  }

  /**
   * What to answer: a status and headers (the handshake's echo of the secret); no body.
   *
   * @param status the HTTP status
   * @param headers the headers to send
   */
  public record Answer(int status, Map<String, String> headers) {
    /** Copies the headers. */
    public Answer {
      headers = Map.copyOf(headers);
    }

    /** The status and header names; never the secret. */
    @Override
    public String toString() {
      return "Answer[" + status + (headers.isEmpty() ? "" : ", headers " + headers.keySet()) + "]";
    }
  }

  /** An open wait for the handshake; see {@link #expectHandshake()}. Close it when done. */
  public final class HandshakeWindow implements AutoCloseable {
    private volatile boolean received;

    private HandshakeWindow() {
    }

    /** Whether a handshake was answered while this window was open. */
    public boolean received() {
      return received;
    }

    /** Stops accepting handshakes through this window. */
    @Override
    public void close() {
      windows.remove(this);
    }
  }

  private final WebhookSecretStore secrets;
  private final Handler handler;
  private final CopyOnWriteArrayList<HandshakeWindow> windows = new CopyOnWriteArrayList<>();
  private final AtomicLong handshakes = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong heartbeats = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  private WebhookReceiver(WebhookSecretStore secrets, Handler handler) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** A receiver keeping its secret in {@code secrets} and handing verified events to {@code handler}. */
  public static WebhookReceiver create(WebhookSecretStore secrets, Handler handler) {
    return new WebhookReceiver(secrets, handler);
  }

  /**
   * Accepts handshakes until the window is closed. {@link Webhooks#create} does this around its
   * request; call it yourself when the webhook is created elsewhere (another process, a script) while
   * this receiver listens.
   */
  public HandshakeWindow expectHandshake() {
    HandshakeWindow window = new HandshakeWindow();
    windows.add(window);
    return window;
  }

  /** {@link #handle(Function, byte[])} with headers as most servers give them (names in any case). */
  public Answer handle(Map<String, ? extends Collection<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    return handle(name -> {
      for (Map.Entry<String, ? extends Collection<String>> header : headers.entrySet()) {
        if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && header.getValue() != null
            && !header.getValue().isEmpty()) {
          return header.getValue().iterator().next();
        }
      }
      return null;
    }, body);
  }

  /**
   * Handles one request to the webhook's target.
   *
   * @param header a request header's value by name (case-insensitive), or null when absent
   * @param body the raw body bytes, exactly as received (the signature covers them)
   */
  public Answer handle(Function<String, String> header, byte[] body) {
    Objects.requireNonNull(header, "header");
    String offered = header.apply(SECRET_HEADER);
    if (offered != null) {
      return handshake(offered);
    }
    if (body == null || body.length > MAX_BODY_BYTES) {
      return refuse(body == null ? 400 : 413);
    }
    Optional<String> secret = secrets.load();
    String signature = header.apply(SIGNATURE_HEADER);
    if (secret.isEmpty() || signature == null || !signedBy(secret.get(), body, signature)) {
      return refuse(401);
    }
    List<AsanaEvent> events;
    try {
      Object json = JsonValues.read(JsonReader.of(new Buffer().write(body)));
      if (!(json instanceof Map<?, ?> map)) {
        return refuse(400);
      }
      events = AsanaEvent.listOf(map.get("events"), "The webhook delivery");
    } catch (IOException | RuntimeException notEvents) {
      return refuse(400);
    }
    if (events.isEmpty()) {
      heartbeats.incrementAndGet();
      return new Answer(200, Map.of());
    }
    try {
      handler.onEvents(events);
    } catch (Exception e) {
      return new Answer(500, Map.of()); // Asana delivers the same events again later
    }
    delivered.incrementAndGet();
    return new Answer(200, Map.of());
  }

  private Answer handshake(String secret) {
    // The secret goes back in a response header: refuse anything that could not be one.
    if (secret.isEmpty() || secret.length() > 1024 || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return refuse(400);
    }
    if (windows.isEmpty()) {
      return refuse(403); // not expecting one: a stranger must not be able to replace the secret
    }
    secrets.save(secret);
    for (HandshakeWindow window : windows) {
      window.received = true;
    }
    handshakes.incrementAndGet();
    return new Answer(200, Map.of(SECRET_HEADER, secret));
  }

  private Answer refuse(int status) {
    refused.incrementAndGet();
    return new Answer(status, Map.of());
  }

  /**
   * Whether {@code signature} is the hex HMAC-SHA256 of {@code body} keyed with {@code secret}. The
   * comparison takes the same time wherever the bytes differ, so timing reveals nothing of the expected
   * signature.
   */
  static boolean signedBy(String secret, byte[] body, String signature) {
    byte[] expected = hmac(secret, body);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.strip());
    } catch (IllegalArgumentException notHex) {
      given = new byte[0];
    }
    return MessageDigest.isEqual(expected, given);
  }

  /** Whether two secrets are equal, compared in constant time. */
  static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e); // every JDK has it
    }
  }

  WebhookSecretStore secrets() {
    return secrets;
  }

  /** Handshakes answered. */
  public long handshakes() {
    return handshakes.get();
  }

  /** Deliveries with events verified and processed by the handler. */
  public long deliveriesProcessed() {
    return delivered.get();
  }

  /** Heartbeats verified and answered. */
  public long heartbeats() {
    return heartbeats.get();
  }

  /** Requests refused (bad or missing signature, unexpected handshake, malformed body). */
  public long refused() {
    return refused.get();
  }

  @Override
  public String toString() {
    return "WebhookReceiver[" + handshakes() + " handshakes, " + deliveriesProcessed() + " deliveries, "
        + heartbeats() + " heartbeats, " + refused() + " refused]";
  }
}
