package dev.asanaconnector.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.Params;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.TaskSearch;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.http.RetryPolicy;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import dev.asanaconnector.sandbox.SandboxFaults.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Point 2: one connector's client-side limits, shared by all its threads, keep a parallel extraction
 * within the sandbox's enforced limits (so it avoids 429s instead of provoking them), and a 429 pauses
 * every thread rather than one.
 */
class RateLimitsTest {
  /** Scaled so a run takes a few seconds: the sandbox enforces, the client keeps to, these. */
  private static final int PER_MINUTE = 1200;
  private static final int IN_FLIGHT = 4;
  private static final int THREADS = 8;

  private AsanaSandbox sandbox;
  private SandboxData data;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @BeforeEach
  void start() {
    sandbox = AsanaSandbox.builder().build();
    sandbox.start();
    data = sandbox.data();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    sandbox.close();
  }

  /** What one extraction run saw. */
  record Run(Map<String, List<String>> tasksByProject, List<Throwable> failures, int rejections, int peak,
      long millis) {
  }

  /** {@value #THREADS} threads share the client and take the 20 projects from a queue, listing every task. */
  private Run extract(AsanaClient asana) throws Exception {
    Queue<String> projects = new ConcurrentLinkedQueue<>(data.projectGids());
    Map<String, List<String>> tasksByProject = new ConcurrentHashMap<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    int rejectionsBefore = sandbox.faults().rateLimitRejections();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      workers.add(pool.submit(() -> {
        go.await();
        for (String project = projects.poll(); project != null; project = projects.poll()) {
          List<String> gids = new ArrayList<>();
          try {
            for (TaskCompact task : asana.projectTasks().iterate(project, Params.builder().limit(100).build())) {
              gids.add(task.getGid());
            }
          } catch (RuntimeException e) {
            failures.add(e);
          }
          tasksByProject.put(project, gids);
        }
        return null;
      }));
    }
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    return new Run(tasksByProject, failures, sandbox.faults().rateLimitRejections() - rejectionsBefore,
        sandbox.faults().peakConcurrentRequests(Target.API), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private void enforceLimits() {
    sandbox.faults().requestsPerMinute(PER_MINUTE).maxConcurrentRequests(IN_FLIGHT)
        .slowResponses(Duration.ofMillis(15)); // so that requests overlap
  }

  @Test
  void aParallelExtractionKeepsWithinTheLimitsAndDeliversEveryTaskOnce() throws Exception {
    enforceLimits();
    Fixtures.Wire wire = new Fixtures.Wire();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(wire.baseClient()).rateLimits(RateLimits.builder().requestsPerMinute(PER_MINUTE)
        .maxReadsInFlight(IN_FLIGHT).build());
    Run run = extract(builder.build());

    assertEquals(List.of(), run.failures(), "no exception reached the caller");
    assertTrue(run.failures().stream().noneMatch(RateLimitedException.class::isInstance));
    int tasks = 0;
    for (String project : data.projectGids()) {
      assertEquals(data.taskGids(project), run.tasksByProject().get(project), "every task of " + project + " once");
      tasks += run.tasksByProject().get(project).size();
    }
    assertTrue(run.peak() <= IN_FLIGHT, "peak " + run.peak() + " in flight");
    assertEquals(0, run.rejections(), "requests refused with 429");
    // The pace plus its burst of 12, plus IN_FLIGHT: a request takes its pacing slot before its in-flight
    // permit (no thread holds a permit while it sleeps), so up to IN_FLIGHT requests that waited for a
    // permit can go out late, in a later second. The per-minute count Asana enforces is unaffected (no 429).
    assertTrue(maxInAnySecond(wire) <= PER_MINUTE / 60 + 13 + IN_FLIGHT, maxInAnySecond(wire)
        + " requests in one second");
    assertTrue(run.millis() < 20_000, "took " + run.millis() + " ms");
    System.out.printf("parallel extraction: %d threads, %d projects, %d tasks, %d requests in %d ms, %d x 429, "
        + "peak %d in flight%n", THREADS, data.projectGids().size(), tasks, wire.sent.size(), run.millis(),
        run.rejections(), run.peak());
  }

  @Test
  void withoutTheLimiterTheSameThreadsProvoke429s() throws Exception {
    enforceLimits();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().retryPolicy(RetryPolicy.none()).rateLimits(RateLimits.unlimited());
    AsanaClient asana = builder.build();
    // The control experiment: the same 8 threads each asking for their first page at once.
    List<String> projects = data.projectGids();
    int before = sandbox.faults().rateLimitRejections();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Throwable>> outcomes = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String project = projects.get(i);
      outcomes.add(pool.submit(() -> {
        go.await();
        try {
          asana.projectTasks().list(project, Params.builder().limit(100).build());
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      }));
    }
    go.countDown();
    List<Throwable> failures = new ArrayList<>();
    for (Future<Throwable> outcome : outcomes) {
      Throwable failure = outcome.get(30, TimeUnit.SECONDS);
      if (failure != null) {
        failures.add(failure);
      }
    }
    assertTrue(sandbox.faults().rateLimitRejections() - before >= 1, "no 429 without the limiter?");
    assertTrue(!failures.isEmpty() && failures.stream().allMatch(RateLimitedException.class::isInstance),
        failures.toString());
  }

  /** The most requests sent within any one-second window. */
  private static int maxInAnySecond(Fixtures.Wire wire) {
    List<Long> times = wire.sent.stream().map(Fixtures.Sent::sentNanos).sorted().toList();
    int max = 0;
    for (int i = 0, j = 0; i < times.size(); i++) {
      while (times.get(i) - times.get(j) >= 1_000_000_000L) {
        j++;
      }
      max = Math.max(max, i - j + 1);
    }
    return max;
  }

  @Test
  void a429PausesEveryThreadOfTheConnectorUntilRetryAfter() throws Exception {
    Fixtures.Wire wire = new Fixtures.Wire();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    // No pacing (it would space these requests out anyway): only the shared pause is under test.
    builder.http().baseClient(wire.baseClient()).rateLimits(RateLimits.builder().requestsPerMinute(0).build());
    AsanaClient asana = builder.build();
    sandbox.faults().slowResponses(Duration.ofMillis(10));
    String project = data.projectGids().get(0);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      workers.add(pool.submit(() -> {
        go.await();
        for (int n = 0; n < 12; n++) {
          try {
            asana.projects().get(project);
          } catch (RuntimeException e) {
            failures.add(e);
          }
          if (n == 3 && armed.compareAndSet(false, true)) {
            sandbox.faults().rateLimit429(1, Duration.ofSeconds(1));
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> worker : workers) {
      worker.get(30, TimeUnit.SECONDS);
    }
    assertEquals(List.of(), failures);
    List<Fixtures.Sent> limited = wire.sent.stream().filter(s -> s.status() == 429).toList();
    assertEquals(1, limited.size());
    long answered = limited.get(0).answeredNanos();
    // Requests already past the limiter when the 429 arrived may still go out in the next moments.
    long quietFrom = answered + TimeUnit.MILLISECONDS.toNanos(30);
    long quietUntil = answered + TimeUnit.MILLISECONDS.toNanos(980);
    List<Fixtures.Sent> duringThePause = wire.sent.stream()
        .filter(s -> s.sentNanos() > quietFrom && s.sentNanos() < quietUntil).toList();
    assertEquals(List.of(), duringThePause, "nothing was sent while Asana asked to wait");
    assertEquals(THREADS * 12 + 1, wire.sent.size());
    assertTrue(wire.sent.stream().filter(s -> s.sentNanos() >= quietUntil).count() >= THREADS,
        "every thread had requests held back by the pause");
  }

  @Test
  void taskSearchesArePacedApartFromOtherRequests() {
    Fixtures.Wire wire = new Fixtures.Wire();
    AsanaClient.Builder builder = Fixtures.client(sandbox);
    builder.http().baseClient(wire.baseClient()).rateLimits(RateLimits.builder().searchRequestsPerMinute(600)
        .build());
    AsanaClient asana = builder.build();
    TaskSearch search = TaskSearch.builder().completed(false).build();
    String project = data.projectGids().get(0);
    for (int i = 0; i < 12; i++) {
      asana.workspaceTaskSearch().list(data.workspaceGid(), search, Params.builder().limit(1).build());
      asana.projects().get(project);
    }
    List<Fixtures.Sent> searches = wire.to("/tasks/search");
    List<Fixtures.Sent> others = wire.to("/projects/");
    assertEquals(12, searches.size());
    assertEquals(12, others.size());
    long span = TimeUnit.NANOSECONDS.toMillis(searches.get(11).sentNanos() - searches.get(0).sentNanos());
    // 600 a minute allows a burst of 6, then one every 100 ms: the 12th goes >= 500 ms after the first.
    assertTrue(span >= 480, "12 searches within " + span + " ms");
    // Each other request went out as soon as the search before it was answered (paced, they would wait too).
    long gaps = 0;
    for (int i = 0; i < 12; i++) {
      gaps += others.get(i).sentNanos() - searches.get(i).answeredNanos();
    }
    assertTrue(TimeUnit.NANOSECONDS.toMillis(gaps) < 300, "other requests waited " + gaps / 1_000_000 + " ms");
  }
}
