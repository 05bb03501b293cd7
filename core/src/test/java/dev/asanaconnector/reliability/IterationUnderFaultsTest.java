package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.OffsetExpiredException;
import dev.asanaconnector.Params;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import dev.asanaconnector.sandbox.SandboxFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Points 1 and 6 together: a long iteration survives 429s, 5xx and cut connections with every record
 * delivered exactly once, and when it cannot go on it stops with a typed exception, keeping what it
 * delivered.
 */
class IterationUnderFaultsTest {
  private static AsanaSandbox sandbox;
  private static SandboxData data;
  private static String project;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
    project = data.projectGids().get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  @Test
  void twoHundredFiftyRecordsAcrossRateLimitsServerErrorsAndCutsEachDeliveredOnce() {
    List<String> expected = data.taskGids(project).subList(0, 250);
    // Before the page that starts at record N: arm these faults (the iteration fetches lazily, so they
    // hit exactly that page).
    Map<Integer, Consumer<SandboxFaults>> plan = new LinkedHashMap<>();
    plan.put(0, f -> f.rateLimit429(1, Duration.ofSeconds(1)));
    plan.put(20, f -> f.serverErrors(2, 503));
    plan.put(40, f -> f.cutConnections(1));
    plan.put(60, f -> f.serverErrors(1, 500));
    plan.put(80, f -> f.rateLimit429(2, Duration.ZERO));
    plan.put(100, f -> f.cutConnectionsAfter(2, 10));
    plan.put(120, f -> f.serverErrors(1, 502));
    plan.put(140, f -> f.serverErrors(1, 504));
    plan.put(160, f -> f.cutConnections(1).serverErrors(1, 503).rateLimit429(1, Duration.ZERO));
    plan.put(200, f -> f.cutConnectionsAfter(1, 0));
    plan.put(240, f -> f.serverErrors(1, 503));

    AsanaClient asana = Fixtures.client(sandbox).build();
    int requestsBefore = sandbox.requestCount();
    int faultsBefore = sandbox.faults().injectedFaults();
    List<String> delivered = new ArrayList<>();
    Iterator<TaskCompact> tasks = asana.projectTasks()
        .iterate(project, Params.builder().limit(20).maxItems(250).build()).iterator();
    while (true) {
      Consumer<SandboxFaults> faults = plan.get(delivered.size());
      if (faults != null) {
        faults.accept(sandbox.faults());
      }
      if (!tasks.hasNext()) {
        break;
      }
      delivered.add(tasks.next().getGid());
    }
    int injected = sandbox.faults().injectedFaults() - faultsBefore;
    assertEquals(expected, delivered, "every record once, in order");
    assertEquals(16, injected, "every armed fault was hit");
    assertEquals(13 + injected, sandbox.requestCount() - requestsBefore, "13 pages, plus one attempt per fault");
  }

  @Test
  void anExpiredOffsetStopsTheIterationWithATypedExceptionKeepingWhatWasDelivered() {
    AsanaClient asana = Fixtures.client(sandbox).build();
    List<String> delivered = new ArrayList<>();
    Iterator<TaskCompact> tasks = asana.projectTasks().iterate(project, Params.builder().limit(50).build()).iterator();
    OffsetExpiredException e = assertThrows(OffsetExpiredException.class, () -> {
      while (tasks.hasNext()) {
        delivered.add(tasks.next().getGid());
        if (delivered.size() == 120) {
          sandbox.faults().expireOffsetsNow();
        }
      }
    });
    assertEquals(400, e.status());
    assertEquals(data.taskGids(project).subList(0, 150), delivered, "three pages delivered, none lost");
    assertThrows(OffsetExpiredException.class, tasks::hasNext, "still expired: the same typed failure");
  }

  @Test
  void anIterationThatRunsOutOfRetriesStopsWithANetworkExceptionAndCanBeResumed() {
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(Fixtures.FAST.toBuilder().maxAttempts(2).build());
    AsanaClient asana = builder.build();
    List<String> delivered = new ArrayList<>();
    Iterator<TaskCompact> tasks = asana.projectTasks().iterate(project, Params.builder().limit(100).build()).iterator();
    NetworkException e = assertThrows(NetworkException.class, () -> {
      while (tasks.hasNext()) {
        delivered.add(tasks.next().getGid());
        if (delivered.size() == 100) {
          sandbox.faults().cutConnections(2);
        }
      }
    });
    assertTrue(e.getMessage().startsWith("GET /api/1.0/projects/" + project + "/tasks failed"), e.getMessage());
    assertEquals(data.taskGids(project).subList(0, 100), delivered, "the first page stays delivered");
    // The failure was transient: asking again fetches the same page, with nothing lost or repeated.
    tasks.forEachRemaining(t -> delivered.add(t.getGid()));
    assertEquals(data.taskGids(project), delivered);
  }
}
