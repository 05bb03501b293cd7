package dev.asanaconnector.bench;

import dev.asanaconnector.AsanaClient;
import dev.asanaconnector.Params;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxFaults;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 5: every task of the sandbox's 20 projects, 100 a page, from N threads sharing one
 * connector, while the sandbox enforces a requests-per-minute limit and a concurrent-request limit
 * (answering 429 with {@code Retry-After} beyond either) and takes a fixed time to answer each request,
 * as a remote API does. The connector is given the same two limits as its {@link RateLimits}.
 *
 * <p>Figures: the rate of answered requests over the run, as a fraction of the allowed rate; the 429s
 * that reached the caller (as {@link RateLimitedException}); the 429s the sandbox sent (absorbed by the
 * connector's retries, each pausing the client for its {@code Retry-After}); the peak concurrency the
 * sandbox saw.
 */
final class RateLimitedExtraction {
  /** The workload and the limits. */
  /**
   * @param paced whether the connector is given the per-minute limit; without it (the control run) it
   *     keeps only the concurrency cap, and the sandbox's window must catch it
   */
  record Config(int tasksPerProject, int requestsPerMinute, int maxConcurrent, Duration latency, int threads,
      boolean paced) {
    int expectedPages() {
      return 20 * ((tasksPerProject + TaskReads.PAGE_SIZE - 1) / TaskReads.PAGE_SIZE);
    }
  }

  /** What one run achieved. */
  record Outcome(Config config, long tasks, long expectedTasks, long answered, double seconds,
      int surfaced429, int otherErrors, String firstError, int sandbox429, int peakConcurrent) {
    double requestsPerMinute() {
      return answered / seconds * 60;
    }

    double fractionOfAllowed() {
      return requestsPerMinute() / config.requestsPerMinute();
    }
  }

  private RateLimitedExtraction() {
  }

  static Outcome run(Config config) throws InterruptedException {
    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(config.tasksPerProject()).build()) {
      sandbox.start();
      List<String> projects = sandbox.data().projectGids();
      long expectedTasks = 0;
      for (String project : projects) {
        expectedTasks += sandbox.data().taskGids(project).size();
      }
      RateLimits limits = RateLimits.builder()
          .requestsPerMinute(config.paced() ? config.requestsPerMinute() : 0)
          .maxReadsInFlight(config.maxConcurrent())
          .build();
      ConnectorReads reads = new ConnectorReads(
          new Target(sandbox.baseUrl().toString(), sandbox.token(), projects.get(0), "-", ""), limits);
      AsanaClient asana = reads.client();
      SandboxFaults faults = sandbox.faults();
      faults.requestsPerMinute(config.requestsPerMinute())
          .maxConcurrentRequests(config.maxConcurrent())
          .slowResponses(config.latency());
      int requestsBefore = sandbox.requestCount();
      int rejectionsBefore = faults.rateLimitRejections();

      ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(projects);
      AtomicLong tasks = new AtomicLong();
      AtomicInteger surfaced429 = new AtomicInteger();
      AtomicInteger otherErrors = new AtomicInteger();
      StringBuilder firstError = new StringBuilder();
      CountDownLatch done = new CountDownLatch(config.threads());
      Params pages = Params.builder().limit(TaskReads.PAGE_SIZE).build();
      long start = System.nanoTime();
      for (int t = 0; t < config.threads(); t++) {
        Thread worker = new Thread(() -> {
          try {
            for (String project = queue.poll(); project != null; project = queue.poll()) {
              try {
                for (TaskCompact task : asana.projectTasks().iterate(project, pages)) {
                  if (task.getGid() != null) {
                    tasks.incrementAndGet();
                  }
                }
              } catch (RateLimitedException e) {
                surfaced429.incrementAndGet();
                note(firstError, e);
              } catch (RuntimeException e) {
                otherErrors.incrementAndGet();
                note(firstError, e);
              }
            }
          } finally {
            done.countDown();
          }
        }, "extract-" + t);
        worker.start();
      }
      done.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      int sandbox429 = faults.rateLimitRejections() - rejectionsBefore;
      int answered = sandbox.requestCount() - requestsBefore - sandbox429;
      reads.close();
      return new Outcome(config, tasks.get(), expectedTasks, answered, seconds, surfaced429.get(),
          otherErrors.get(), firstError.toString(), sandbox429,
          faults.peakConcurrentRequests(SandboxFaults.Target.API));
    }
  }

  private static void note(StringBuilder firstError, RuntimeException e) {
    synchronized (firstError) {
      if (firstError.length() == 0) {
        firstError.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
      }
    }
  }
}
