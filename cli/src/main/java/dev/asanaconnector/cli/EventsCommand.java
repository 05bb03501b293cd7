package dev.asanaconnector.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaEvent;
import dev.asanaconnector.EventBatch;
import dev.asanaconnector.EventPoller;
import dev.asanaconnector.InvalidParameterException;
import dev.asanaconnector.SyncTokenExpiredException;
import dev.asanaconnector.generated.support.AsanaJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okio.Buffer;

/**
 * {@code scripts/asana events list|follow --resource GID [--sync TOKEN]}: Asana's event stream.
 *
 * <ul>
 *   <li>{@code list} prints {@code {"data": [events], "meta": {"sync": "...", "has_more": false}}}: one
 *       call (up to 100 events), or with {@code --all} every event, following {@code has_more}. Without
 *       {@code --sync} it prints no events and the token to start from.
 *   <li>{@code follow} polls every {@code --interval} seconds (default 5) and prints one event per line
 *       (JSON Lines) until interrupted; then the latest token goes to stderr, to resume with
 *       {@code --sync}.
 * </ul>
 * An expired token exits 1 with a message naming the fresh token to continue from (after a full
 * re-read, since events were lost).
 */
final class EventsCommand {
  private static final JsonAdapter<Object> JSON = AsanaJson.moshi().adapter(Object.class).serializeNulls();
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private static final String HELP = "usage: scripts/asana [--token T] [--base-url URL] [--sandbox] [--all] "
      + "events list --resource GID [--sync TOKEN]\n"
      + "       scripts/asana [--token T] [--base-url URL] [--sandbox] events follow --resource GID "
      + "[--sync TOKEN] [--interval SECONDS]\n\n"
      + "events list: the events on a resource (project, task, portfolio...) since the sync token, as\n"
      + "  {\"data\": [events], \"meta\": {\"sync\": \"...\", \"has_more\": false}}; --all follows has_more.\n"
      + "  Without --sync: no events and the token to start from.\n"
      + "events follow: polls every --interval seconds (default 5) and prints one event per line until\n"
      + "  interrupted; the latest sync token goes to stderr on exit.\n"
      + "An expired token exits 1 naming the fresh token: events were lost, read the resource in full first.\n";

  private final OutputStream out;
  private final PrintStream err;
  private final boolean all;

  EventsCommand(OutputStream out, PrintStream err, boolean all) {
    this.out = out;
    this.err = err;
    this.all = all;
  }

  static boolean handles(Invocation invocation) {
    return "events".equals(invocation.entity);
  }

  static int help(OutputStream out) throws IOException {
    out.write(HELP.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return AsanaCli.OK;
  }

  /** Runs {@code events ACTION}; {@code jsonl} and {@code output}: whether those options were given. */
  int run(AsanaClient asana, Invocation invocation, boolean jsonl, boolean output) throws IOException {
    if (jsonl || output) {
      throw new InvalidParameterException(jsonl ? "jsonl" : "output", "is not available for events (list prints "
          + "one document, follow prints JSON lines to stdout)");
    }
    String action = invocation.action;
    if ("list".equals(action)) {
      check(invocation.params, Set.of("resource", "sync"));
      return list(asana, param(invocation, "resource"), param(invocation, "sync"));
    }
    if ("follow".equals(action)) {
      if (all) {
        throw new InvalidParameterException("all", "is for events list; follow prints every event as it comes");
      }
      check(invocation.params, Set.of("resource", "sync", "interval"));
      return follow(asana, param(invocation, "resource"), param(invocation, "sync"), interval(invocation));
    }
    throw new InvalidParameterException("action", "events has the actions list and follow, not '" + action + "'");
  }

  private int list(AsanaClient asana, String resource, String sync) throws IOException {
    EventBatch batch;
    try {
      batch = all ? asana.events().fetch(resource, sync) : asana.events().page(resource, sync);
    } catch (SyncTokenExpiredException e) {
      return expired(e);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("sync", batch.syncToken());
    meta.put("has_more", batch.hasMore());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", batch.events().stream().map(AsanaEvent::raw).toList());
    document.put("meta", meta);
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setSerializeNulls(true);
    writer.setIndent("  ");
    JSON.toJson(writer, document);
    buffer.writeUtf8("\n");
    buffer.writeTo(out);
    out.flush();
    return AsanaCli.OK;
  }

  private int follow(AsanaClient asana, String resource, String sync, Duration interval) {
    EventPoller poller = asana.events().poll(resource, sync, interval, this::print);
    Thread main = Thread.currentThread();
    CountDownLatch reported = new CountDownLatch(1);
    // Ctrl-C: stop the poll from this thread, which then reports the token, before the JVM exits.
    Thread onExit = new Thread(() -> {
      main.interrupt();
      try {
        reported.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "asana-events-follow-exit");
    Runtime.getRuntime().addShutdownHook(onExit);
    try {
      while (!poller.awaitTermination(Duration.ofMinutes(1))) {
        // polling until interrupted or failed
      }
    } catch (InterruptedException stop) {
      // asked to stop: the normal end of follow
    } finally {
      poller.close();
      err.println("asana: latest sync token: " + poller.lastSyncToken());
      err.flush();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException exiting) {
        // the JVM is already shutting down: the hook is running and has been answered
      }
    }
    Exception failure = poller.failure().orElse(null);
    if (failure instanceof SyncTokenExpiredException e) {
      return expired(e);
    }
    if (failure != null) {
      err.println("asana: " + AsanaCli.oneLine(failure instanceof UncheckedIOException io
          ? "writing stdout failed: " + io.getCause().getMessage() : failure.getMessage()));
      return AsanaCli.FAILURE;
    }
    return AsanaCli.OK;
  }

  private void print(EventBatch batch) {
    Buffer lines = new Buffer();
    for (AsanaEvent event : batch.events()) {
      lines.writeUtf8(JSON.toJson(event.raw())).writeUtf8("\n");
    }
    try {
      lines.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // ends the poll: nowhere to print to
    }
  }

  private int expired(SyncTokenExpiredException e) {
    err.println("asana: HTTP 412: the sync token expired, so events were lost: read the resource again in full, "
        + "then continue with --sync " + e.freshSyncToken());
    return AsanaCli.FAILURE;
  }

  private static void check(Map<String, Object> params, Set<String> known) {
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidParameterException(name, "is not a parameter of events; it takes: "
            + String.join(", ", known.stream().sorted().toList()));
      }
    }
    if (!params.containsKey("resource")) {
      throw new InvalidParameterException("resource", "is required: the gid of the project, task... to follow");
    }
  }

  private static String param(Invocation invocation, String name) {
    Object value = invocation.params.get(name);
    return value == null ? null : value.toString();
  }

  private static Duration interval(Invocation invocation) {
    String text = param(invocation, "interval");
    if (text == null) {
      return DEFAULT_INTERVAL;
    }
    try {
      double seconds = Double.parseDouble(text);
      if (seconds > 0 && seconds <= 86_400) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidParameterException("interval", "must be a number of seconds above 0 (such as 5 or 0.5), was '"
        + text + "'");
  }
}
