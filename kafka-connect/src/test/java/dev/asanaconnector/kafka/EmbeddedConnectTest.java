package dev.asanaconnector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector on a real engine: Kafka's own {@link EmbeddedConnectCluster} (a distributed Connect
 * worker and a KRaft broker in this JVM) against the sandbox. Figures are measured and printed, never
 * asserted; the waits are generous bounds for "it never came", not speed checks.
 */
class EmbeddedConnectTest {
  static final Duration PATIENCE = Duration.ofMinutes(3);

  static EmbeddedConnectCluster connect;
  static AsanaSandbox sandbox;
  static AsanaClient writer;

  @BeforeAll
  static void start() {
    // 10,000 tasks in each project (a few hundred subtasks on top): project 0 is the big snapshot.
    sandbox = AsanaSandbox.builder().tasksPerProject(10_000).build();
    sandbox.start();
    AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
        .personalAccessToken(sandbox.token());
    builder.http().rateLimits(RateLimits.unlimited());
    writer = builder.build();
    Map<String, String> worker = new HashMap<>();
    worker.put("offset.flush.interval.ms", "500");
    connect = new EmbeddedConnectCluster.Builder().name("asana-connect").numWorkers(1).numBrokers(1)
        .workerProps(worker).build();
    connect.start();
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.stop();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  static Map<String, String> connectorConfig(int maxTasks) {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", AsanaSourceConnector.class.getName());
    props.put("tasks.max", String.valueOf(maxTasks));
    props.put("key.converter", StringConverter.class.getName());
    props.put("value.converter", StringConverter.class.getName());
    props.put("topic.creation.default.replication.factor", "1");
    props.put("topic.creation.default.partitions", "1");
    props.put("asana.base.url", sandbox.baseUrl().toString());
    props.put("asana.streams", "tasks");
    props.put("poll.interval.ms", "200");
    return props;
  }

  static void addTenant(Map<String, String> props, String tenant, String key, String gids) {
    String tenants = props.get("asana.tenants");
    props.put("asana.tenants", tenants == null ? tenant : tenants + "," + tenant);
    props.put("asana.tenant." + tenant + ".token", sandbox.token());
    props.put("asana.tenant." + tenant + "." + key, gids);
    props.put("asana.tenant." + tenant + ".requests.per.minute", "100000");
  }

  /** A record as consumed: key, value, action header and when it was read. */
  record Seen(String key, String value, String action, long readAtNanos) {
  }

  /** Reads {@code topic} from the start until {@code done} holds for what was read (or the patience runs out). */
  static final class Reader implements AutoCloseable {
    final String topic;
    final KafkaConsumer<byte[], byte[]> consumer;
    final List<Seen> seen = new ArrayList<>();
    /** Values by key, so that checking what came stays cheap and does not delay the next poll. */
    final Map<String, List<String>> valuesByKey = new HashMap<>();

    Reader(String topic) {
      this.topic = topic;
      Map<String, Object> props = new HashMap<>();
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime());
      consumer = connect.kafka().createConsumerAndSubscribeTo(props, topic);
    }

    boolean hasValueContaining(String key, String text) {
      return valuesByKey.getOrDefault(key, List.of()).stream().anyMatch(v -> v != null && v.contains(text));
    }

    boolean readUntil(Predicate<List<Seen>> done) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!done.test(seen)) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          Header action = record.headers().lastHeader(RecordFactory.ACTION_HEADER);
          Seen one = new Seen(text(record.key()), text(record.value()),
              action == null ? null : text(action.value()), System.nanoTime());
          seen.add(one);
          valuesByKey.computeIfAbsent(one.key(), k -> new ArrayList<>()).add(one.value());
        }
      }
      return true;
    }

    /**
     * What was read against what the topic holds, for a failure message: a log start offset above 0 means
     * the broker deleted records (retention) before they were read.
     */
    String progress() {
      Set<TopicPartition> assigned = consumer.assignment();
      return topic + ": " + seen.size() + " records read (" + keys(seen).size() + " keys); log start offsets "
          + consumer.beginningOffsets(assigned) + ", end offsets " + consumer.endOffsets(assigned);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  static Set<String> keys(List<Seen> seen) {
    Set<String> keys = new HashSet<>();
    seen.forEach(s -> keys.add(s.key()));
    return keys;
  }

  @Test
  void snapshotsTenThousandTasksStreamsEditsAndLosesNothingAcrossAWorkerRestart() throws Exception {
    String project = sandbox.data().projectGids().get(0);
    List<String> taskGids = sandbox.data().taskGids(project);
    assertTrue(taskGids.size() >= 10_000, "the big project has " + taskGids.size() + " tasks");
    Map<String, String> props = connectorConfig(1);
    addTenant(props, "big", "projects", project);
    String topic = "asana.big.tasks";
    try (Reader reader = new Reader(topic)) {
      long started = System.nanoTime();
      connect.configureConnector("asana-big", props);
      assertTrue(reader.readUntil(seen -> reader.valuesByKey.size() >= taskGids.size()),
          () -> "the snapshot came in full: " + reader.progress());
      double seconds = (System.nanoTime() - started) / 1e9;
      assertEquals(Set.copyOf(taskGids), keys(reader.seen));
      assertTrue(reader.seen.stream().allMatch(s -> "snapshot".equals(s.action()) && s.value().contains("\"gid\"")));
      System.out.printf("snapshot: %,d tasks in %.1f s from connector creation (%,.0f records/s), %d records%n",
          taskGids.size(), seconds, taskGids.size() / seconds, reader.seen.size());

      // 200 edits after the snapshot: 100 while the worker runs, each timed to its record.
      int before = reader.seen.size();
      Map<String, Long> editedAt = new LinkedHashMap<>();
      for (int i = 0; i < 100; i++) {
        String gid = taskGids.get(i * 50);
        writer.execute("tasks", "update", Map.of("task_gid", gid, "name", "edit-a-" + i));
        editedAt.put(gid, System.nanoTime());
        Thread.sleep(20);
      }
      assertTrue(reader.readUntil(seen -> editedAt.entrySet().stream().allMatch(e ->
          reader.hasValueContaining(e.getKey(), "edit-a-"))), "every edit made while running came");
      List<Long> lagsMillis = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, Long> edit : editedAt.entrySet()) {
        String name = "edit-a-" + i++;
        Seen first = reader.seen.stream().skip(before)
            .filter(s -> s.key().equals(edit.getKey()) && s.value().contains(name)).findFirst().orElseThrow();
        lagsMillis.add((first.readAtNanos() - edit.getValue()) / 1_000_000);
      }
      Collections.sort(lagsMillis);
      System.out.printf("edit to record (poll.interval.ms=200): median %d ms, p90 %d ms, max %d ms over %d edits%n",
          lagsMillis.get(lagsMillis.size() / 2), lagsMillis.get(lagsMillis.size() * 9 / 10),
          lagsMillis.get(lagsMillis.size() - 1), lagsMillis.size());

      // 100 more edits, the worker stopped after the 50th and started again while they go on.
      int beforeRestart = reader.seen.size();
      Map<String, String> expectedNames = new LinkedHashMap<>();
      for (int k = 0; k < 100; k++) {
        String gid = taskGids.get(25 + k * 50);
        writer.execute("tasks", "update", Map.of("task_gid", gid, "name", "edit-b-" + k));
        expectedNames.put(gid, "edit-b-" + k);
        if (k == 50) {
          connect.removeWorker();
        }
        if (k == 75) {
          connect.addWorker();
        }
        Thread.sleep(20);
      }
      connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("asana-big", 1, "restarted");
      assertTrue(reader.readUntil(seen -> expectedNames.entrySet().stream().allMatch(e ->
          reader.hasValueContaining(e.getKey(), e.getValue()))), "every edit around the restart came: none lost");
      List<Seen> afterRestart = reader.seen.subList(beforeRestart, reader.seen.size());
      assertTrue(afterRestart.stream().noneMatch(s -> "snapshot".equals(s.action())), "no snapshot again");
      Map<String, Integer> copies = new HashMap<>();
      afterRestart.forEach(s -> copies.merge(s.key() + "|" + s.value(), 1, Integer::sum));
      long repeated = copies.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
      Set<String> unexpected = new HashSet<>(keys(afterRestart));
      unexpected.removeAll(expectedNames.keySet());
      assertEquals(Set.of(), unexpected, "only the edited tasks came after the snapshot");
      System.out.printf("restart mid-stream: %d records for 100 edits, %d repeated%n", afterRestart.size(), repeated);
      assertTrue(repeated <= afterRestart.size() - expectedNames.size(),
          "repeats only beyond one record per edit");
    } finally {
      connect.deleteConnector("asana-big");
    }
  }

  @Test
  void twoTenantsRunInTwoTasksEachWithItsOwnTopic() throws Exception {
    String projectA = sandbox.data().projectGids().get(5);
    String projectB = sandbox.data().projectGids().get(6);
    Map<String, String> props = connectorConfig(2);
    addTenant(props, "alpha", "projects", projectA);
    addTenant(props, "beta", "projects", projectB);
    props.put("value.format", "struct");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("value.converter.schemas.enable", "true");
    try (Reader alpha = new Reader("asana.alpha.tasks"); Reader beta = new Reader("asana.beta.tasks")) {
      connect.configureConnector("asana-two", props);
      connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("asana-two", 2, "two tenants, two tasks");
      List<TaskInfo> tasks = connect.taskConfigs("asana-two");
      Set<String> assigned = new HashSet<>();
      tasks.forEach(t -> assigned.add(t.config().get(AsanaSourceTask.TASK_TENANTS)));
      assertEquals(Set.of("alpha", "beta"), assigned, "one tenant per task");
      int a = sandbox.data().taskGids(projectA).size();
      int b = sandbox.data().taskGids(projectB).size();
      assertTrue(alpha.readUntil(seen -> keys(seen).size() >= a), alpha::progress);
      assertTrue(beta.readUntil(seen -> keys(seen).size() >= b), beta::progress);
      assertEquals(Set.copyOf(sandbox.data().taskGids(projectA)), keys(alpha.seen));
      assertEquals(Set.copyOf(sandbox.data().taskGids(projectB)), keys(beta.seen));
      String value = alpha.seen.get(0).value();
      assertTrue(value.contains("\"name\":\"dev.asanaconnector.kafka.AsanaRecord\""), value);
      assertTrue(value.contains("\"tenant\":\"alpha\""), value);
    } finally {
      connect.deleteConnector("asana-two");
    }
  }

  @Test
  void aNewProjectInAFollowedWorkspaceReconfiguresTheTasks() throws Exception {
    Map<String, String> props = connectorConfig(1);
    String workspace = sandbox.data().workspaceGid();
    addTenant(props, "ws", "workspaces", workspace);
    props.put("asana.streams", "sections,projects");
    props.put("project.discovery.interval.ms", "1000");
    try (Reader sections = new Reader("asana.ws.sections")) {
      connect.configureConnector("asana-ws", props);
      connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("asana-ws", 1, "running");
      @SuppressWarnings("unchecked")
      Map<String, Object> created = (Map<String, Object>) writer.execute("projects", "create", Map.of("workspace",
          workspace, "team", sandbox.data().teamGids().get(0), "name", "Found by discovery"));
      String project = (String) created.get("gid");
      @SuppressWarnings("unchecked")
      Map<String, Object> section = (Map<String, Object>) writer.execute("project_sections", "create",
          Map.of("project_gid", project, "name", "New section"));
      assertTrue(sections.readUntil(seen -> keys(seen).contains((String) section.get("gid"))),
          "the new project's section came, after the tasks were reconfigured");
      String resolved = connect.taskConfigs("asana-ws").get(0).config()
          .get(AsanaSourceTask.resolvedProjectsKey("ws"));
      assertNotNull(resolved);
      assertTrue(resolved.contains(project), resolved);
    } finally {
      connect.deleteConnector("asana-ws");
    }
  }

  @Test
  void aBadConfigurationIsRefusedNamingTheSetting() {
    Map<String, String> props = connectorConfig(1);
    addTenant(props, "bad", "projects", "123");
    props.remove("asana.tenant.bad.token");
    props.put("asana.streams", "tasks,comments");
    props.put("name", "asana-bad");
    ConfigInfos infos = connect.validateConnectorConfig(AsanaSourceConnector.class.getSimpleName(), props);
    Map<String, List<String>> errors = new HashMap<>();
    for (ConfigInfo info : infos.configs()) {
      if (!info.configValue().errors().isEmpty()) {
        errors.put(info.configValue().name(), info.configValue().errors());
      }
    }
    assertEquals(2, infos.errorCount(), errors.toString());
    assertTrue(errors.get("asana.tenant.bad.token").get(0).startsWith("asana.tenant.bad.token: is required"), errors.toString());
    assertTrue(errors.get("asana.streams").get(0).startsWith("asana.streams: unknown stream 'comments'"), errors.toString());
    ConnectRestException refused = assertThrows(ConnectRestException.class,
        () -> connect.configureConnector("asana-bad", props));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.getMessage().contains("asana.tenant.bad.token"), refused.getMessage());
  }
}
