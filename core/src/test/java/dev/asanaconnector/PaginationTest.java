package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.generated.model.TaskCompact;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lazy iteration across pages: one page at a time, bounded, never looping. */
class PaginationTest {
  private RecordingServer server;
  private AsanaClient asana;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    asana = server.client();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Serves {@code total} tasks in pages of the requested limit, offsets "o{index}". */
  private MockResponse pages(HttpUrl url, int total) {
    int limit = Integer.parseInt(url.queryParameter("limit"));
    String offset = url.queryParameter("offset");
    int start = offset == null ? 0 : Integer.parseInt(offset.substring(1));
    int end = Math.min(total, start + limit);
    String data = java.util.stream.IntStream.range(start, end)
        .mapToObj(i -> "{\"gid\":\"" + (1000 + i) + "\",\"name\":\"Task " + i + "\"}")
        .collect(Collectors.joining(","));
    String next = end < total ? "{\"offset\":\"o" + end + "\",\"path\":\"/p\",\"uri\":\"http://x/p\"}" : "null";
    return RecordingServer.json(200, "{\"data\":[" + data + "],\"next_page\":" + next + "}");
  }

  @Test
  void pageByPageWithOffsetsPassedBack() {
    server.answer(r -> pages(r.getUrl(), 5));
    Page<TaskCompact> first = asana.projectTasks().list("100", Params.builder().limit(2).build());
    assertEquals(List.of("1000", "1001"), first.data().stream().map(TaskCompact::getGid).toList());
    Page<TaskCompact> second = asana.projectTasks().list("100",
        Params.builder().limit(2).offset(first.nextPage().orElseThrow().offset()).build());
    assertEquals("1002", second.data().get(0).getGid());
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = (Map<String, Object>) asana.execute("project_tasks", "list",
        Map.of("project_gid", "100", "limit", "2", "offset", "o4"));
    assertEquals(null, ((Map<?, ?>) raw.get("meta")).get("next_page"));
  }

  @Test
  void iteratesAllRecordsAcrossPagesLazily() {
    server.answer(r -> pages(r.getUrl(), 7));
    Iterator<TaskCompact> tasks = asana.projectTasks().iterate("100", Params.builder().limit(3).build()).iterator();
    assertEquals(0, server.requests.size(), "nothing fetched before the first record is asked for");
    tasks.next();
    assertEquals(1, server.requests.size());
    List<String> gids = new ArrayList<>(List.of("1000"));
    tasks.forEachRemaining(t -> gids.add(t.getGid()));
    assertEquals(7, gids.size());
    assertEquals(7, gids.stream().distinct().count());
    assertEquals(3, server.requests.size(), "pages of 3, 3 and 1");
    assertEquals("o6", server.last().getUrl().queryParameter("offset"));
  }

  @Test
  void everyLaterPageIsTheFirstRequestWithOnlyTheOffsetChanged() {
    server.answer(r -> pages(r.getUrl(), 7));
    Params params = Params.builder().limit(3).offset("o1").optFields("notes", "due_on")
        .asanaEnable("new_goal_memberships").build();
    List<String> gids = asana.projectTasks().iterate("100", params).stream().map(TaskCompact::getGid).toList();
    assertEquals(List.of("1001", "1002", "1003", "1004", "1005", "1006"), gids);
    assertEquals(2, server.requests.size());
    for (int page = 0; page < 2; page++) {
      RecordedRequest request = server.requests.get(page);
      HttpUrl url = request.getUrl();
      assertEquals("/api/1.0/projects/100/tasks", url.encodedPath());
      assertEquals(List.of(page == 0 ? "o1" : "o4"), url.queryParameterValues("offset"), "one offset, the page's");
      assertEquals(List.of("3"), url.queryParameterValues("limit"));
      assertEquals(1, url.queryParameterValues("opt_fields").size(), "sent once, comma-joined: " + url);
      assertTrue(url.encodedQuery().contains("notes,due_on"), url.encodedQuery());
      assertEquals("new_goal_memberships", request.getHeaders().get("Asana-Enable"));
      assertEquals("Bearer test-token-123", request.getHeaders().get("Authorization"));
    }
  }

