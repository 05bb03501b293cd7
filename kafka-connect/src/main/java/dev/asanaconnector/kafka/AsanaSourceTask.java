package dev.asanaconnector.kafka;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.ForbiddenException;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.NotFoundException;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the partitions of the tenants the connector assigned to this task: for each tenant one
 * {@link AsanaClient} (so the token's rate limiter holds), and for each followed project and workspace
 * one reader per stream. On start it reads the stored offsets and resumes each partition from them.
 * Each {@link #poll} takes one step of each reader that is due, and waits (until the next one is due, a
 * second at most) when none is.
 */
public class AsanaSourceTask extends SourceTask {
  /** Task setting: the tenants this task follows, comma-separated. */
  public static final String TASK_TENANTS = "asana.task.tenants";

  private static final Logger log = LoggerFactory.getLogger(AsanaSourceTask.class);
  private static final Duration MAX_WAIT = Duration.ofSeconds(1);
  /** A poll stops taking further steps once it holds this many records. */
  private static final int MAX_RECORDS_PER_POLL = 2_000;

  private final Clock clock;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final List<StreamReader> readers = new ArrayList<>();
  private Duration retryAfterFailure = Duration.ofSeconds(30);
  private int cursor;

  /** The task Connect instantiates. */
  public AsanaSourceTask() {
    this(Clock.systemUTC());
  }

  AsanaSourceTask(Clock clock) {
    this.clock = clock;
  }

  /** The task setting listing {@code tenant}'s projects as the connector resolved them. */
  public static String resolvedProjectsKey(String tenant) {
    return "asana.task.tenant." + tenant + ".projects.resolved";
  }

  @Override
  public String version() {
    return AsanaSourceConnector.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    AsanaSourceConfig config = AsanaSourceConfig.parse(props);
    retryAfterFailure = config.pollInterval();
    RecordFactory records = new RecordFactory(config.valueFormat());
    String assigned = props.getOrDefault(TASK_TENANTS, "");
    List<StreamReader> created = new ArrayList<>();
    for (String name : assigned.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      AsanaSourceConfig.Tenant tenant = config.tenant(name.trim());
      AsanaClient asana = TenantClients.create(config, tenant);
      List<String> projects = list(props.get(resolvedProjectsKey(tenant.name())), tenant.projects());
      List<Map<String, String>> partitions = new ArrayList<>();
      for (AsanaStream stream : config.streams()) {
        if (stream.scope() == AsanaStream.Scope.PROJECT) {
          projects.forEach(p -> partitions.add(StreamReader.partition(tenant.name(), p, stream)));
        }
      }
      Map<Map<String, String>, Map<String, Object>> stored = storedOffsets(partitions);
      for (AsanaStream stream : config.streams()) {
        if (stream.scope() == AsanaStream.Scope.PROJECT) {
          for (String project : projects) {
            created.add(new ProjectStreamReader(asana, config, tenant.name(), project, stream, records,
                stored.get(StreamReader.partition(tenant.name(), project, stream))));
          }
        } else {
          for (String workspace : tenant.workspaces()) {
            created.add(new WorkspaceStreamReader(asana, config, tenant.name(), workspace, stream, records));
          }
        }
      }
    }
    readers.addAll(created);
    log.info("Asana source task started: tenants [{}], {} partitions", assigned, readers.size());
  }

  private Map<Map<String, String>, Map<String, Object>> storedOffsets(Collection<Map<String, String>> partitions) {
    if (partitions.isEmpty() || context == null || context.offsetStorageReader() == null) {
      return Map.of();
    }
    Map<Map<String, String>, Map<String, Object>> stored = context.offsetStorageReader().offsets(partitions);
    return stored == null ? Map.of() : stored;
  }

  private static List<String> list(String joined, List<String> fallback) {
    if (joined == null) {
      return fallback;
    }
    List<String> items = new ArrayList<>();
    for (String item : joined.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    List<SourceRecord> out = new ArrayList<>();
    int steps = readers.size();
    for (int i = 0; i < steps && out.size() < MAX_RECORDS_PER_POLL && stopping.getCount() > 0; i++) {
      StreamReader reader = readers.get(cursor);
      cursor = (cursor + 1) % readers.size();
      Instant now = clock.instant();
      if (now.isBefore(reader.nextDue())) {
        continue;
      }
      try {
        out.addAll(reader.poll(now));
      } catch (UnauthorizedException | ForbiddenException e) {
        // The tenant's credentials no longer work: nothing this task can ride out.
        throw new ConnectException(reader + ": Asana refused the tenant's credentials (" + e.status() + ")", e);
      } catch (NotFoundException e) {
        log.warn("{}: the resource is gone ({}); dropping it until the connector reconfigures", reader,
            e.getMessage());
        readers.remove(reader);
        cursor = readers.isEmpty() ? 0 : cursor % readers.size();
        steps--;
        i--;
      } catch (NetworkException | ServerErrorException | RateLimitedException e) {
        // Already retried by the client; try this partition again later, the others go on.
        log.warn("{}: {}; trying again in {}", reader, e.getMessage(), retryAfterFailure);
        reader.backOff(now.plus(retryAfterFailure));
      }
    }
    if (out.isEmpty()) {
      waitForNextDue();
      return null;
    }
    return out;
  }

  private void waitForNextDue() throws InterruptedException {
    Instant now = clock.instant();
    Instant due = now.plus(MAX_WAIT);
    for (StreamReader reader : readers) {
      if (reader.nextDue().isBefore(due)) {
        due = reader.nextDue();
      }
    }
    long nanos = Duration.between(now, due).toNanos();
    if (nanos > 0) {
      // Rounded up: waking a fraction of a millisecond early would find nothing due yet.
      long millis = TimeUnit.NANOSECONDS.toMillis(nanos) + 1;
      stopping.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    stopping.countDown();
  }

  /** The readers of this task's partitions (for tests). */
  List<StreamReader> readers() {
    return readers;
  }
}
