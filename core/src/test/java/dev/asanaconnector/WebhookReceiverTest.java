package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookReceiver} on its own, as any HTTP server would call it: the handshake only while one is
 * expected, signatures checked before parsing and in constant time, heartbeats answered and not passed
 * on, handler failures answered so that Asana delivers again.
 */
class WebhookReceiverTest {
  private static final String SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final byte[] DELIVERY = ("{\"events\":[{\"user\":{\"gid\":\"7\",\"resource_type\":\"user\"},"
      + "\"created_at\":\"2026-01-02T03:04:05.678Z\",\"action\":\"changed\",\"resource\":{\"gid\":\"42\","
      + "\"resource_type\":\"task\",\"resource_subtype\":\"default_task\"},\"parent\":null,"
      + "\"change\":{\"field\":\"assignee\",\"action\":\"changed\",\"new_value\":{\"gid\":\"8\","
      + "\"resource_type\":\"user\"}}},{\"action\":\"sprouted\",\"resource\":{\"gid\":\"43\","
      + "\"resource_type\":\"okr\"},\"novelty\":true}]}").getBytes(StandardCharsets.UTF_8);

  private final List<List<AsanaEvent>> handed = new ArrayList<>();

  private WebhookReceiver receiverWithSecret() {
    WebhookSecretStore store = WebhookSecretStore.inMemory();
    store.save(SECRET);
    return WebhookReceiver.create(store, handed::add);
  }

  private static String sign(String secret, byte[] body) {
    return HexFormat.of().formatHex(WebhookReceiver.hmac(secret, body));
  }

  @Test
  void aSignedDeliveryReachesTheHandlerAsTypedForwardCompatibleEvents() {
    WebhookReceiver receiver = receiverWithSecret();
    WebhookReceiver.Answer answer = receiver.handle(Map.of("x-hook-signature", List.of(sign(SECRET, DELIVERY))),
        DELIVERY);
    assertEquals(200, answer.status());
    assertEquals(1, handed.size());
    AsanaEvent assigned = handed.get(0).get(0);
    assertEquals(AsanaEvent.Action.CHANGED, assigned.actionKind());
    assertEquals("42", assigned.resource().gid());
    assertEquals("8", assigned.change().valueRef().orElseThrow().gid());
    assertEquals("2026-01-02T03:04:05.678Z", assigned.createdAt().toInstant().toString());
    AsanaEvent unknown = handed.get(0).get(1);
    assertEquals("sprouted", unknown.action());
    assertEquals(AsanaEvent.Action.OTHER, unknown.actionKind());
    assertEquals("okr", unknown.resource().resourceType());
    assertEquals(Boolean.TRUE, unknown.raw().get("novelty"), "fields unknown today are kept");
    assertEquals(1, receiver.deliveriesProcessed());
  }

  @Test
  void aMissingOrWrongSignatureATamperedBodyOrNoSecretIsRefusedBeforeTheHandler() {
    WebhookReceiver receiver = receiverWithSecret();
    byte[] tampered = new String(DELIVERY, StandardCharsets.UTF_8).replace("\"8\"", "\"9\"")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(401, receiver.handle(Map.of(), DELIVERY).status(), "no signature");
    assertEquals(401, receiver.handle(Map.of("X-Hook-Signature", List.of(sign(SECRET, DELIVERY))), tampered)
        .status(), "body changed after signing");
    assertEquals(401, receiver.handle(Map.of("X-Hook-Signature", List.of(sign("wrong", DELIVERY))), DELIVERY)
        .status(), "signed with another secret");
    assertEquals(401, receiver.handle(Map.of("X-Hook-Signature", List.of("zz-not-hex")), DELIVERY).status());
    assertEquals(401, receiver.handle(Map.of("X-Hook-Signature", List.of(sign(SECRET, DELIVERY).substring(2))),
        DELIVERY).status(), "a truncated signature");
    WebhookReceiver noSecret = WebhookReceiver.create(WebhookSecretStore.inMemory(), handed::add);
    assertEquals(401, noSecret.handle(Map.of("X-Hook-Signature", List.of(sign(SECRET, DELIVERY))), DELIVERY)
        .status(), "nothing to verify against yet");
    assertEquals(List.of(), handed, "nothing refused reached the handler");
    assertEquals(5, receiver.refused());
  }

