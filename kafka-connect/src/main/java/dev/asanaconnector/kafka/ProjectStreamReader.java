package dev.asanaconnector.kafka;

import com.squareup.moshi.JsonAdapter;
import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.AsanaEvent;
import dev.asanaconnector.EventBatch;
import dev.asanaconnector.NotFoundException;
import dev.asanaconnector.OffsetExpiredException;
import dev.asanaconnector.SyncTokenExpiredException;
import dev.asanaconnector.Watermark;
import dev.asanaconnector.WatermarkCrawl;
import dev.asanaconnector.generated.api.StoriesApi;
import dev.asanaconnector.generated.model.GetStory200Response;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.support.AsanaJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project-scoped stream (tasks, sections or stories of one project) followed through the project's
 * events. A first run takes the sync token first ("start from now"), then lists the project in full
 * (the snapshot, a page per step, resumable from the page offset), then follows events from that token,
 * so nothing that changes during the snapshot is missed. Each event batch becomes one record per
 * resource it touched, read again for its current state (a tombstone when deleted). An expired sync
 * token re-crawls the project from the watermark (tasks: {@link WatermarkCrawl}'s {@code
 * modified_since} crawl; sections and stories: a full listing), then follows events from the fresh token.
 *
 * <p>Offsets: {@code {phase: snapshot|events, sync, watermark, page}}. Every record of a step but the
 * last carries the offset the step started from and the last one carries the offset after the step, so
 * a restart repeats at most the records of the step whose end was not committed.
 */
final class ProjectStreamReader implements StreamReader {
  static final String PHASE = "phase";
  static final String SYNC = "sync";
  static final String WATERMARK = "watermark";
  static final String PAGE = "page";
  static final String SNAPSHOT = "snapshot";
  static final String EVENTS = "events";

  private static final Logger log = LoggerFactory.getLogger(ProjectStreamReader.class);
  private static final JsonAdapter<TaskResponse> TASK = AsanaJson.moshi().adapter(TaskResponse.class);
  private static final JsonAdapter<GetStory200Response> STORY = AsanaJson.moshi().adapter(GetStory200Response.class);

  private final AsanaClient asana;
  private final String tenant;
  private final String project;
  private final AsanaStream stream;
  private final String topic;
  private final RecordFactory records;
  private final Duration pollInterval;
  private final Duration overlap;
  private final Map<String, String> partition;

  private String phase;
  private String sync;
  private Instant watermark;
  private String page;
  private Instant nextDue = Instant.EPOCH;

  ProjectStreamReader(AsanaClient asana, AsanaSourceConfig config, String tenant, String project, AsanaStream stream,
      RecordFactory records, Map<String, Object> storedOffset) {
    this.asana = asana;
    this.tenant = tenant;
    this.project = project;
    this.stream = stream;
    this.topic = config.topic(tenant, stream);
    this.records = records;
    this.pollInterval = config.pollInterval();
    this.overlap = config.watermarkOverlap();
    this.partition = StreamReader.partition(tenant, project, stream);
    if (storedOffset != null && storedOffset.get(SYNC) instanceof String storedSync) {
      this.phase = SNAPSHOT.equals(storedOffset.get(PHASE)) ? SNAPSHOT : EVENTS;
      this.sync = storedSync;
      this.watermark = storedOffset.get(WATERMARK) instanceof String w ? Instant.parse(w) : null;
      this.page = storedOffset.get(PAGE) instanceof String p ? p : null;
    }
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

  /** Where the stream stands: {@code snapshot}, {@code events}, or null before the first step. */
  String phase() {
    return phase;
  }

  @Override
  public List<SourceRecord> poll(Instant now) {
    if (now.isBefore(nextDue)) {
      return List.of();
    }
    if (phase == null) {
      // The token first: whatever changes while the snapshot is read comes again as events.
      sync = asana.events().start(project);
      watermark = now;
      phase = SNAPSHOT;
      page = null;
    }
    return SNAPSHOT.equals(phase) ? snapshotPage(now) : followEvents(now);
  }

  private List<SourceRecord> snapshotPage(Instant now) {
    Map<String, Object> answer;
    try {
      answer = listPage(page);
    } catch (OffsetExpiredException e) {
      log.warn("Tenant {}: the snapshot of {} of project {} resumed from an expired page offset; reading it again "
          + "from the start", tenant, stream.configName(), project);
      page = null;
      return List.of();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : data(answer)) {
      if (stream == AsanaStream.STORIES) {
        rows.addAll(storiesOf((String) row.get("gid")));
      } else {
        rows.add(row);
      }
    }
    String next = nextOffset(answer);
    Map<String, Object> here = offset(SNAPSHOT, sync, watermark, page);
    Map<String, Object> after = next == null ? offset(EVENTS, sync, watermark, null)
        : offset(SNAPSHOT, sync, watermark, next);
    List<SourceRecord> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      out.add(records.create(partition, i == rows.size() - 1 ? after : here, topic, tenant, (String) row.get("gid"),
          stream.resourceType(), row, "snapshot", now));
    }
    page = next;
    if (next == null) {
      phase = EVENTS;
      nextDue = now;
    }
    return out;
  }