  @Test
  void pageSizeAndItemLimitAreSeparate() {
    server.answer(r -> pages(r.getUrl(), 1000));
    List<TaskCompact> tasks = asana.projectTasks()
        .iterate("100", Params.builder().limit(100).maxItems(150).build()).stream().toList();
    assertEquals(150, tasks.size());
    assertEquals(2, server.requests.size());
    assertEquals("100", server.requests.get(0).getUrl().queryParameter("limit"));
  }

  @Test
  void iterationsAskForPagesOf100UnlessLimitIsSetButSingleCallsSendOnlyWhatTheCallerSet() {
    server.answer(r -> r.getUrl().queryParameter("limit") == null
        ? RecordingServer.json(200, "{\"data\":[],\"next_page\":null}") : pages(r.getUrl(), 250));
    assertEquals(250, asana.projectTasks().iterate("100", Params.none()).stream().count());
    assertEquals(List.of("100", "100", "100"), server.all().stream()
        .map(r -> r.getUrl().queryParameter("limit")).toList());
    assertEquals(250, asana.tasks().iterate(Params.builder().project("100").build()).stream().count());
    assertEquals("100", server.last().getUrl().queryParameter("limit"));
    assertEquals(250, asana.workspaceUsers().iterate("5", Params.none()).stream().count());
    assertEquals("100", server.last().getUrl().queryParameter("limit"), "also where the spec lacks limit");
    assertEquals(250, asana.projectTasks().iterate("100", Params.builder().limit(50).build()).stream().count());
    assertEquals("50", server.last().getUrl().queryParameter("limit"));

    asana.projectTasks().list("100");
    assertEquals(null, server.last().getUrl().queryParameter("limit"));
    asana.execute("project_tasks", "list", Map.of("project_gid", "100"));
    assertEquals(null, server.last().getUrl().queryParameter("limit"));
  }

  @Test
  void absentSettingsAndTheLastPagesPointerAreEmptyNotNull() {
    server.answer(r -> pages(r.getUrl(), 3));
    Page<TaskCompact> last = asana.projectTasks().list("100", Params.builder().limit(5).build());
    assertTrue(last.nextPage().isEmpty());
    assertFalse(last.hasNext());
    assertTrue(Params.none().maxItems().isEmpty());
    assertTrue(Params.none().callOptions().isEmpty());
    Params set = Params.builder().maxItems(7)
        .callOptions(dev.asanaconnector.http.CallOptions.builder().readTimeout(java.time.Duration.ofSeconds(1)).build())
        .build();
    assertEquals(7, set.maxItems().getAsInt());
    assertTrue(set.callOptions().isPresent());
  }

  @Test
  void iterateChecksItsParametersBeforeAnyRequest() {
    assertEquals("limit", assertThrows(InvalidParameterException.class,
        () -> asana.projectTasks().iterate("100", Params.builder().limit(500).build())).parameter());
    assertEquals("project", assertThrows(InvalidParameterException.class,
        () -> asana.tasks().iterate(Params.none())).parameter());
    assertEquals(0, server.requests.size());
  }

  @Test
  void aRepeatedOffsetStopsTheIterationInsteadOfLooping() {
    server.answer(r -> RecordingServer.json(200,
        "{\"data\":[{\"gid\":\"1\"}],\"next_page\":{\"offset\":\"same\",\"path\":\"/p\",\"uri\":\"http://x/p\"}}"));
    Iterator<TaskCompact> tasks = asana.projectTasks().iterate("100", Params.none()).iterator();
    tasks.next();
    tasks.next();
    assertThrows(InvalidResponseException.class, tasks::next);
    assertEquals(2, server.requests.size());
  }

  @Test
  void failuresSurfaceAsConnectorExceptionsAfterDeliveredRecords() {
    server.answer(r -> r.getUrl().queryParameter("offset") == null ? pages(r.getUrl(), 10)
        : RecordingServer.json(400, "{\"errors\":[{\"message\":\"offset: Your pagination token has expired.\"}]}"));
    List<String> delivered = new ArrayList<>();
    Iterator<TaskCompact> tasks = asana.projectTasks().iterate("100", Params.builder().limit(4).build()).iterator();
    OffsetExpiredException e = assertThrows(OffsetExpiredException.class, () -> {
      while (tasks.hasNext()) {
        delivered.add(tasks.next().getGid());
      }
    });
    assertEquals(List.of("1000", "1001", "1002", "1003"), delivered);
    assertEquals(400, e.status());
  }
}
