package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PerformanceTest {
  static final int BIG = 100_000;
  static AsanaSandbox sandbox;
  static SandboxData data;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().bigProjectTasks(BIG).build();
    sandbox.start();
    data = sandbox.data();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /**
   * Without TCP_NODELAY on the server's sockets every response would stall ~40 ms on the client's
   * delayed ACK (100 sequential requests: 4 s instead of a few tens of milliseconds). Speed targets live
   * in the benchmarks (scripts/bench, scenario 1's "wire only" calibration row measures the sandbox and
   * loopback per page), not in timed tests; this test checks the causes instead: every socket the
   * sandbox's socket factory accepts has TCP_NODELAY, and 100 pages reuse one keep-alive connection. It
   * prints the time it measured, asserting nothing about it.
   */
  @Test
  void acceptedSocketsHaveTcpNoDelay() throws IOException {
    InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    try (ServerSocket server = new Wire.Factory(loopback).createServerSocket(0);
        Socket client = new Socket(loopback, server.getLocalPort());
        Socket accepted = server.accept()) {
      assertFalse(client.getTcpNoDelay(), "the JDK default, so the check below could fail");
      assertTrue(accepted.getTcpNoDelay(), "TCP_NODELAY on the accepted socket");
      assertEquals(loopback, accepted.getLocalAddress(), "the fixed local address, no lookups");
    }
  }

  @Test
  void hundredSequentialPagesReuseOneKeepAliveConnection() throws IOException {
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(new ConnectionPool()).build();
    Request request = new Request.Builder()
        .url(sandbox.baseUrl() + "tasks?project=" + data.projectGids().get(0) + "&limit=100")
        .header("Authorization", "Bearer " + sandbox.token())
        .build();
    int before = sandbox.requestCount();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        try (Response r = client.newCall(request).execute()) {
          assertEquals(200, r.code());
          assertEquals(r.body().contentLength(), r.body().bytes().length, "the whole declared body");
        }
      }
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf("sandbox: 100 sequential 100-task pages in %.1f ms (best of 5 rounds; measured, not asserted)%n",
        best / 1e6);
    assertEquals(500, sandbox.requestCount() - before, "every call reached the sandbox");
    assertEquals(1, client.connectionPool().connectionCount(), "one keep-alive connection");
  }

  @Test
  void bigProjectPagesLazily() {
    String big = data.bigProjectGid();
    assertEquals(BIG, data.bigProjectTaskCount());
    Resp first = Http.get(sandbox, "tasks?project=" + big + "&limit=100").expect(200);
    List<String> gids = Http.gids(first.data());
    assertEquals(100, gids.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(data.bigProjectTaskGid(i), gids.get(i));
    }
    // Walk the whole project: every task once, in order.
    int count = 0;
    String offset = null;
    long start = System.nanoTime();
    while (true) {
      Resp r = Http.get(sandbox, "tasks?project=" + big + "&limit=100" + (offset == null ? "" : "&offset=" + offset))
          .expect(200);
      List<Map<String, Object>> page = r.data();
      assertEquals(data.bigProjectTaskGid(count), page.get(0).get("gid"));
      count += page.size();
      Map<String, Object> next = r.nextPage();
      if (next == null) {
        break;
      }
      offset = (String) next.get("offset");
    }
    System.out.printf("sandbox: paged %,d big-project tasks in %.0f ms%n", count, (System.nanoTime() - start) / 1e6);
    assertEquals(BIG, count);
    assertEquals(data.bigProjectTaskGid(BIG - 1), data.task(data.bigProjectTaskGid(BIG - 1)).gid());
  }

  @Test
  void bigProjectTasksAreRealRecords() {
    String big = data.bigProjectGid();
    String gid = data.bigProjectTaskGid(54_321);
    Map<String, Object> task = Http.get(sandbox, "tasks/" + gid).expect(200).object();
    assertEquals(gid, task.get("gid"));
    assertEquals(big, Http.map(Http.list(task.get("projects")).get(0)).get("gid"));
    assertEquals(data.task(gid).name(), task.get("name"));
    assertEquals(Http.get(sandbox, "tasks/" + gid).body(), Http.get(sandbox, "tasks/" + gid).body(), "stable");
    // Unpaginated listing of 100,000 tasks is refused like Asana does.
    assertTrue(Http.get(sandbox, "tasks?project=" + big).expect(400).errorMessage().startsWith("The result is too large"));
    // Filters and sections page lazily too.
    Resp open = Http.get(sandbox, "tasks?project=" + big + "&limit=100&completed_since=now&opt_fields=completed")
        .expect(200);
    assertEquals(100, open.data().size());
    open.data().forEach(t -> assertEquals(Boolean.FALSE, t.get("completed")));
    String lastSection = data.sectionGids(big).get(2);
    Resp sectionPage = Http.get(sandbox, "tasks?section=" + lastSection + "&limit=10").expect(200);
    assertEquals(data.bigProjectTaskGid(2 * BIG / 3), sectionPage.data().get(0).get("gid"));
    // Search reaches big-project tasks only when it is named.
    Resp search = Http.get(sandbox, "workspaces/" + data.workspaceGid() + "/tasks/search?projects.any=" + big
        + "&sort_by=created_at&sort_ascending=true&limit=5").expect(200);
    assertEquals(data.bigProjectTaskGid(0), search.data().get(0).get("gid"));
    assertFalse(Http.gids(Http.get(sandbox, "workspaces/" + data.workspaceGid() + "/tasks/search?limit=100")
        .data()).stream().anyMatch(g -> g.startsWith("13")));
    assertNull(data.bigAttachmentGid());
  }
}
