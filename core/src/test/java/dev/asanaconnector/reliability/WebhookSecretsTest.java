package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaApiException;
import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.WebhookReceiver;
import dev.asanaconnector.WebhookSecretStore;
import dev.asanaconnector.WebhookServer;
import dev.asanaconnector.generated.model.WebhookResponse;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A webhook's secret stays out of every log line (the connector's at every level, the HTTP stack's
 * included), every exception message and every {@code toString} of the webhook classes, through a
 * creation, deliveries, refusals and a failed second creation.
 */
class WebhookSecretsTest {
  @Test
  void theWebhookSecretIsNeverLoggedNorInAnyMessageOrToString() throws Exception {
    List<String> outputs = new ArrayList<>();
    String secret;
    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(6).build();
        WebhookServer server = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        LogCapture logs = LogCapture.start()) {
      sandbox.start();
      AsanaClient asana = Fixtures.client(sandbox).build();
      WebhookSecretStore store = WebhookSecretStore.inMemory();
      WebhookReceiver receiver = WebhookReceiver.create(store, events -> outputs.add(events.toString()));
      URI target = server.register("/hooks/secret", receiver);
      String project = sandbox.data().projectGids().get(0);

      WebhookResponse webhook = asana.webhooks().create(project, target, receiver);
      secret = store.load().orElseThrow();
      asana.execute("projects", "update", Map.of("project_gid", project, "name", "Renamed"));
      sandbox.webhooks().sendHeartbeats();
      assertTrue(sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(30)));
      try (Response refused = new OkHttpClient().newCall(new Request.Builder().url(target.toString())
          .header("X-Hook-Signature", "00").post(RequestBody.create(new byte[] {'{', '}'}, null)).build()).execute()) {
        assertEquals(401, refused.code());
      }
      AsanaApiException duplicate = assertThrows(AsanaApiException.class,
          () -> asana.webhooks().create(project, target, receiver));
      outputs.add(LogCapture.render(duplicate));
      outputs.add(webhook.toString());
      outputs.add(receiver.toString());
      outputs.add(store.toString());
      outputs.add(server.toString());
      outputs.add(receiver.handle(Map.of(), new byte[0]).toString());
      logs.lines().forEach(line -> outputs.add(line.toString()));
      assertTrue(logs.lines().size() >= 3, "the calls were logged: " + logs.lines().size() + " lines");
    }
    assertTrue(outputs.size() > 8, "something to check");
    assertTrue(secret.length() >= 16);
    Fixtures.assertNoSecrets(outputs, secret);
  }
}
