package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.generated.model.WebhookResponse;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Following changes" examples, word for word (checked with the others by
 * {@code ReadmeExamplesTest.everyReadmeExampleIsInThisTestVerbatim}), run against the sandbox.
 */
class ReadmeFollowingChangesTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static AsanaClient asana;
  private static final List<String> stores = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(20).build();
    sandbox.start();
    data = sandbox.data();
    asana = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString()).personalAccessToken(sandbox.token()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Stands for the application's database. */
  private static void store(String token) {
    stores.add(token);
  }

  private static String newProject() {
    return (String) ((Map<?, ?>) asana.execute("projects", "create", Map.of("workspace", data.workspaceGid(),
        "team", data.teamGids().get(0), "name", "Followed"))).get("gid");
  }

  private static String newTask(String projectGid, String name) {
    return (String) ((Map<?, ?>) asana.execute("tasks", "create", Map.of("workspace", data.workspaceGid(),
        "projects", projectGid, "name", name))).get("gid");
  }

  @Test
  void events() {
    String projectGid = newProject();
    String staleToken = asana.events().start(projectGid);
    sandbox.events().expireSyncTokensNow();
    List<String> printed = new ArrayList<>();
    // README: Following changes, events
    String token = asana.events().start(projectGid);                 // "start from now": no events yet
    String taskGid = newTask(projectGid, "Plan");
    // README: Following changes, events after some changes
    EventBatch batch = asana.events().fetch(projectGid, token);      // every event since, has_more drained
    for (AsanaEvent event : batch.events()) {
      printed.add(event.action() + " " + event.resource().resourceType() + " " + event.resource().gid());
    }
    token = batch.syncToken();                                       // persist it only now
    try {
      asana.events().fetch(projectGid, staleToken);
    } catch (SyncTokenExpiredException e) {
      token = e.freshSyncToken();                                    // events were lost: read in full first
    }

    assertEquals("added task " + taskGid, printed.get(0));
    assertThrows(SyncTokenExpiredException.class, () -> asana.events().fetch(projectGid, staleToken),
        "so the example took its catch branch, and token is the fresh one");
    assertEquals(List.of(), asana.events().fetch(projectGid, token).events());
  }

  @Test
  void poll() throws InterruptedException {
    String projectGid = newProject();
    String token = asana.events().start(projectGid);
    List<AsanaEvent> changes = Collections.synchronizedList(new ArrayList<>());
    String taskGid = newTask(projectGid, "Polled");
    // README: Following changes, polling
    EventPoller poller = asana.events().poll(projectGid, token, Duration.ofSeconds(30), polled -> {
      polled.events().forEach(changes::add);   // process first...
      store(polled.syncToken());               // ...then persist the token
    });
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (changes.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    // README: Following changes, polling (shutdown)
    poller.close();                            // on shutdown: finishes the batch in hand
    store(poller.lastSyncToken());

    assertEquals(taskGid, changes.get(0).resource().gid());
    assertFalse(poller.isRunning());
    assertEquals(stores.get(stores.size() - 1), poller.lastSyncToken());
  }

  @Test
  void watermark() {
    String projectGid = data.projectGids().get(0);
    String stored = null;
    List<String> changed = new ArrayList<>();
    List<String> recent = new ArrayList<>();
    // README: Following changes, modified_since
    for (TaskCompact task : asana.tasks().iterate(Params.builder().project(projectGid)
        .modifiedSince(OffsetDateTime.now().minusHours(1)).build())) {
      recent.add(task.getGid());
    }
    WatermarkCrawl crawl = WatermarkCrawl.builder(asana).project(projectGid).overlap(Duration.ofSeconds(30)).build();
    Watermark watermark = stored == null ? Watermark.initial() : Watermark.decode(stored);
    WatermarkCrawl.Result result = crawl.crawl(watermark, task -> changed.add(task.getGid() + " " + task.getModifiedAt()));
    stored = result.next().encode();

    assertEquals(List.of(), recent, "the generated tasks are older than an hour");
    assertEquals(data.taskGids(projectGid).size(), changed.size(), "the first crawl reads every task");
    String edited = data.taskGids(projectGid).get(3);
    asana.execute("tasks", "update", Map.of("task_gid", edited, "name", "Edited"));
    List<String> next = new ArrayList<>();
    crawl.crawl(Watermark.decode(stored), task -> next.add(task.getGid()));
    assertEquals(List.of(edited), next);
  }

  @Test
  void webhooks() throws Exception {
    String projectGid = newProject();
    List<AsanaEvent> received = Collections.synchronizedList(new ArrayList<>());
    // README: Following changes, webhooks
    WebhookSecretStore secrets = WebhookSecretStore.inMemory();             // your database in production
    WebhookReceiver receiver = WebhookReceiver.create(secrets, events -> received.addAll(events));
    WebhookServer server = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    URI target = server.register("/asana/webhook", receiver);
    WebhookResponse webhook = asana.webhooks().create(projectGid, target, receiver);   // after the handshake

    try (server) {
      newTask(projectGid, "Delivered");
      assertTrue(sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(30)));
      assertEquals("added", received.get(0).action());
      assertNotNull(webhook.getGid());
      byte[] requestBody = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
      Map<String, List<String>> requestHeaders = Map.of("X-Hook-Signature",
          List.of(HexFormat.of().formatHex(WebhookReceiver.hmac(secrets.load().orElseThrow(), requestBody))));
      // README: Following changes, webhooks in your own server
      WebhookReceiver.Answer answer = receiver.handle(requestHeaders, requestBody);   // a heartbeat here
      assertEquals(200, answer.status());
      assertEquals(1, receiver.heartbeats());
    }
  }
}
