package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.auth.Credentials;
import dev.asanaconnector.auth.OAuth2Credentials;
import dev.asanaconnector.generated.model.TaskCompact;
import dev.asanaconnector.http.RateLimits;
import dev.asanaconnector.sandbox.AsanaSandbox;
import dev.asanaconnector.sandbox.SandboxData;
import dev.asanaconnector.sandbox.SandboxOAuth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * A parallel extraction on virtual threads (JDK 21+): every project's tasks listed, each task read, by
 * one virtual thread per project, twice (a warm-up pass, then the measured one), through one client with OAuth renewals (a 2 s token lifetime), the
 * rate limiter's in-flight permits (fewer than the threads) and its pacer. JFR's
 * {@code jdk.VirtualThreadPinned} events are recorded throughout: none may have a frame of the
 * connector's own code, i.e. no virtual thread blocks while pinned to its carrier in the connector.
 *
 * <p>On JDK 21 to 23 blocking inside {@code synchronized} pins; from JDK 24 (JEP 491) it no longer does,
 * while blocking in a class initializer or under a native frame still does. So the recorder is checked
 * on the running JDK with a control that pins there (a virtual thread sleeping in a static initializer):
 * its event must arrive, or the test proves nothing. The control runs last too, so that every event of
 * the extraction has been delivered when the check is made.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsTest {
  private static final String PINNED = "jdk.VirtualThreadPinned";

  /** Pins its virtual thread while its class is initialized (on every JDK with virtual threads). */
  static final class PinsOnInit {
    static {
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static void touch() {}
  }

  /** Same, a second class: the end marker. */
  static final class PinsOnInitAtTheEnd {
    static {
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static void touch() {}
  }

  @Test
  void parallelExtractionOnVirtualThreadsNeverPinsInTheConnector() throws Exception {
    List<List<String>> connectorPins = Collections.synchronizedList(new ArrayList<>());
    List<List<String>> otherPins = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger controls = new AtomicInteger();
    AtomicInteger endMarkers = new AtomicInteger();
    AtomicInteger warmUpPins = new AtomicInteger();
    AtomicReference<Instant> measuredFrom = new AtomicReference<>(Instant.MAX);

    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(60).build();
        RecordingStream jfr = new RecordingStream()) {
      sandbox.start();
      sandbox.oauth().accessTokenLifetime(Duration.ofSeconds(2));
      SandboxData data = sandbox.data();

      jfr.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
      jfr.onEvent(PINNED, event -> {
        List<String> frames = frames(event);
        if (frames.stream().anyMatch(f -> f.contains("PinsOnInitAtTheEnd.<clinit>"))) {
          endMarkers.incrementAndGet();
        } else if (frames.stream().anyMatch(f -> f.contains("PinsOnInit.<clinit>"))) {
          controls.incrementAndGet();
        } else if (event.getStartTime().isBefore(measuredFrom.get())) {
          warmUpPins.incrementAndGet();
        } else if (frames.stream().anyMatch(VirtualThreadsTest::isConnectorFrame)) {
          connectorPins.add(frames);
        } else {
          otherPins.add(frames);
        }
      });
      jfr.startAsync();

      ExecutorService threads = virtualThreadPerTask();
      try {
        threads.submit(PinsOnInit::touch).get(10, TimeUnit.SECONDS);

        OAuth2Credentials oauth = OAuth2Credentials.builder()
            .clientId(SandboxOAuth.DEFAULT_CLIENT_ID)
            .clientSecret(SandboxOAuth.DEFAULT_CLIENT_SECRET)
            .refreshToken(SandboxOAuth.DEFAULT_REFRESH_TOKEN)
            .tokenEndpoint(sandbox.tokenUrl())
            .build();
        AsanaClient.Builder builder = AsanaClient.builder().baseUrl(sandbox.baseUrl().toString())
            .credentials(Credentials.oauth2(oauth));
        builder.http().rateLimits(RateLimits.builder().requestsPerMinute(120_000).maxReadsInFlight(4).build());
        AsanaClient asana = builder.build();

        // First a warm-up pass: the JVM pins a virtual thread that waits for a class another thread is
        // loading or initializing (a native frame), which the first concurrent use of any library does
        // once. Those events are counted apart; the check is on the second pass, the steady state.
        int warmUpTokens = sandbox.tokenRequestCount();
        extract(threads, asana, data, "warm-up");
        Thread.sleep(2_100); // the 2 s access token expires: the measured pass renews it
        measuredFrom.set(Instant.now());
        int tokensBefore = sandbox.tokenRequestCount();
        extract(threads, asana, data, "measured");
        assertTrue(sandbox.tokenRequestCount() > tokensBefore,
            "token renewal ran during the measured pass (" + warmUpTokens + " -> " + tokensBefore + " -> "
                + sandbox.tokenRequestCount() + ")");

        threads.submit(PinsOnInitAtTheEnd::touch).get(10, TimeUnit.SECONDS);
      } finally {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (endMarkers.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    assertEquals(1, controls.get(), "the control pinned its virtual thread and JFR reported it: the recorder works");
    assertEquals(1, endMarkers.get(), "every event of the extraction was delivered before the check");
    assertEquals(0, connectorPins.size(), () -> connectorPins.size() + " virtual threads pinned in the connector's"
        + " code, the first: " + connectorPins.subList(0, Math.min(3, connectorPins.size())));
    System.out.println("VirtualThreadsTest: " + warmUpPins.get() + " pinned events in the warm-up pass (class loading"
        + " and initialization), 0 in the connector during the measured pass");
    if (!otherPins.isEmpty()) {
      System.out.println("VirtualThreadsTest: pinned outside the connector: " + otherPins);
    }
  }

  /** One virtual thread per project: lists its tasks and reads each; checks every task was read. */
  private static void extract(ExecutorService threads, AsanaClient asana, SandboxData data, String pass)
      throws Exception {
    List<String> projects = data.projectGids();
    List<Future<Set<String>>> extractions = new ArrayList<>();
    long start = System.nanoTime();
    for (String project : projects) {
      extractions.add(threads.submit(() -> {
        Set<String> read = new HashSet<>();
        for (TaskCompact task : asana.projectTasks().iterate(project)) {
          read.add(asana.tasks().get(task.getGid()).getGid());
        }
        return read;
      }));
    }
    int tasks = 0;
    for (int i = 0; i < projects.size(); i++) {
      Set<String> read = extractions.get(i).get(120, TimeUnit.SECONDS);
      assertEquals(new HashSet<>(data.taskGids(projects.get(i))), read, "project " + projects.get(i));
      tasks += read.size();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tasks > 200, "a real extraction: " + tasks + " tasks");
    System.out.printf("VirtualThreadsTest: %s pass: %d tasks of %d projects read on %d virtual threads in %d ms%n",
        pass, tasks, projects.size(), projects.size(), millis);
  }

  /** A frame of the connector's code (this test's own frames and the sandbox's aside). */
  private static boolean isConnectorFrame(String frame) {
    return frame.startsWith("dev.asanaconnector.") && !frame.startsWith("dev.asanaconnector.VirtualThreadsTest")
        && !frame.startsWith("dev.asanaconnector.sandbox.");
  }

  private static List<String> frames(RecordedEvent event) {
    List<String> frames = new ArrayList<>();
    if (event.getStackTrace() != null) {
      for (RecordedFrame f : event.getStackTrace().getFrames()) {
        frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
    }
    return frames;
  }

  /** Executors.newVirtualThreadPerTaskExecutor(), called reflectively: the tests compile for Java 17. */
  private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
    return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }
}
