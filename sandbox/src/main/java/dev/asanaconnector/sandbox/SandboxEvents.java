package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Resource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * The event stream behind {@code GET /events} and webhooks. Every write records events ({@code added},
 * {@code removed}, {@code changed} with a {@code change}, {@code deleted}); each is visible on its
 * resource, on the parent it was added to or removed from, and on what contains the resource (a task's
 * projects, parent task and workspace; a story's or attachment's task...).
 *
 * <p>{@code GET /events?resource=GID&sync=TOKEN} answers as Asana documents: without a sync token, or
 * with one that is invalid, for another resource, expired or older than the events kept, 412 with
 * {@code {"errors": [...], "sync": "<fresh token>"}}; otherwise {@code {"data": [events since the
 * token], "sync": "<next token>", "has_more": bool}} with at most 100 events, oldest first.
 *
 * <p>For tests: sync tokens expire after {@link #syncTokenTtl} (24 hours by default) or all at once with
 * {@link #expireSyncTokensNow()}. Thread-safe.
 */
public final class SandboxEvents {
  static final int PAGE = 100;
  /** Events kept per resource; a sync token older than the oldest kept is answered with 412. */
  static final int RETAINED = 10_000;
  static final String SYNC_INVALID = "Sync token invalid or too old. If you are attempting to keep resources in sync, "
      + "you must fetch the full dataset for this query now and use the new sync token for the next sync.";
  static final Duration DEFAULT_TTL = Duration.ofHours(24);

  /** Receives every recorded event with the gids that can see it (the webhooks). */
  interface Listener {
    void onEvent(Event e, Set<String> audience);
  }

  private static final class Stream {
    final ArrayList<Event> events = new ArrayList<>();
    /** Every event with seq <= this was dropped from this stream. */
    long droppedThrough;
  }

  private final Model m;
  private final Graph graph;
  private final long secret;
  private final Listener listener;
  private volatile long ttlMillis = DEFAULT_TTL.toMillis();
  private final AtomicInteger generation = new AtomicInteger();
  // Guarded by this:
  private long nextSeq = 1;
  private final Map<String, Stream> streams = new HashMap<>();

  SandboxEvents(Model m, Graph graph, long secret, Listener listener) {
    this.m = m;
    this.graph = graph;
    this.secret = secret;
    this.listener = listener;
  }

  /** How long a sync token stays valid after it was issued (default 24 hours). Returns this. */
  public SandboxEvents syncTokenTtl(Duration ttl) {
    ttlMillis = Objects.requireNonNull(ttl).toMillis();
    return this;
  }

  /** Expires every sync token issued so far: their next use gets 412 with a fresh token. Returns this. */
  public SandboxEvents expireSyncTokensNow() {
    generation.incrementAndGet();
    return this;
  }

  /** Events recorded since the sandbox started. */
  public synchronized long eventCount() {
    return nextSeq - 1;
  }

  // ---- recording (callers hold the model's write lock) ----

  /** {@code r} was added to {@code parent} (a project, section, tag, parent task, workspace...). */
  void added(Resource r, Resource parent) {
    record("added", r, parent, null, null, null, false);
  }

  /** {@code r} was removed from {@code parent}. */
  void removed(Resource r, Resource parent) {
    record("removed", r, parent, null, null, null, false);
  }

  /** {@code r} is about to be deleted (call while it is still linked, so its containers see it). */
  void deleted(Resource r) {
    record("deleted", r, null, null, null, null, false);
  }

  /** A plain field of {@code r} changed. */
  void changed(Resource r, String field) {
    record("changed", r, null, field, "changed", null, false);
  }

  /** A field of {@code r} holding resources changed: {@code how} is changed, added or removed. */
  void changed(Resource r, String field, String how, Resource value) {
    record("changed", r, null, field, how, value, true);
  }

  private void record(String action, Resource r, Resource parent, String field, String how, Resource value,
      boolean hasValue) {
    Set<String> audience = new LinkedHashSet<>();
    for (Resource a : graph.audience(r)) {
      audience.add(a.gid);
    }
    if (parent != null) {
      audience.add(parent.gid);
    }
    Event e;
    synchronized (this) {
      e = new Event(nextSeq++, System.currentTimeMillis(), Event.Ref.of(m.me), action, Event.Ref.of(r),
          Event.Ref.of(parent), field, how, Event.Ref.of(value), hasValue);
      for (String gid : audience) {
        Stream s = streams.computeIfAbsent(gid, k -> new Stream());
        s.events.add(e);
        if (s.events.size() > RETAINED) {
          List<Event> drop = s.events.subList(0, s.events.size() - RETAINED);
          s.droppedThrough = drop.get(drop.size() - 1).seq;
          drop.clear();
        }
      }
    }
    listener.onEvent(e, audience);
  }

  // ---- GET /events (callers hold the model's read lock) ----

  Reply handle(HttpUrl url, String resourceGid) {
    if (resourceGid == null) {
      throw Fields.missing("resource");
    }
    synchronized (this) {
      if (m.find(resourceGid) == null && !streams.containsKey(resourceGid)) {
        throw Fields.unrecognized("resource", resourceGid);
      }
      long context = Mix.hashString(resourceGid);
      String sync = url.queryParameter("sync");
      long from = sync == null ? -1 : position(sync, context);
      Stream s = streams.get(resourceGid);
      if (from < 0 || (s != null && from <= s.droppedThrough)) {
        Json j = new Json(512);
        j.beginObject().name("errors").beginArray().beginObject();
        j.name("message").value(SYNC_INVALID);
        j.endObject().endArray();
        j.name("sync").value(token(nextSeq, context));
        return Reply.json(412, j.endObject());
      }
      List<Event> all = s == null ? List.of() : s.events;
      int i = firstAtOrAfter(all, from);
      int end = Math.min(all.size(), i + PAGE);
      boolean more = end < all.size();
      Json j = new Json(256 + (end - i) * 256);
      j.beginObject().name("data").beginArray();
      for (int k = i; k < end; k++) {
        all.get(k).write(j, false);
      }
      j.endArray();
      j.name("sync").value(token(more ? all.get(end - 1).seq + 1 : nextSeq, context));
      j.name("has_more").value(more);
      return Reply.json(200, j.endObject());
    }
  }

  private static int firstAtOrAfter(List<Event> events, long seq) {
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (events.get(mid).seq < seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- sync tokens: base64url of (version, generation, issued, next seq, resource, MAC) ----

  private long mac(int gen, long issued, long seq, long context) {
    return Mix.mix(secret, Mix.mix(gen, issued), Mix.mix(seq, context));
  }

  private String token(long seq, long context) {
    int gen = generation.get();
    long issued = System.currentTimeMillis();
    ByteBuffer b = ByteBuffer.allocate(37);
    b.put((byte) 1).putInt(gen).putLong(issued).putLong(seq).putLong(context).putLong(mac(gen, issued, seq, context));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** The sequence number a token continues from, or -1 when it is invalid, for another resource or expired. */
  private long position(String token, long context) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    if (raw.length != 37 || raw[0] != 1) {
      return -1;
    }
    ByteBuffer b = ByteBuffer.wrap(raw, 1, 36);
    int gen = b.getInt();
    long issued = b.getLong();
    long seq = b.getLong();
    long ctx = b.getLong();
    long mac = b.getLong();
    if (mac != mac(gen, issued, seq, ctx) || ctx != context || seq < 1 || seq > nextSeq) {
      return -1;
    }
    if (gen != generation.get() || System.currentTimeMillis() - issued >= ttlMillis) {
      return -1;
    }
    return seq;
  }
}
