package dev.asanaconnector;

import com.squareup.moshi.JsonAdapter;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.support.AsanaJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Repeated {@code modified_since} crawls of a set of tasks that return each change once and miss none.
 *
 * <pre>{@code
 * WatermarkCrawl crawl = WatermarkCrawl.builder(asana).project(projectGid).build();
 * WatermarkCrawl.Result result = crawl.crawl(Watermark.decode(stored), task -> index(task));
 * stored = result.next().encode();   // once the tasks were processed
 * }</pre>
 *
 * <p>How: each crawl lists {@code GET /tasks} of its scope (a project, a section, or an assignee in a
 * workspace; a project's tasks are those {@code project_tasks} lists, read here through
 * {@code GET /tasks?project=}, the endpoint that takes {@code modified_since}) with {@code
 * modified_since} set an {@link Builder#overlap overlap} before the watermark, so that clock skew
 * (between this machine and Asana, and among Asana's servers) and edits in the same second as the
 * watermark cannot slip past it. Records re-read in that overlap that were already returned, by gid and
 * {@code modified_at}, are dropped; a later edit of the same task has a new {@code modified_at} and is
 * returned. The next watermark is the time the crawl started (by this machine's clock): an edit made
 * while the pages were being read may sit on a page already read, so the next crawl must read again
 * from there. The overlap must therefore exceed the clock skew between this machine and Asana.
 *
 * <p>Deleted tasks and tasks moved out of the scope are not listed, so a crawl cannot return them: follow
 * {@link Events} for those. Requests take the client's pipeline (retries, rate limits, error mapping).
 */
public final class WatermarkCrawl {
  /** The default overlap: well above the clock skew of NTP-synchronized machines. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofSeconds(30);

  private static final JsonAdapter<TaskResponse> TASKS = AsanaJson.moshi().adapter(TaskResponse.class);

  private final AsanaClient asana;
  private final Map<String, Object> scope;
  private final Duration overlap;
  private final List<String> optFields;
  private final Clock clock;

  private WatermarkCrawl(Builder builder) {
    this.asana = builder.asana;
    this.scope = Map.copyOf(builder.scope);
    this.overlap = builder.overlap;
    this.optFields = List.copyOf(builder.optFields);
    this.clock = builder.clock;
  }

  /** A crawl over {@code asana}: set its scope, and optionally the overlap, fields and clock. */
  public static Builder builder(AsanaClient asana) {
    return new Builder(Objects.requireNonNull(asana, "asana"));
  }

  /**
   * What one crawl did.
   *
   * @param next the watermark to persist once the returned tasks were processed, and to crawl from next
   * @param returned tasks handed to the consumer: changes since {@code since}
   * @param dropped tasks re-read in the overlap and dropped, as returned before
   * @param read tasks Asana listed
   */
  public record Result(Watermark next, long returned, long dropped, long read) {
  }

  /**
   * Lists the tasks changed since {@code since} and hands each to {@code onChange} once (from
   * {@link Watermark#initial()}: every task of the scope). An exception from {@code onChange} or from
   * Asana ends the crawl without a new watermark, so crawling again from {@code since} repeats it.
   */
  public Result crawl(Watermark since, Consumer<? super TaskResponse> onChange) {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(onChange, "onChange");
    Instant started = clock.instant();
    // The next crawl re-reads everything modified after this; remember what was returned from here on.
    Instant horizon = started.minus(overlap);
    Map<String, Object> params = new LinkedHashMap<>(scope);
    params.put("limit", Events.PAGE_SIZE);
    params.put("opt_fields", optFields);
    since.time().ifPresent(time -> params.put("modified_since",
        OffsetDateTime.ofInstant(time.minus(overlap), ZoneOffset.UTC)));
    Set<String> remembered = new TreeSet<>();
    for (String key : since.keys()) {
      if (Watermark.instantOf(key).isAfter(horizon)) {
        remembered.add(key);
      }
    }
    long returned = 0;
    long dropped = 0;
    long read = 0;
    for (Map<String, Object> page : asana.executePages("tasks", "list", params)) {
      for (Object record : (List<?>) page.get("data")) {
        read++;
        Map<?, ?> task = (Map<?, ?>) record;
        String gid = String.valueOf(task.get("gid"));
        Instant modifiedAt = modifiedAt(task);
        String key = modifiedAt == null ? null : Watermark.key(gid, modifiedAt);
        if (key != null && (since.alreadyReturned(key) || remembered.contains(key))) {
          dropped++;
          continue;
        }
        onChange.accept(toTask(task));
        returned++;
        if (key != null && modifiedAt.isAfter(horizon)) {
          remembered.add(key);
        }
      }
    }
    return new Result(new Watermark(started, remembered), returned, dropped, read);
  }

  private static Instant modifiedAt(Map<?, ?> task) {
    if (task.get("modified_at") instanceof String text) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        return null; // handed over, never dropped: a duplicate is better than a loss
      }
    }
    return null;
  }

  private static TaskResponse toTask(Map<?, ?> task) {
    try {
      return TASKS.fromJsonValue(task);
    } catch (RuntimeException e) {
      throw new InvalidResponseException("Asana listed a task that is not a task record: " + e.getMessage(), 200,
          "", e);
    }
  }

  @Override
  public String toString() {
    return "WatermarkCrawl[" + scope + ", overlap " + overlap + "]";
  }

  /** Configures a {@link WatermarkCrawl}; exactly one scope must be set. */
  public static final class Builder {
    private final AsanaClient asana;
    private final Map<String, Object> scope = new LinkedHashMap<>();
    private Duration overlap = DEFAULT_OVERLAP;
    private final List<String> optFields = new ArrayList<>(List.of("modified_at"));
    private Clock clock = Clock.systemUTC();

    private Builder(AsanaClient asana) {
      this.asana = asana;
    }

    /** The tasks of a project (as {@code project_tasks} lists them). */
    public Builder project(String projectGid) {
      return scope("project", projectGid);
    }

    /** The tasks of a section. */
    public Builder section(String sectionGid) {
      return scope("section", sectionGid);
    }

    /** The tasks assigned to a user ({@code me} or a gid) in a workspace. */
    public Builder assignee(String assignee, String workspaceGid) {
      return scope("assignee", assignee, "workspace", workspaceGid);
    }

    private Builder scope(String... namesAndValues) {
      if (!scope.isEmpty()) {
        throw new InvalidParameterException(namesAndValues[0], "a crawl has one scope; it already has "
            + scope.keySet());
      }
      for (int i = 0; i < namesAndValues.length; i += 2) {
        if (namesAndValues[i + 1] == null) {
          throw new InvalidParameterException(namesAndValues[i], "is required for this scope");
        }
        scope.put(namesAndValues[i], namesAndValues[i + 1]);
      }
      return this;
    }

    /**
     * How far before the watermark each crawl reads again (default 30 seconds): more than the clock skew
     * between this machine and Asana, plus a second for edits in the same second.
     */
    public Builder overlap(Duration overlap) {
      if (overlap == null || overlap.isNegative()) {
        throw new InvalidParameterException("overlap", "must be zero or more, was " + overlap);
      }
      this.overlap = overlap;
      return this;
    }

    /** Further task fields to return ({@code modified_at} and the compact fields always are). */
    public Builder optFields(String... fields) {
      for (String field : fields) {
        if (!optFields.contains(field)) {
          optFields.add(field);
        }
      }
      return this;
    }

    /** The clock that dates each crawl's start (default: the system's, in UTC); for tests and simulations. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The crawl; its scope and fields are checked by the first crawl's request.
     *
     * @throws InvalidParameterException when no scope was set
     */
    public WatermarkCrawl build() {
      if (scope.isEmpty()) {
        throw new InvalidParameterException("scope", "set project, section, or assignee and workspace");
      }
      return new WatermarkCrawl(this);
    }
  }
}