  private List<SourceRecord> followEvents(Instant now) {
    EventBatch batch;
    try {
      batch = asana.events().fetch(project, sync);
    } catch (SyncTokenExpiredException e) {
      return recrawl(now, e.freshSyncToken());
    }
    // One record per resource touched, read once for its state after the batch.
    Map<String, AsanaEvent> latest = new LinkedHashMap<>();
    for (AsanaEvent event : batch.events()) {
      if (event.resource() != null && stream.resourceType().equals(event.resource().resourceType())
          && event.resource().gid() != null) {
        latest.remove(event.resource().gid());
        latest.put(event.resource().gid(), event);
      }
    }
    // While Asana holds more events, this batch does not cover everything up to now.
    Instant nextWatermark = batch.hasMore() ? watermark : now;
    Map<String, Object> before = offset(EVENTS, sync, watermark, null);
    Map<String, Object> after = offset(EVENTS, batch.syncToken(), nextWatermark, null);
    List<SourceRecord> out = new ArrayList<>(latest.size());
    int i = 0;
    for (AsanaEvent event : latest.values()) {
      String gid = event.resource().gid();
      Map<String, Object> current = "deleted".equals(event.action()) ? null : read(gid);
      Instant eventTime = event.createdAt() == null ? now : event.createdAt().toInstant();
      out.add(records.create(partition, ++i == latest.size() ? after : before, topic, tenant, gid,
          stream.resourceType(), current, current == null ? "deleted" : event.action(), eventTime));
    }
    sync = batch.syncToken();
    watermark = nextWatermark;
    nextDue = batch.hasMore() ? now : now.plus(pollInterval);
    return out;
  }

  private List<SourceRecord> recrawl(Instant now, String freshSync) {
    log.warn("Tenant {}: the sync token of project {} expired (events were lost); re-crawling its {} from {}",
        tenant, project, stream.configName(), watermark);
    List<Map<String, Object>> rows = new ArrayList<>();
    Instant nextWatermark = now;
    if (stream == AsanaStream.TASKS) {
      WatermarkCrawl crawl = WatermarkCrawl.builder(asana).project(project).overlap(overlap)
          .optFields(stream.fields().toArray(String[]::new)).build();
      Watermark from = watermark == null ? Watermark.initial() : Watermark.at(watermark);
      WatermarkCrawl.Result result = crawl.crawl(from, task -> rows.add(asMap(TASK.toJsonValue(task))));
      nextWatermark = result.next().time().orElse(now);
    } else {
      String next = null;
      do {
        Map<String, Object> answer = listPage(next);
        for (Map<String, Object> row : data(answer)) {
          if (stream == AsanaStream.STORIES) {
            rows.addAll(storiesOf((String) row.get("gid")));
          } else {
            rows.add(row);
          }
        }
        next = nextOffset(answer);
      } while (next != null);
    }
    Map<String, Object> before = offset(EVENTS, sync, watermark, null);
    Map<String, Object> after = offset(EVENTS, freshSync, nextWatermark, null);
    List<SourceRecord> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      out.add(records.create(partition, i == rows.size() - 1 ? after : before, topic, tenant, (String) row.get("gid"),
          stream.resourceType(), row, "crawl", now));
    }
    sync = freshSync;
    watermark = nextWatermark;
    nextDue = now.plus(pollInterval);
    return out;
  }

  /** One page of the stream's listing (for stories: of the project's tasks). */
  private Map<String, Object> listPage(String offset) {
    Map<String, Object> params = new LinkedHashMap<>();
    String entity;
    switch (stream) {
      case TASKS -> {
        entity = "tasks";
        params.put("project", project);
        params.put("opt_fields", stream.fields());
      }
      case SECTIONS -> {
        entity = "project_sections";
        params.put("project_gid", project);
        params.put("opt_fields", stream.fields());
      }
      case STORIES -> {
        entity = "tasks";
        params.put("project", project);
      }
      default -> throw new IllegalStateException(stream + " is not project-scoped");
    }
    params.put("limit", 100);
    if (offset != null) {
      params.put("offset", offset);
    }
    return asMap(asana.execute(entity, "list", params));
  }

  private List<Map<String, Object>> storiesOf(String taskGid) {
    List<Map<String, Object>> stories = new ArrayList<>();
    Map<String, Object> params = Map.of("task_gid", taskGid, "limit", 100, "opt_fields", stream.fields());
    for (Map<String, Object> page : asana.executePages("task_stories", "list", params)) {
      stories.addAll(data(page));
    }
    return stories;
  }

  /** The resource's current record, or null when it no longer exists. */
  private Map<String, Object> read(String gid) {
    try {
      return switch (stream) {
        case TASKS -> asMap(asana.execute("tasks", "get", Map.of("task_gid", gid, "opt_fields", stream.fields())));
        case SECTIONS -> asMap(asana.execute("sections", "get", Map.of("section_gid", gid)));
        case STORIES -> asMap(asMap(STORY.toJsonValue(asana.call(asana.api(StoriesApi.class)
            .getStory(gid, null, stream.fields())))).get("data"));
        default -> throw new IllegalStateException(stream + " is not project-scoped");
      };
    } catch (NotFoundException e) {
      return null;
    }
  }

  static Map<String, Object> offset(String phase, String sync, Instant watermark, String page) {
    Map<String, Object> offset = new LinkedHashMap<>();
    offset.put(PHASE, phase);
    offset.put(SYNC, sync);
    if (watermark != null) {
      offset.put(WATERMARK, watermark.toString());
    }
    if (page != null) {
      offset.put(PAGE, page);
    }
    return offset;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object json) {
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> data(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("data");
  }

  static String nextOffset(Map<String, Object> answer) {
    if (answer.get("meta") instanceof Map<?, ?> meta && meta.get("next_page") instanceof Map<?, ?> next
        && next.get("offset") instanceof String offset) {
      return offset;
    }
    return null;
  }

  @Override
  public String toString() {
    return "ProjectStreamReader[" + tenant + " " + stream.configName() + " of project " + project + ", " + phase + "]";
  }
}