  @Test
  void theHandshakeIsAcceptedOnlyWhileExpectedAndItsSecretStored() {
    WebhookSecretStore store = WebhookSecretStore.inMemory();
    WebhookReceiver receiver = WebhookReceiver.create(store, handed::add);
    assertEquals(403, receiver.handle(Map.of("X-Hook-Secret", List.of("intruder")), new byte[0]).status());
    assertTrue(store.load().isEmpty(), "an unexpected handshake stores nothing");
    try (WebhookReceiver.HandshakeWindow window = receiver.expectHandshake()) {
      WebhookReceiver.Answer answer = receiver.handle(name -> name.equals("X-Hook-Secret") ? SECRET : null,
          new byte[0]);
      assertEquals(200, answer.status());
      assertEquals(Map.of("X-Hook-Secret", SECRET), answer.headers(), "the secret is echoed");
      assertTrue(window.received());
      assertFalse(answer.toString().contains(SECRET));
    }
    assertEquals(SECRET, store.load().orElseThrow());
    assertEquals(403, receiver.handle(Map.of("X-Hook-Secret", List.of("intruder")), new byte[0]).status(),
        "once the window closed, the secret cannot be replaced");
    assertEquals(SECRET, store.load().orElseThrow());
    try (WebhookReceiver.HandshakeWindow window = receiver.expectHandshake()) {
      assertEquals(400, receiver.handle(Map.of("X-Hook-Secret", List.of("two\r\nlines")), new byte[0]).status(),
          "a secret that cannot go back in a header");
      assertFalse(window.received());
    }
    assertFalse(receiver.toString().contains(SECRET) || store.toString().contains(SECRET));
  }

  @Test
  void aHeartbeatIsAnsweredAndNotPassedOnAndAHandlerFailureAsksForRedelivery() {
    WebhookReceiver receiver = receiverWithSecret();
    byte[] heartbeat = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    assertEquals(200, receiver.handle(Map.of("X-Hook-Signature", List.of(sign(SECRET, heartbeat))), heartbeat)
        .status());
    assertEquals(1, receiver.heartbeats());
    assertEquals(List.of(), handed);

    WebhookReceiver failing = WebhookReceiver.create(receiverWithSecret().secrets(), events -> {
      throw new IllegalStateException("database down");
    });
    assertEquals(500, failing.handle(Map.of("X-Hook-Signature", List.of(sign(SECRET, DELIVERY))), DELIVERY)
        .status());
    byte[] notEvents = "{\"events\": 3}".getBytes(StandardCharsets.UTF_8);
    assertEquals(400, receiver.handle(Map.of("X-Hook-Signature", List.of(sign(SECRET, notEvents))), notEvents)
        .status(), "signed but not a delivery");
  }

  /** The signature comparison is {@link java.security.MessageDigest#isEqual}, which takes the same time wherever bytes differ. */
  @Test
  void theSignatureIsComparedInConstantTime() throws IOException {
    Path root = Path.of(System.getProperty("asana.root", "..")).toAbsolutePath().normalize();
    String source = Files.readString(root.resolve("core/src/main/java/dev/asanaconnector/WebhookReceiver.java"));
    Matcher method = Pattern.compile("static boolean signedBy\\(.*?\\n  }\\n", Pattern.DOTALL).matcher(source);
    assertTrue(method.find(), "the signature check");
    String check = method.group();
    assertTrue(check.contains("MessageDigest.isEqual(expected, given)"), check);
    assertFalse(check.contains(".equals(") || check.contains("Arrays.equals") || check.contains("compareTo"), check);
    // And it decides: equal bytes pass, any difference fails.
    assertTrue(WebhookReceiver.signedBy(SECRET, DELIVERY, sign(SECRET, DELIVERY).toUpperCase()));
    String flipped = sign(SECRET, DELIVERY);
    flipped = (flipped.charAt(63) == '0' ? "1" : "0") + flipped.substring(1);
    assertFalse(WebhookReceiver.signedBy(SECRET, DELIVERY, flipped));
  }
}
