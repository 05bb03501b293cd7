package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.Team;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;

/**
 * Webhooks as Asana runs them. {@code POST /webhooks {data: {resource, target, filters?}}} first POSTs
 * to the target with an {@code X-Hook-Secret} header and answers 201 with the webhook and the secret
 * only when the target echoed it with 200 or 204 (else 400). From then on, events visible on the
 * resource that pass the filters are POSTed to the target as {@code {"events": [...]}} (skinny events,
 * oldest first) signed with {@code X-Hook-Signature}, the hex HMAC-SHA256 of the raw body keyed with
 * the secret. Deliveries the target does not accept are retried with exponential backoff; after
 * {@link #maxDeliveryAttempts} failed attempts of one delivery the webhook is deleted. Heartbeats
 * ({@code {"events": []}}, signed too) go out every {@link #heartbeatInterval} (8 hours, as Asana) and on
 * {@link #sendHeartbeats()}.
 *
 * <p>Also {@code GET /webhooks?workspace=[&resource=]} (paginated), {@code GET} and {@code DELETE
 * /webhooks/{webhook_gid}}. Targets must be loopback addresses (the sandbox sends nothing elsewhere):
 * others get 403, as Asana refuses hosts it will not call. Workspace and team webhooks need filters.
 * Thread-safe.
 */
public final class SandboxWebhooks implements AutoCloseable {
  static final String HANDSHAKE_FAILED = "Could not complete the activation handshake with the target URL. "
      + "Please ensure that the receiving server is accepting connections and echoes the X-Hook-Secret header";
  static final String DUPLICATE = "Duplicated webhook. You already have an existing webhook for the given "
      + "resource and target. Delete the old one before creating another.";
  static final List<String> ACTIONS = List.of("changed", "added", "removed", "deleted", "undeleted");

  private final Model m;
  private final WebhookDelivery delivery;
  private final CopyOnWriteArrayList<Webhook> webhooks = new CopyOnWriteArrayList<>();
  private final AtomicLong secrets;
  private ScheduledFuture<?> heartbeats;

  SandboxWebhooks(Model m, long seed) {
    this.m = m;
    this.secrets = new AtomicLong(Mix.mix64(seed ^ 0x5EC7E7L));
    this.delivery = new WebhookDelivery(webhooks::remove);
    heartbeatInterval(Duration.ofHours(8));
  }

  // ---- control API ----

  /**
   * Retry timing of refused deliveries: the first retry after {@code first}, each next one after twice
   * the previous wait, never more than {@code max} (defaults: 1 second and 1 minute). Returns this.
   */
  public SandboxWebhooks retryBackoff(Duration first, Duration max) {
    delivery.backoff(first, max);
    return this;
  }

  /** Attempts of one delivery before the webhook is given up and deleted (default 10). Returns this. */
  public SandboxWebhooks maxDeliveryAttempts(int attempts) {
    delivery.maxAttempts(attempts);
    return this;
  }

  /** Sends a heartbeat ({@code {"events": []}}) to every active webhook now; returns how many. */
  public int sendHeartbeats() {
    int n = 0;
    for (Webhook w : webhooks) {
      if (w.active) {
        delivery.heartbeat(w);
        n++;
      }
    }
    return n;
  }

  /** How often heartbeats go out by themselves (default 8 hours, as Asana). Returns this. */
  public synchronized SandboxWebhooks heartbeatInterval(Duration interval) {
    long ms = interval.toMillis();
    if (ms <= 0) {
      throw new IllegalArgumentException("heartbeat interval must be positive: " + interval);
    }
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    heartbeats = delivery.scheduler().scheduleAtFixedRate(this::sendHeartbeats, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Waits until every queued delivery was accepted, or its webhook given up; true if that happened
   * within {@code timeout}. A delivery waiting for a retry counts as queued.
   */
  public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean idle = true;
      for (Webhook w : webhooks) {
        idle &= w.idle();
      }
      if (idle) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(2);
    }
  }

  /** The webhooks that exist now. */
  public int webhookCount() {
    return webhooks.size();
  }

  /** Delivery attempts so far (heartbeats and retries included). */
  public int deliveryAttempts() {
    return delivery.attempts();
  }

  /** Deliveries the targets accepted so far. */
  public int deliveriesAccepted() {
    return delivery.delivered();
  }

  @Override
  public void close() {
    delivery.close();
  }

  // ---- used by the event log and the API ----

