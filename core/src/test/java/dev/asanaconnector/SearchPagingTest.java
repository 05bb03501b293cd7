package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asanaconnector.generated.model.TaskCompact;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search returns at most 100 per call; the iterator pages past that by created_at, with ties. */
class SearchPagingTest {
  private RecordingServer server;
  private AsanaClient asana;
  private final List<String[]> tasks = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    asana = server.client();
    OffsetDateTime base = OffsetDateTime.parse("2025-01-01T00:00:00.000Z");
    for (int i = 0; i < 350; i++) {
      // Groups of 7 tasks share one created_at millisecond, so page boundaries fall inside ties.
      tasks.add(new String[] {String.valueOf(5000 + i), base.plusNanos((i / 7) * 1_000_000L).toString()});
    }
    server.answer(r -> search(r.getUrl()));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private MockResponse search(HttpUrl url) {
    String after = url.queryParameter("created_at.after");
    int limit = Integer.parseInt(url.queryParameter("limit"));
    List<String[]> matching = tasks.stream()
        .filter(t -> after == null || OffsetDateTime.parse(t[1]).isAfter(OffsetDateTime.parse(after)))
        .sorted(Comparator.comparing((String[] t) -> OffsetDateTime.parse(t[1])).thenComparing(t -> t[0]))
        .limit(limit).toList();
    String data = matching.stream().map(t -> "{\"gid\":\"" + t[0] + "\",\"name\":\"T\",\"created_at\":\"" + t[1] + "\"}")
        .collect(Collectors.joining(","));
    return RecordingServer.json(200, "{\"data\":[" + data + "]}");
  }

  @Test
  void iteratesPastOneHundredWithoutDuplicatesOrGaps() {
    List<String> gids = new ArrayList<>();
    for (TaskCompact task : asana.workspaceTaskSearch().iterate("5", TaskSearch.builder().completed(false).build(),
        Params.none())) {
      gids.add(task.getGid());
    }
    assertEquals(350, gids.size(), "no gaps");
    assertEquals(350, gids.stream().distinct().count(), "no duplicates");
    var first = server.requests.get(0).getUrl();
    assertEquals("created_at", first.queryParameter("sort_by"));
    assertEquals("true", first.queryParameter("sort_ascending"));
    assertEquals("100", first.queryParameter("limit"));
    assertEquals("false", first.queryParameter("completed"));
    assertNull(first.queryParameter("resource_subtype"));
  }

  @Test
  void maxItemsCapsTheSearch() {
    int count = 0;
    for (TaskCompact ignored : asana.workspaceTaskSearch().iterate("5", TaskSearch.builder().text("a").build(),
        Params.builder().maxItems(120).build())) {
      count++;
    }
    assertEquals(120, count);
    assertEquals(2, server.requests.size());
  }

  @Test
  void theSearchStreamIsLazyAndRestartsLikeTheOtherIterations() {
    PagedIterable<TaskCompact> results = asana.workspaceTaskSearch().iterate("5",
        TaskSearch.builder().text("a").build(), Params.none());
    java.util.stream.Stream<TaskCompact> stream = results.stream();
    assertEquals(0, server.requests.size(), "nothing fetched before the stream is consumed");
    assertEquals(150, stream.limit(150).map(TaskCompact::getGid).distinct().count());
    assertEquals(2, server.requests.size());
    assertEquals(350, results.stream().count(), "a new stream starts again");
    assertEquals(2 + 4, server.requests.size());
  }

  @Test
  void premiumRequiredSurfacesWithAsanasMessage() {
    server.answer(r -> RecordingServer.json(402,
        "{\"errors\":[{\"message\":\"Search is only available to premium users.\"}]}"));
    PremiumRequiredException e = assertThrows(PremiumRequiredException.class,
        () -> asana.workspaceTaskSearch().list("5", TaskSearch.builder().text("a").build(), Params.none()));
    assertEquals("Search is only available to premium users.", e.messages().get(0));
  }
}
