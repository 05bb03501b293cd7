package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.WebhookResponse;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook round trip against the sandbox, through {@link WebhookServer}: creation with the handshake,
 * signed deliveries accepted and parsed into the same records {@code GET /events} gives, tampered and
 * wrongly signed requests refused on the wire, heartbeats answered, a failing handler redelivered.
 */
class WebhookRoundTripTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final MediaType JSON = MediaType.get("application/json");

  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;
  private static WebhookServer server;
  private static final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(10).build();
    sandbox.start();
    sandbox.webhooks().retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
    data = sandbox.data();
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().rateLimits(RateLimits.unlimited());
    asana = builder.build();
    server = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    sandbox.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(String entity, String action, Object... pairs) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put((String) pairs[i], pairs[i + 1]);
    }
    return (Map<String, Object>) asana.execute(entity, action, params);
  }

  private static String newProject(String name) {
    return (String) run("projects", "create", "workspace", data.workspaceGid(), "team", data.teamGids().get(0),
        "name", name).get("gid");
  }

  private static int post(URI target, Map<String, String> headers, byte[] body) throws Exception {
    Request.Builder request = new Request.Builder().url(target.toString()).post(RequestBody.create(body, JSON));
    headers.forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  private static void awaitDeliveries() throws InterruptedException {
    assertTrue(sandbox.webhooks().awaitDeliveries(PATIENCE), "the sandbox delivered everything");
  }

  @Test
  void handshakeSignedDeliveriesRefusalsAndHeartbeatsEndToEnd() throws Exception {
    String project = newProject("Hooked");
    WebhookSecretStore store = WebhookSecretStore.inMemory();
    List<AsanaEvent> received = Collections.synchronizedList(new ArrayList<>());
    WebhookReceiver receiver = WebhookReceiver.create(store, received::addAll);
    URI target = server.register("/hooks/round-trip", receiver);

    WebhookResponse webhook = asana.webhooks().create(project, target, receiver);

    assertNotNull(webhook.getGid());
    assertEquals(Boolean.TRUE, webhook.getActive());
    assertEquals(1, receiver.handshakes(), "Asana's handshake was answered during the call");
    String secret = store.load().orElseThrow();

    String token = asana.events().start(project);
    String task = (String) run("tasks", "create", "workspace", data.workspaceGid(), "projects", project, "name", "Hook me")
        .get("gid");
    run("tasks", "update", "task_gid", task, "name", "Hooked task");
    run("tasks", "update", "task_gid", task, "completed", true);
    awaitDeliveries();
    List<String> viaEventsApi = EventsTest.summaries(asana.events().fetch(project, token).events());
    assertEquals(viaEventsApi, EventsTest.summaries(received), "the same typed events as GET /events");
    assertEquals(4, received.size());
    int accepted = received.size();

    // Forged and tampered requests on the wire: refused, never reach the application.
    byte[] forged = ("{\"events\":[{\"action\":\"deleted\",\"resource\":{\"gid\":\"" + task
        + "\",\"resource_type\":\"task\"}}]}").getBytes(StandardCharsets.UTF_8);
    String rightSignature = HexFormat.of().formatHex(WebhookReceiver.hmac(secret, forged));
    byte[] tampered = new String(forged, StandardCharsets.UTF_8).replace("deleted", "undeleted")
        .getBytes(StandardCharsets.UTF_8);
    String wrongSecret = HexFormat.of().formatHex(WebhookReceiver.hmac("not-the-secret", forged));
    assertEquals(401, post(target, Map.of("X-Hook-Signature", rightSignature), tampered), "tampered body");
    assertEquals(401, post(target, Map.of("X-Hook-Signature", wrongSecret), forged), "wrong secret");
    assertEquals(401, post(target, Map.of(), forged), "no signature");
    assertEquals(403, post(target, Map.of("X-Hook-Secret", "mine-now"), new byte[0]), "a late handshake");
    assertEquals(secret, store.load().orElseThrow(), "the secret was not replaced");
    assertEquals(accepted, received.size());
    assertEquals(200, post(target, Map.of("X-Hook-Signature", rightSignature), forged),
        "the same request correctly signed is accepted: the refusals were the signature's doing");
    assertEquals(accepted + 1, received.size());

    assertTrue(sandbox.webhooks().sendHeartbeats() >= 1, "every active webhook gets one");
    awaitDeliveries();
    assertEquals(1, receiver.heartbeats());
    assertEquals(accepted + 1, received.size(), "a heartbeat is not an event");

    assertEquals(405, http.newCall(new Request.Builder().url(target.toString()).build()).execute().code());
    int webhooks = sandbox.webhooks().webhookCount();
    asana.webhooks().delete(webhook.getGid());
    assertEquals(webhooks - 1, sandbox.webhooks().webhookCount());
  }

  @Test
  void aHandlerFailureIsAnswered500AndAsanaDeliversTheSameEventsAgain() throws Exception {
    String project = newProject("Flaky consumer");
    AtomicInteger calls = new AtomicInteger();
    List<List<AsanaEvent>> handed = Collections.synchronizedList(new ArrayList<>());
    WebhookReceiver receiver = WebhookReceiver.create(WebhookSecretStore.inMemory(), events -> {
      handed.add(events);
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("database down");
      }
    });
    URI target = server.register("/hooks/flaky", receiver);
    asana.webhooks().create(project, target, receiver);
    run("projects", "update", "project_gid", project, "name", "Flaky consumer, renamed");
    awaitDeliveries();
    assertEquals(2, handed.size(), "delivered again after the 500");
    assertEquals(handed.get(0), handed.get(1));
    assertEquals(1, receiver.deliveriesProcessed());
  }

  @Test
  void aCreationWhoseHandshakeFailsIsAsanasError() {
    String project = newProject("Unreachable");
    WebhookReceiver receiver = WebhookReceiver.create(WebhookSecretStore.inMemory(), events -> { });
    URI nowhere = server.url("/hooks/not-registered");
    AsanaApiException e = assertThrows(AsanaApiException.class, () -> asana.webhooks().create(project, nowhere, receiver));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("handshake"), e.getMessage());
    assertTrue(receiver.secrets().load().isEmpty());
  }
}
