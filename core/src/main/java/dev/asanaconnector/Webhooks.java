package dev.asanaconnector;

import dev.asanaconnector.generated.api.WebhooksApi;
import dev.asanaconnector.generated.model.CreateWebhook201Response;
import dev.asanaconnector.generated.model.CreateWebhookRequest;
import dev.asanaconnector.generated.model.WebhookRequest;
import dev.asanaconnector.generated.model.WebhookRequestFiltersInner;
import dev.asanaconnector.generated.model.WebhookResponse;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creating and deleting webhooks with a {@link WebhookReceiver} at the target. Get one from
 * {@code asana.webhooks()}. Requests take the client's pipeline; a read-only client refuses them.
 */
public final class Webhooks {
  private final GeneratedCalls calls;
  private final GeneratedApis apis;

  Webhooks(GeneratedCalls calls, GeneratedApis apis) {
    this.calls = calls;
    this.apis = apis;
  }

  /** {@link #create(String, URI, WebhookReceiver, List)} without filters (a task or project webhook). */
  public WebhookResponse create(String resourceGid, URI target, WebhookReceiver receiver) {
    return create(resourceGid, target, receiver, null);
  }

  /**
   * Creates a webhook on {@code resourceGid} delivering to {@code target}, where {@code receiver}
   * listens. Asana sends the handshake to the target before it answers, so this returns once the
   * receiver has answered it; the receiver accepts a handshake only during this call. The secret
   * Asana returns is then saved in the receiver's store (it is the authority, should the handshake have
   * reached another instance of the receiver).
   *
   * @param filters which events to deliver ({@code null}: all); workspace and team webhooks need them
   * @throws AsanaApiException as Asana refuses (400 when the handshake failed, 403 for a duplicate)
   */
  public WebhookResponse create(String resourceGid, URI target, WebhookReceiver receiver,
      List<WebhookRequestFiltersInner> filters) {
    String resource = (String) ParamSpec.required("resource", ParamType.GID, "the resource").normalize(
        Objects.requireNonNull(resourceGid, "resourceGid"));
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(receiver, "receiver");
    CreateWebhookRequest body = CreateWebhookRequest.builder().data(WebhookRequest.builder()
        .resource(resource).target(target).filters(filters).build()).build();
    CreateWebhook201Response created;
    try (WebhookReceiver.HandshakeWindow window = receiver.expectHandshake()) {
      created = calls.execute(apis.get(WebhooksApi.class).createWebhook(body, null, null)).body()
          .orElseThrow(() -> new InvalidResponseException("Asana's answer to POST /webhooks has no body", 201, "",
              null));
      String secret = created.getxHookSecret();
      Optional<String> kept = receiver.secrets().load();
      if (secret != null && !(window.received() && kept.isPresent() && WebhookReceiver.sameSecret(kept.get(), secret))) {
        receiver.secrets().save(secret);
      }
    }
    return created.getData();
  }

  /** Deletes a webhook: Asana stops delivering (one delivery already under way may still arrive). */
  public void delete(String webhookGid) {
    String gid = (String) ParamSpec.required("webhook_gid", ParamType.GID, "the webhook").normalize(
        Objects.requireNonNull(webhookGid, "webhookGid"));
    calls.execute(apis.get(WebhooksApi.class).deleteWebhook(gid, null));
  }
}
