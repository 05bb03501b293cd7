package dev.asanaconnector.sandbox;

import static dev.asanaconnector.sandbox.Http.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Writers and readers at once: every write lands once, readers never see a broken answer. */
class WriteConcurrencyTest {
  static final int WRITERS = 4;
  static final int CREATES_EACH = 40;

  @Test
  void concurrentCreatesUpdatesAndReadsStayConsistent() throws Exception {
    try (AsanaSandbox sandbox = AsanaSandbox.builder().tasksPerProject(30).build()) {
      sandbox.start();
      SandboxData data = sandbox.data();
      String project = data.projectGids().get(0);
      int tasksBefore = data.taskCount();
      int listedBefore = data.taskGids(project).size();
      long eventsBefore = sandbox.events().eventCount();
      ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        jobs.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < CREATES_EACH; i++) {
            Http.Resp r = Http.post(sandbox, "tasks", fields("name", "w" + writer + "-" + i, "projects", List.of(project)));
            if (r.code() != 201) {
              failures.add("create " + r.code() + " " + r.body());
              continue;
            }
            String gid = (String) r.object().get("gid");
            created.add(gid);
            Http.Resp u = Http.put(sandbox, "tasks/" + gid, fields("completed", true));
            if (u.code() != 200) {
              failures.add("update " + u.code());
            }
          }
          return null;
        }));
      }
      for (int r = 0; r < 2; r++) {
        jobs.add(pool.submit(() -> {
          go.await();
          while (writing.get()) {
            String offset = null;
            do {
              Http.Resp page = Http.get(sandbox, "projects/" + project + "/tasks?limit=50&opt_fields=name,completed"
                  + (offset == null ? "" : "&offset=" + offset));
              if (page.code() != 200) {
                failures.add("list " + page.code() + " " + page.body());
                break;
              }
              Map<String, Object> next = page.nextPage();
              offset = next == null ? null : (String) next.get("offset");
            } while (offset != null);
          }
          return null;
        }));
      }
      go.countDown();
      for (int i = 0; i < WRITERS; i++) {
        jobs.get(i).get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> j : jobs) {
        j.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertEquals(List.of(), new ArrayList<>(failures));
      int n = WRITERS * CREATES_EACH;
      Set<String> unique = new HashSet<>(created);
      assertEquals(n, unique.size(), "every create got its own gid");
      List<String> listed = data.taskGids(project);
      assertEquals(listedBefore + n, listed.size());
      assertTrue(listed.containsAll(unique));
      assertEquals(tasksBefore + n, data.taskCount());
      for (String gid : unique) {
        assertTrue(data.task(gid).completed(), gid);
      }
      // Each create: added to the project and to its section; each update: completed changed.
      assertEquals(eventsBefore + 3L * n, sandbox.events().eventCount());
    }
  }
}
