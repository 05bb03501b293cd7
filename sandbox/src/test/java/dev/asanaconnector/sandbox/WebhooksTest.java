package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.asanaconnector.sandbox.Http.Resp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks: the handshake, signed deliveries, retries, heartbeats, filters, and the webhook records. */
class WebhooksTest {
  static AsanaSandbox sandbox;
  static SandboxData data;
  static String workspace;
  Receiver receiver;

  /** A webhook target on loopback that echoes the handshake and records deliveries. */
  static final class Receiver implements AutoCloseable {
    record Delivery(byte[] body, String signature) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> events() throws IOException {
        Map<String, Object> json = (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class)
            .fromJson(new String(body, StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) json.get("events");
      }
    }

    final MockWebServer server = new MockWebServer();
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final AtomicReference<String> handshakeSecret = new AtomicReference<>();
    volatile boolean echoSecret = true;
    /** The next this-many deliveries are answered 500. */
    final AtomicInteger refuse = new AtomicInteger();

    Receiver() throws IOException {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          String secret = request.getHeaders().get("X-Hook-Secret");
          if (secret != null) {
            handshakeSecret.set(secret);
            MockResponse.Builder ok = new MockResponse.Builder().code(200);
            return (echoSecret ? ok.setHeader("X-Hook-Secret", secret) : ok).build();
          }
          deliveries.add(new Delivery(request.getBody().toByteArray(), request.getHeaders().get("X-Hook-Signature")));
          boolean refused = refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          return new MockResponse.Builder().code(refused ? 500 : 200).build();
        }
      });
      server.start();
    }

    String url() {
      return server.url("/receive-webhook/7654?app=sandbox-test").toString();
    }

    Delivery next() throws InterruptedException {
      Delivery d = deliveries.poll(10, TimeUnit.SECONDS);
      assertNotNull(d, "a delivery arrived");
      return d;
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    data = sandbox.data();
    workspace = data.workspaceGid();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void receiver() throws IOException {
    receiver = new Receiver();
    sandbox.webhooks().retryBackoff(Duration.ofMillis(10), Duration.ofMillis(40)).maxDeliveryAttempts(10);
  }

  @AfterEach
  void cleanUp() throws IOException {
    for (Map<String, Object> w : Http.get(sandbox, "webhooks?workspace=" + workspace).expect(200).data()) {
      Http.delete(sandbox, "webhooks/" + w.get("gid")).expect(200);
    }
    receiver.close();
  }

  static String gid(Map<String, Object> record) {
    return (String) record.get("gid");
  }

  static String project() {
    return gid(Http.post(sandbox, "projects", fields("name", "Hooked", "workspace", workspace)).expect(201).object());
  }

  static String hmacHex(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  Resp subscribe(String resource, Object... more) {
    Map<String, Object> body = fields("resource", resource, "target", receiver.url());
    body.putAll(fields(more));
    return Http.post(sandbox, "webhooks", body);
  }

  @Test
  void handshakeComesFirstThenSignedSkinnyEvents() throws Exception {
    String p = project();
    Resp created = subscribe(p).expect(201);
    String secret = (String) created.json().get("X-Hook-Secret");
    assertEquals(receiver.handshakeSecret.get(), secret, "the answer carries the secret sent in the handshake");
    assertEquals(64, secret.length());
    Map<String, Object> hook = created.object();
    assertEquals("webhook", hook.get("resource_type"));
    assertEquals(Boolean.TRUE, hook.get("active"));
    assertEquals(receiver.url(), hook.get("target"));
    assertEquals(Map.of("gid", p, "resource_type", "project", "name", "Hooked"), hook.get("resource"));
    assertNull(hook.get("last_success_at"));

    String t = gid(Http.post(sandbox, "tasks", fields("name", "Hook me", "projects", List.of(p))).expect(201).object());
    Http.put(sandbox, "tasks/" + t, fields("name", "Hooked task")).expect(200);
    assertTrue(sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10)));

    List<Map<String, Object>> events = new ArrayList<>();
    Receiver.Delivery d;
    while ((d = receiver.deliveries.poll()) != null) {
      assertEquals(hmacHex(secret, d.body()), d.signature(), "X-Hook-Signature is the HMAC-SHA256 of the raw body");
      events.addAll(d.events());
    }
    assertEquals(List.of("added", "added", "changed"), events.stream().map(e -> e.get("action")).toList());
    Map<String, Object> changed = events.get(2);
    assertEquals(Map.of("gid", t, "resource_type", "task", "resource_subtype", "default_task"), changed.get("resource"),
        "webhook events carry no names");
    assertEquals(Map.of("gid", data.meGid(), "resource_type", "user"), changed.get("user"));
    assertEquals(Map.of("field", "name", "action", "changed"), changed.get("change"));
    assertEquals(Map.of("gid", p, "resource_type", "project"), events.get(0).get("parent"));
    assertFalse(changed.containsKey("type"));
    assertNotNull(Http.get(sandbox, "webhooks/" + gid(hook)).expect(200).object().get("last_success_at"));
  }

  @Test
  void aTargetThatDoesNotEchoTheSecretGetsNoWebhook() {
    receiver.echoSecret = false;
    String p = project();
    Resp refused = subscribe(p).expect(400);
    assertTrue(refused.errorMessage().startsWith(SandboxWebhooks.HANDSHAKE_FAILED), refused.errorMessage());
    assertEquals(List.of(), Http.get(sandbox, "webhooks?workspace=" + workspace + "&resource=" + p).expect(200).data());
  }

  @Test
  void aRefusedDeliveryIsRetriedWithTheSameSignedBody() throws Exception {
    String p = project();
    Resp created = subscribe(p).expect(201);
    String secret = (String) created.json().get("X-Hook-Secret");
    receiver.refuse.set(2);
    Http.put(sandbox, "projects/" + p, fields("notes", "retry me")).expect(200);
    Receiver.Delivery first = receiver.next();
    Receiver.Delivery second = receiver.next();
    Receiver.Delivery third = receiver.next();
    assertArrayEquals(first.body(), second.body());
    assertArrayEquals(first.body(), third.body());
    assertEquals(hmacHex(secret, third.body()), third.signature());
    assertEquals("notes", Http.map(third.events().get(0).get("change")).get("field"));
    assertTrue(sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10)));
    Map<String, Object> hook = Http.get(sandbox, "webhooks/" + gid(created.object())).expect(200).object();
    assertNotNull(hook.get("last_failure_at"));
    assertTrue(((String) hook.get("last_failure_content")).startsWith("HTTP 500"), (String) hook.get("last_failure_content"));
    assertNotNull(hook.get("last_success_at"));
    assertEquals(0.0, hook.get("delivery_retry_count"), "reset by the success");
    assertNull(receiver.deliveries.poll(), "delivered once accepted, not again");
  }

  @Test
  void aWebhookThatKeepsFailingIsDeleted() throws Exception {
    sandbox.webhooks().maxDeliveryAttempts(3);
    String p = project();
    String hook = gid(subscribe(p).expect(201).object());
    receiver.refuse.set(Integer.MAX_VALUE);
    Http.put(sandbox, "projects/" + p, fields("name", "never delivered")).expect(200);
    assertTrue(sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10)));
    assertEquals(3, receiver.deliveries.size());
    Http.get(sandbox, "webhooks/" + hook).expect(404);
  }

  @Test
  void heartbeatsAreEmptySignedDeliveries() throws Exception {
    String secret = (String) subscribe(project()).expect(201).json().get("X-Hook-Secret");
    assertEquals(1, sandbox.webhooks().sendHeartbeats());
    Receiver.Delivery beat = receiver.next();
    assertEquals("{\"events\":[]}", new String(beat.body(), StandardCharsets.UTF_8));
    assertEquals(hmacHex(secret, beat.body()), beat.signature());
  }

  @Test
  void filtersLetOnlyMatchingEventsThrough() throws Exception {
    String p = project();
    subscribe(p, "filters", List.of(Map.of("resource_type", "task", "action", "added"))).expect(201);
    Http.put(sandbox, "projects/" + p, fields("name", "filtered out")).expect(200);
    String t = gid(Http.post(sandbox, "tasks", fields("name", "let through", "projects", List.of(p))).expect(201).object());
    Http.put(sandbox, "tasks/" + t, fields("name", "filtered out too")).expect(200);
    assertTrue(sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10)));
    List<Map<String, Object>> events = new ArrayList<>();
    Receiver.Delivery d;
    while ((d = receiver.deliveries.poll()) != null) {
      events.addAll(d.events());
    }
    assertEquals(2, events.size(), "added to the project and to its section");
    for (Map<String, Object> e : events) {
      assertEquals("added", e.get("action"));
      assertEquals(t, Http.map(e.get("resource")).get("gid"));
    }
  }

  @Test
  void webhooksAreListedReadAndDeleted() throws Exception {
    String p = project();
    String hook = gid(subscribe(p, "filters", List.of(Map.of("action", "changed", "fields", List.of("name"))))
        .expect(201).object());
    List<Map<String, Object>> listed = Http.get(sandbox, "webhooks?workspace=" + workspace).expect(200).data();
    assertEquals(1, listed.size());
    assertEquals(Set.of("gid", "resource_type", "active", "resource", "target"), listed.get(0).keySet());
    Map<String, Object> full = Http.get(sandbox, "webhooks/" + hook).expect(200).object();
    assertEquals(List.of("name"), Http.map(Http.list(full.get("filters")).get(0)).get("fields"));
    assertTrue(full.containsKey("created_at"));
    assertEquals("workspace: Missing input", Http.get(sandbox, "webhooks").expect(400).errorMessage());

    assertEquals(Map.of(), Http.delete(sandbox, "webhooks/" + hook).expect(200).object());
    Http.get(sandbox, "webhooks/" + hook).expect(404);
    Http.put(sandbox, "projects/" + p, fields("name", "after delete")).expect(200);
    assertNull(receiver.deliveries.poll(300, TimeUnit.MILLISECONDS), "a deleted webhook delivers nothing");
  }

  @Test
  void refusedSubscriptions() {
    String p = project();
    Resp remote = Http.post(sandbox, "webhooks", fields("resource", p, "target", "https://example.com/hook")).expect(403);
    assertTrue(remote.errorMessage().startsWith("target:"), remote.errorMessage());
    subscribe(p).expect(201);
    assertEquals(SandboxWebhooks.DUPLICATE, subscribe(p).expect(403).errorMessage());
    assertTrue(subscribe(workspace).expect(400).errorMessage().startsWith("filters:"), "workspace webhooks need filters");
    assertEquals("resource: Not a recognized ID: 5", subscribe("5").expect(400).errorMessage());
  }
}
