package dev.asanaconnector.kafka;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.AsanaClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A workspace-scoped stream (its projects, tags or users). Asana's events follow tasks, projects and
 * goals, not workspaces, so these are listed again every {@code workspace.refresh.interval.ms}: the
 * first listing of a task's life emits every record, later ones emit the records whose content changed
 * and a tombstone for each record no longer listed. The offset, {@code {listed_at}}, records when the
 * last listing ended; as the fingerprints are held in memory, a restarted task lists and emits all again
 * (duplicates, never losses).
 */
final class WorkspaceStreamReader implements StreamReader {
  static final String LISTED_AT = "listed_at";

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private final AsanaClient asana;
  private final String tenant;
  private final String workspace;
  private final AsanaStream stream;
  private final String topic;
  private final RecordFactory records;
  private final Duration refreshInterval;
  private final Map<String, String> partition;
  private Map<String, String> fingerprints = new HashMap<>();
  private Instant nextDue = Instant.EPOCH;

  WorkspaceStreamReader(AsanaClient asana, AsanaSourceConfig config, String tenant, String workspace,
      AsanaStream stream, RecordFactory records) {
    this.asana = asana;
    this.tenant = tenant;
    this.workspace = workspace;
    this.stream = stream;
    this.topic = config.topic(tenant, stream);
    this.records = records;
    this.refreshInterval = config.workspaceRefreshInterval();
    this.partition = StreamReader.partition(tenant, workspace, stream);
  }

  @Override
  public Map<String, String> partition() {
    return partition;
  }

  @Override
  public Instant nextDue() {
    return nextDue;
  }

  @Override
  public void backOff(Instant until) {
    nextDue = until;
  }

  @Override
  public List<SourceRecord> poll(Instant now) {
    if (now.isBefore(nextDue)) {
      return List.of();
    }
    String entity = switch (stream) {
      case PROJECTS -> "workspace_projects";
      case TAGS -> "workspace_tags";
      case USERS -> "workspace_users";
      default -> throw new IllegalStateException(stream + " is not workspace-scoped");
    };
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("workspace_gid", workspace);
    params.put("limit", 100);
    params.put("opt_fields", stream.fields());
    Map<String, String> listed = new LinkedHashMap<>();
    List<Map<String, Object>> changed = new ArrayList<>();
    for (Map<String, Object> page : asana.executePages(entity, "list", params)) {
      for (Map<String, Object> row : ProjectStreamReader.data(page)) {
        String gid = (String) row.get("gid");
        String fingerprint = fingerprint(row);
        listed.put(gid, fingerprint);
        if (!fingerprint.equals(fingerprints.get(gid))) {
          changed.add(row);
        }
      }
    }
    List<String> gone = new ArrayList<>();
    for (String gid : fingerprints.keySet()) {
      if (!listed.containsKey(gid)) {
        gone.add(gid);
      }
    }
    Map<String, Object> offset = Map.of(LISTED_AT, now.toString());
    List<SourceRecord> out = new ArrayList<>(changed.size() + gone.size());
    for (Map<String, Object> row : changed) {
      out.add(records.create(partition, offset, topic, tenant, (String) row.get("gid"), stream.resourceType(), row,
          "listed", now));
    }
    for (String gid : gone) {
      out.add(records.create(partition, offset, topic, tenant, gid, stream.resourceType(), null, "removed", now));
    }
    fingerprints = listed;
    nextDue = now.plus(refreshInterval);
    return out;
  }

  private static String fingerprint(Map<String, Object> row) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.toJson(row).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "WorkspaceStreamReader[" + tenant + " " + stream.configName() + " of workspace " + workspace + "]";
  }
}