  /** Queues an event for every webhook that sees it. */
  void onEvent(Event e, Set<String> audience) {
    for (Webhook w : webhooks) {
      if (w.active && audience.contains(w.resource.gid()) && w.wants(e)) {
        delivery.enqueue(w, e);
      }
    }
  }

  Webhook find(String gid) {
    for (Webhook w : webhooks) {
      if (w.gid.equals(gid)) {
        return w;
      }
    }
    return null;
  }

  Webhook get(String gid) {
    Webhook w = find(gid);
    if (w == null) {
      throw ApiError.unknownObject(gid);
    }
    return w;
  }

  /** The webhooks in a workspace, optionally only those on one resource, oldest first. */
  List<Webhook> list(Workspace ws, String resourceGid) {
    List<Webhook> out = new ArrayList<>();
    for (Webhook w : webhooks) {
      if (w.workspaceGid.equals(ws.gid) && (resourceGid == null || resourceGid.equals(w.resource.gid()))) {
        out.add(w);
      }
    }
    return out;
  }

  void delete(String gid) {
    Webhook w = get(gid);
    webhooks.remove(w);
    delivery.stop(w);
  }

  /** POST /webhooks: validates, runs the handshake (no lock held), then registers. */
  Reply create(Fields f, Render render, Sel sel) {
    String resourceGid = f.required("resource");
    String target = f.required("target");
    List<Webhook.Filter> filters = filters(f);
    HttpUrl url = HttpUrl.parse(target);
    if (url == null) {
      throw ApiError.badRequest("target: Not a valid URL: " + target);
    }
    if (!loopback(url.host())) {
      throw new ApiError(403, "target: The sandbox only delivers webhooks to loopback addresses (127.0.0.0/8, ::1, localhost): "
          + url.host());
    }
    Object[] found = m.read(() -> {
      Resource r = m.find(resourceGid);
      return r == null ? null : new Object[] {Event.Ref.of(r), workspaceOf(r)};
    });
    if (found == null) {
      throw Fields.unrecognized("resource", resourceGid);
    }
    if (found[1] == null) {
      throw ApiError.badRequest("resource: Webhooks are not supported on this resource type: "
          + ((Event.Ref) found[0]).type());
    }
    Event.Ref ref = (Event.Ref) found[0];
    if ((ref.type().equals("workspace") || ref.type().equals("team")) && filters.isEmpty()) {
      throw ApiError.badRequest("filters: Webhooks on a workspace or team need filters");
    }
    for (Webhook w : webhooks) {
      if (w.resource.gid().equals(resourceGid) && w.target.equals(target)) {
        throw new ApiError(403, DUPLICATE);
      }
    }
    long n = secrets.incrementAndGet();
    String secret = Mix.hex(Mix.mix(n, 1)) + Mix.hex(Mix.mix(n, 2)) + Mix.hex(Mix.mix(n, 3)) + Mix.hex(Mix.mix(n, 4));
    String failure = delivery.handshake(target, secret);
    if (failure != null) {
      throw ApiError.badRequest(HANDSHAKE_FAILED + " (" + failure + ")");
    }
    Webhook w = m.write(() -> new Webhook(m.newId(), ref, (String) found[1], target, secret,
        System.currentTimeMillis(), filters));
    webhooks.add(w);
    Json j = new Json(1024);
    j.beginObject().name("data");
    render.record(j, w, sel, true);
    j.name("X-Hook-Secret").value(secret);
    return Reply.json(201, j.endObject());
  }

  private static List<Webhook.Filter> filters(Fields f) {
    List<Map<String, Object>> raw = f.objects("filters");
    List<Webhook.Filter> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    for (Map<String, Object> o : raw) {
      Fields ff = Fields.of(o);
      String action = ff.string("action");
      if (action != null && !ACTIONS.contains(action)) {
        throw ApiError.badRequest("filters: Not a valid action: " + action + ". Should be one of " + String.join(", ", ACTIONS));
      }
      out.add(new Webhook.Filter(ff.string("resource_type"), ff.string("resource_subtype"), action, ff.strings("fields")));
    }
    return out;
  }

  private static String workspaceOf(Resource r) {
    if (r instanceof Task t) {
      return t.workspace.gid;
    } else if (r instanceof Project p) {
      return p.workspace.gid;
    } else if (r instanceof Section s) {
      return s.project.workspace.gid;
    } else if (r instanceof Tag t) {
      return t.workspace.gid;
    } else if (r instanceof Team t) {
      return t.workspace.gid;
    } else if (r instanceof Workspace w) {
      return w.gid;
    }
    return null;
  }

  static boolean loopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name would need a lookup; only literals are trusted
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
