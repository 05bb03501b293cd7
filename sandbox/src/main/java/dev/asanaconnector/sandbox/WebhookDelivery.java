package dev.asanaconnector.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends webhook traffic: the creation handshake, and {@code {"events": [...]}} POSTs signed with
 * {@code X-Hook-Signature} (hex HMAC-SHA256 of the body with the webhook's secret). Each webhook's
 * deliveries go one at a time, in order, at most 100 events each; a delivery the target does not
 * accept (non-2xx, or no answer within 10 seconds) is retried with the same body after an exponential
 * backoff, and when {@link #maxAttempts} attempts failed the webhook is removed, as Asana deletes
 * webhooks that keep failing.
 */
final class WebhookDelivery implements AutoCloseable {
  static final int MAX_EVENTS = 100;
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final OkHttpClient http;
  private final ScheduledExecutorService exec;
  private final Consumer<Webhook> onGivenUp;
  private volatile long firstBackoffMillis = 1_000;
  private volatile long maxBackoffMillis = 60_000;
  private volatile int maxAttempts = 10;
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger delivered = new AtomicInteger();

  WebhookDelivery(Consumer<Webhook> onGivenUp) {
    this.onGivenUp = onGivenUp;
    // Asana waits 10 seconds for a target; targets are on loopback, so connecting is quick or refused.
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(10))
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "asana-sandbox-webhooks-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // Two threads: a target that stalls for its 10 seconds does not hold up every other webhook.
    this.exec = Executors.newScheduledThreadPool(2, threads);
  }

  void backoff(Duration first, Duration max) {
    if (first.isNegative() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 <= first <= max, got " + first + " and " + max);
    }
    firstBackoffMillis = first.toMillis();
    maxBackoffMillis = max.toMillis();
  }

  void maxAttempts(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + n);
    }
    maxAttempts = n;
  }

  int attempts() {
    return attempts.get();
  }

  int delivered() {
    return delivered.get();
  }

  ScheduledExecutorService scheduler() {
    return exec;
  }

  /** The delay before attempt {@code failed + 1}: first, 2 x first, 4 x first... at most max. */
  long delayAfter(int failed) {
    long d = firstBackoffMillis;
    for (int i = 1; i < failed && d < maxBackoffMillis; i++) {
      d *= 2;
    }
    return Math.min(d, maxBackoffMillis);
  }

  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The handshake: null when the target echoed the secret with 200 or 204, else why not. */
  String handshake(String target, String secret) {
    Request request = new Request.Builder().url(target).header("X-Hook-Secret", secret)
        .post(RequestBody.create(new byte[0], null)).build();
    try (Response r = http.newCall(request).execute()) {
      if (r.code() != 200 && r.code() != 204) {
        return "the target answered " + r.code();
      }
      if (!secret.equals(r.header("X-Hook-Secret"))) {
        return "the target did not echo X-Hook-Secret";
      }
      return null;
    } catch (IOException e) {
      return "the target could not be reached: " + e.getMessage();
    }
  }

  /** Queues an event (called in event order, possibly while the model is locked: only queues). */
  void enqueue(Webhook w, Event e) {
    synchronized (w) {
      if (!w.active) {
        return;
      }
      Webhook.Batch last = w.queue.peekLast();
      if (last == null || last.body != null || last.heartbeat || last.events.size() >= MAX_EVENTS) {
        last = new Webhook.Batch(false);
        w.queue.add(last);
      }
      last.events.add(e);
      start(w);
    }
  }

  /** Queues a heartbeat: {@code {"events": []}}. */
  void heartbeat(Webhook w) {
    synchronized (w) {
      if (w.active) {
        w.queue.add(new Webhook.Batch(true));
        start(w);
      }
    }
  }

  /** Stops deliveries to a deleted webhook (one in flight may still arrive, as Asana warns). */
  void stop(Webhook w) {
    synchronized (w) {
      w.active = false;
      w.queue.clear();
    }
  }

  private void start(Webhook w) {
    if (!w.pumping) {
      w.pumping = true;
      schedule(w, 0);
    }
  }

  private void schedule(Webhook w, long delayMillis) {
    try {
      exec.schedule(() -> pump(w), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      w.pumping = false; // closed
    }
  }

  private static byte[] render(Webhook.Batch b) {
    Json j = new Json(256 + b.events.size() * 256);
    j.beginObject().name("events").beginArray();
    for (Event e : b.events) {
      e.write(j, true);
    }
    j.endArray().endObject();
    return j.toBytes();
  }

  private void pump(Webhook w) {
    Webhook.Batch b;
    byte[] body;
    synchronized (w) {
      b = w.queue.peek();
      if (b == null || !w.active) {
        w.pumping = false;
        return;
      }
      if (b.body == null) {
        b.body = render(b);
      }
      body = b.body;
      b.attempts++;
    }
    attempts.incrementAndGet();
    String failure = post(w, body);
    long now = System.currentTimeMillis();
    boolean givenUp = false;
    synchronized (w) {
      if (failure == null) {
        if (w.queue.peek() == b) {
          w.queue.poll();
        }
        delivered.incrementAndGet();
        w.lastSuccessAt = now;
        w.retryCount = 0;
        w.nextAttemptAfter = Times.NONE;
        w.failureDeletionAt = Times.NONE;
        schedule(w, 0);
      } else {
        w.lastFailureAt = now;
        w.lastFailureContent = failure;
        if (b.attempts >= maxAttempts) {
          w.active = false;
          w.queue.clear();
          w.pumping = false;
          givenUp = true;
        } else {
          w.retryCount++;
          long delay = delayAfter(b.attempts);
          long left = 0;
          for (int k = b.attempts; k < maxAttempts; k++) {
            left += delayAfter(k);
          }
          w.nextAttemptAfter = now + delay;
          w.failureDeletionAt = now + left;
          schedule(w, delay);
        }
      }
    }
    if (givenUp) {
      onGivenUp.accept(w);
    }
  }

  /** Null when the target accepted the delivery (2xx), else what went wrong. */
  private String post(Webhook w, byte[] body) {
    Request request = new Request.Builder().url(w.target)
        .header("X-Hook-Signature", sign(w.secret, body))
        .post(RequestBody.create(body, JSON)).build();
    try (Response r = http.newCall(request).execute()) {
      if (r.isSuccessful()) {
        return null;
      }
      ResponseBody rb = r.body();
      String text = "";
      if (rb != null) {
        // The start of the answer is enough to say why; never read a huge one.
        rb.source().request(500);
        okio.Buffer head = rb.source().getBuffer();
        text = head.readUtf8(Math.min(500, head.size()));
      }
      return ("HTTP " + r.code() + " " + text).trim();
    } catch (IOException | RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  @Override
  public void close() {
    exec.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
