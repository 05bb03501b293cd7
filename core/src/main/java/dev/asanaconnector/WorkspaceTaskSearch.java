package dev.asanaconnector;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.CallOptions;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Set;

/** Workspace task search (premium): {@code GET /workspaces/{workspace_gid}/tasks/search}. */
public final class WorkspaceTaskSearch {
  private static final int SEARCH_PAGE = 100;

  private final Dispatcher dispatcher;
  private final Moshi moshi;

  WorkspaceTaskSearch(Dispatcher dispatcher, Moshi moshi) {
    this.dispatcher = dispatcher;
    this.moshi = moshi;
  }

  /**
   * One call: at most 100 matching tasks ({@code limit} in {@code params}), ordered as the search asks.
   * A non-premium workspace answers with {@link PremiumRequiredException}.
   */
  public Page<TaskCompact> list(String workspaceGid, TaskSearch filters, Params params) {
    return dispatcher.listPage(search(), merged(workspaceGid, filters, params), TaskCompact.class,
        params.callOptionsOrNull());
  }

  /**
   * Every matching task, past Asana's 100-results-per-call cap. Asana's search has no offsets, so this
   * follows Asana's documented technique: it sorts by {@code created_at} ascending (any sort set on
   * {@code filters} is replaced), and after each call asks again for tasks created at or after the
   * last one's {@code created_at}, dropping by gid the ones already returned at that boundary. No task
   * is returned twice and none is skipped, ties on {@code created_at} included; only more than 100
   * tasks sharing one {@code created_at} millisecond cannot be paged and raise
   * {@link InvalidResponseException}. {@code maxItems} in {@code params} caps the total. Lazy like the
   * other iterations: a call is made only when the results before it are consumed, also through
   * {@link PagedIterable#stream()}. Parameters are checked now, before any request.
   */
  public PagedIterable<TaskCompact> iterate(String workspaceGid, TaskSearch filters, Params params) {
    Map<String, Object> base = merged(workspaceGid, filters, params);
    Dispatcher.validate(search(), base);
    return PagedIterable.of(() -> new SearchIterator(base, params.maxItems(), params.callOptionsOrNull()));
  }

  private static Map<String, Object> merged(String workspaceGid, TaskSearch filters, Params params) {
    return Params.with(Params.builder().putAll(filters.toParams()).putAll(params.toMap()).build(),
        "workspace_gid", workspaceGid);
  }

  private final class SearchIterator implements Iterator<TaskCompact> {
    // Made per iteration, not with the client: a client that never searches does not pay for it.
    private final JsonAdapter<TaskCompact> taskAdapter = moshi.adapter(TaskCompact.class);
    private final Map<String, Object> base;
    private final OptionalInt maxItems;
    private final CallOptions callOptions;
    private final OffsetDateTime callerAfter;
    private final Deque<TaskCompact> buffered = new ArrayDeque<>();
    private final Set<String> atBoundary = new HashSet<>();
    private OffsetDateTime boundary;
    private boolean exhausted;
    private long delivered;

    SearchIterator(Map<String, Object> base, OptionalInt maxItems, CallOptions callOptions) {
      this.base = base;
      this.maxItems = maxItems;
      this.callOptions = callOptions;
      Object after = base.get("created_at.after");
      this.callerAfter = after == null ? null : (OffsetDateTime) ParamType.DATE_TIME.normalize("created_at.after",
          after);
    }

    @Override
    public boolean hasNext() {
      if (maxItems.isPresent() && delivered >= maxItems.getAsInt()) {
        return false;
      }
      while (buffered.isEmpty() && !exhausted) {
        fetch();
      }
      return !buffered.isEmpty();
    }

    @Override
    public TaskCompact next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more tasks");
      }
      delivered++;
      return buffered.removeFirst();
    }

    private void fetch() {
      Params.Builder call = Params.builder().putAll(base)
          .param("sort_by", "created_at").param("sort_ascending", true).limit(SEARCH_PAGE)
          .optFields(withCreatedAt(base.get("opt_fields")));
      if (boundary != null) {
        // Asana's created_at.after is exclusive: step back a millisecond to see the boundary's ties again.
        OffsetDateTime after = boundary.minusNanos(1_000_000);
        call.param("created_at.after", callerAfter != null && callerAfter.isAfter(after) ? callerAfter : after);
      }
      Map<String, Object> page = dispatcher.listUntyped(search(), call.build().toMap(), callOptions);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> records = (List<Map<String, Object>>) page.get("data");
      int fresh = 0;
      OffsetDateTime last = null;
      for (Map<String, Object> record : records) {
        Object gid = record.get("gid");
        Object createdAt = record.get("created_at");
        if (gid == null || createdAt == null) {
          throw new InvalidResponseException("A search result lacks gid or created_at, so search cannot page",
              200, String.valueOf(record), null);
        }
        last = OffsetDateTime.parse(createdAt.toString());
        if (atBoundary.contains(gid.toString())) {
          continue;
        }
        fresh++;
        buffered.addLast(taskAdapter.fromJsonValue(record));
      }
      if (records.size() < SEARCH_PAGE) {
        exhausted = true;
        return;
      }
      if (fresh == 0) {
        throw new InvalidResponseException("More than " + SEARCH_PAGE + " tasks share created_at " + boundary
            + "; Asana's search cannot page past them", 200, "", null);
      }
      if (!last.equals(boundary)) {
        atBoundary.clear();
      }
      boundary = last;
      for (Map<String, Object> record : records) {
        OffsetDateTime created = OffsetDateTime.parse(record.get("created_at").toString());
        if (!created.isBefore(boundary.minusNanos(1_000_000))) {
          atBoundary.add(record.get("gid").toString());
        }
      }
    }

    private String[] withCreatedAt(Object requested) {
      java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
      fields.add("created_at");
      if (requested instanceof List<?> list) {
        list.forEach(f -> fields.add(f.toString()));
      } else if (requested != null) {
        fields.addAll(List.of(requested.toString().split(",")));
      }
      return fields.toArray(new String[0]);
    }
  }

  /** The search action, from the catalog, which builds it on first use. */
  private static ActionSpec search() {
    return Catalog.find("workspace_task_search", "list");
  }
}
