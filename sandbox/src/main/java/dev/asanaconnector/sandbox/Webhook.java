package dev.asanaconnector.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook subscription: what it watches, where it delivers, its secret, and its delivery state
 * (read by GET /webhooks while {@link WebhookDelivery} updates it, hence volatile or guarded by this).
 */
final class Webhook extends Model.Resource {
  static final String[] FIELDS = {"active", "resource", "target", "created_at", "last_failure_at",
      "last_failure_content", "last_success_at", "delivery_retry_count", "next_attempt_after",
      "failure_deletion_timestamp", "filters"};

  /** One entry of {@code filters}: an event passes when every field that is set matches. */
  record Filter(String resourceType, String resourceSubtype, String action, List<String> fields) {
    boolean passes(Event e) {
      return (resourceType == null || resourceType.equals(e.resource.type()))
          && (resourceSubtype == null || resourceSubtype.equals(e.resource.subtype()))
          && (action == null || action.equals(e.action))
          && (fields == null || fields.isEmpty() || (e.field != null && fields.contains(e.field)));
    }

    void write(Json j) {
      j.beginObject();
      j.name("resource_type").value(resourceType);
      j.name("resource_subtype").value(resourceSubtype);
      j.name("action").value(action);
      j.name("fields");
      if (fields == null) {
        j.nullValue();
      } else {
        j.beginArray();
        for (String f : fields) {
          j.value(f);
        }
        j.endArray();
      }
      j.endObject();
    }
  }

  /** Events sent in one POST; its body is fixed at the first attempt so that a retry resends the same bytes. */
  static final class Batch {
    final List<Event> events = new ArrayList<>();
    final boolean heartbeat;
    byte[] body;
    int attempts;

    Batch(boolean heartbeat) {
      this.heartbeat = heartbeat;
    }
  }

  final Event.Ref resource;
  final String workspaceGid;
  final String target;
  final String secret;
  final long createdAt;
  final List<Filter> filters;

  volatile boolean active = true;
  volatile long lastSuccessAt = Times.NONE;
  volatile long lastFailureAt = Times.NONE;
  volatile String lastFailureContent;
  volatile int retryCount;
  volatile long nextAttemptAfter = Times.NONE;
  volatile long failureDeletionAt = Times.NONE;

  // Guarded by this:
  final ArrayDeque<Batch> queue = new ArrayDeque<>();
  boolean pumping;

  Webhook(long id, Event.Ref resource, String workspaceGid, String target, String secret, long createdAt,
      List<Filter> filters) {
    super(id);
    this.resource = resource;
    this.workspaceGid = workspaceGid;
    this.target = target;
    this.secret = secret;
    this.createdAt = createdAt;
    this.filters = List.copyOf(filters);
  }

  @Override
  String type() {
    return "webhook";
  }

  /** Whether an event passes the filters (all do when there are none). */
  boolean wants(Event e) {
    if (filters.isEmpty()) {
      return true;
    }
    for (Filter f : filters) {
      if (f.passes(e)) {
        return true;
      }
    }
    return false;
  }

  synchronized boolean idle() {
    return queue.isEmpty() && !pumping;
  }

  private static void time(Json j, long t) {
    if (t == Times.NONE) {
      j.nullValue();
    } else {
      j.value(Times.iso(t));
    }
  }

  /** Compact: gid, resource_type, active, resource, target. */
  void writeCompact(Json j) {
    j.beginObject();
    j.name("gid").value(gid);
    j.name("resource_type").value("webhook");
    j.name("active").value(active);
    j.name("resource");
    resource.write(j, false);
    j.name("target").value(target);
    j.endObject();
  }

  /** Writes one field (name and value); unknown names are skipped. */
  void field(Json j, String f) {
    switch (f) {
      case "active" -> j.name(f).value(active);
      case "resource" -> resource.write(j.name(f), false);
      case "target" -> j.name(f).value(target);
      case "created_at" -> time(j.name(f), createdAt);
      case "last_failure_at" -> time(j.name(f), lastFailureAt);
      case "last_failure_content" -> j.name(f).value(lastFailureContent);
      case "last_success_at" -> time(j.name(f), lastSuccessAt);
      case "delivery_retry_count" -> j.name(f).value(retryCount);
      case "next_attempt_after" -> time(j.name(f), nextAttemptAfter);
      case "failure_deletion_timestamp" -> time(j.name(f), failureDeletionAt);
      case "filters" -> {
        j.name(f).beginArray();
        for (Filter filter : filters) {
          filter.write(j);
        }
        j.endArray();
      }
      default -> { }
    }
  }
}
