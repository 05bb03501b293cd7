package dev.asanaconnector.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asanaconnector.sandbox.Http.Resp;
import dev.asanaconnector.sandbox.SandboxFaults.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultsTest {
  static AsanaSandbox sandbox;
  static SandboxFaults faults;
  static String project;
  static String pdf;

  @BeforeAll
  static void start() {
    sandbox = AsanaSandbox.builder().tasksPerProject(50).build();
    sandbox.start();
    faults = sandbox.faults();
    project = sandbox.data().projectGids().get(0);
    pdf = sandbox.data().attachmentGids(sandbox.data().richTaskGid()).get(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void clear() {
    faults.clear();
  }

  static Resp page() {
    return Http.get(sandbox, "tasks?project=" + project + "&limit=20");
  }

  static HttpUrl downloadUrl() {
    return HttpUrl.get((String) Http.get(sandbox, "attachments/" + pdf).expect(200).object().get("download_url"));
  }

  @Test
  void rateLimit429ForTheNextNRequests() {
    int injected = faults.injectedFaults();
    faults.rateLimit429(2, Duration.ofSeconds(3));
    for (int i = 0; i < 2; i++) {
      Resp r = page().expect(429);
      assertEquals("3", r.headers().get("Retry-After"));
      assertEquals("application/json; charset=UTF-8", r.headers().get("Content-Type"));
      assertTrue(r.errorMessage().contains("too many requests"), r.body());
    }
    page().expect(200);
    assertEquals(injected + 2, faults.injectedFaults());
    faults.rateLimit429(1, Duration.ZERO);
    assertEquals("0", page().expect(429).headers().get("Retry-After"));
  }

  @Test
  void serverErrorsForTheNextNRequests() {
    for (int status : new int[] {500, 502, 503, 504}) {
      faults.serverErrors(1, status);
      Resp r = page().expect(status);
      assertTrue(r.errorMessage().length() > 0);
      assertTrue(r.json().toString().contains("phrase"), r.body());
      page().expect(200);
    }
    assertThrows(IllegalArgumentException.class, () -> faults.serverErrors(1, 404));
  }

  @Test
  void cutConnectionsDropTheResponseMidBody() {
    faults.cutConnections(1);
    assertThrows(UncheckedIOException.class, FaultsTest::page);
    page().expect(200);
  }

  @Test
  void cutDownloadsCanBeResumedWithRange() throws IOException {
    HttpUrl url = downloadUrl();
    byte[] want = sandbox.data().attachmentBytes(pdf);
    faults.cutConnectionsAfter(1, 10_000, Target.DOWNLOAD);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (Response r = Http.CLIENT.newCall(new Request.Builder().url(url).build()).execute()) {
      assertEquals(200, r.code());
      InputStream in = r.body().byteStream();
      byte[] buf = new byte[4096];
      assertThrows(IOException.class, () -> {
        int n;
        while ((n = in.read(buf)) != -1) {
          got.write(buf, 0, n);
        }
      });
    } catch (IOException expectedOnClose) {
      // closing a truncated body may complain too
    }
    assertEquals(10_000, got.size());
    Request resume = new Request.Builder().url(url).header("Range", "bytes=" + got.size() + "-").build();
    Resp rest = Http.call(Http.CLIENT, resume).expect(206);
    got.write(rest.bytes());
    assertArrayEquals(want, got.toByteArray());
    // The API was not affected.
    page().expect(200);
  }

  @Test
  void requestsPerMinuteSlidingWindow() {
    int before = faults.rateLimitRejections();
    faults.requestsPerMinute(5);
    for (int i = 0; i < 5; i++) {
      page().expect(200);
    }
    Resp r = page().expect(429);
    long retry = Long.parseLong(r.headers().get("Retry-After"));
    assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
    page().expect(429);
    assertEquals(before + 2, faults.rateLimitRejections());
    faults.requestsPerMinute(0);
    page().expect(200);
  }

  @Test
  void maxConcurrentRequestsRejectsTheExcess() throws Exception {
    int before = faults.rateLimitRejections();
    faults.maxConcurrentRequests(2).slowResponses(Duration.ofMillis(800));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> page().code(), pool));
      }
      List<Integer> codes = new ArrayList<>();
      for (CompletableFuture<Integer> c : calls) {
        codes.add(c.get());
      }
      assertEquals(2, codes.stream().filter(c -> c == 200).count(), codes.toString());
      assertEquals(2, codes.stream().filter(c -> c == 429).count(), codes.toString());
    } finally {
      pool.shutdown();
    }
    assertEquals(before + 2, faults.rateLimitRejections());
    assertTrue(faults.peakConcurrentRequests(Target.API) >= 2);
  }

  @Test
  void slowResponses() {
    faults.slowResponses(Duration.ofMillis(500));
    long start = System.nanoTime();
    page().expect(200);
    assertTrue(System.nanoTime() - start >= 490_000_000L);
    faults.slowResponses(Duration.ZERO);
    start = System.nanoTime();
    page().expect(200);
    assertTrue(System.nanoTime() - start < 450_000_000L);
  }

  @Test
  void faultsTargetOneServerOrBoth() {
    faults.serverErrors(1, 500, Target.DOWNLOAD);
    page().expect(200);
    HttpUrl url = downloadUrl();
    Resp r = Http.call(Http.CLIENT, new Request.Builder().url(url).build()).expect(500);
    assertTrue(r.body().contains("<Code>InternalError</Code>"), r.body());
    Http.call(Http.CLIENT, new Request.Builder().url(url).build()).expect(200);

    // One shared count across both targets.
    faults.rateLimit429(2, Duration.ofSeconds(1), Target.API, Target.DOWNLOAD);
    page().expect(429);
    Resp d = Http.call(Http.CLIENT, new Request.Builder().url(url).build()).expect(429);
    assertEquals("1", d.headers().get("Retry-After"));
    page().expect(200);
    Http.call(Http.CLIENT, new Request.Builder().url(url).build()).expect(200);
  }

  @Test
  void clearSwitchesEverythingOff() {
    faults.rateLimit429(5, Duration.ofSeconds(1)).serverErrors(5, 503).cutConnections(5).requestsPerMinute(1)
        .maxConcurrentRequests(1).slowResponses(Duration.ofSeconds(5)).offsetTtl(Duration.ZERO);
    faults.clear();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> next = page().expect(200).nextPage();
      Http.get(sandbox, "tasks?project=" + project + "&limit=20&offset=" + next.get("offset")).expect(200);
    }
  }

  @Test
  void faultsComeBeforeAuthentication() {
    faults.serverErrors(1, 503);
    assertEquals(503, Http.get(sandbox.baseUrl().resolve("users/me"), "wrong").code());
    assertEquals(401, Http.get(sandbox.baseUrl().resolve("users/me"), "wrong").code());
  }

  @Test
  void requestCountsAreKept() {
    int api = sandbox.requestCount();
    int downloads = sandbox.downloadRequestCount();
    HttpUrl url = downloadUrl();
    page();
    Http.call(Http.CLIENT, new Request.Builder().url(url).build());
    assertEquals(api + 2, sandbox.requestCount());
    assertEquals(downloads + 1, sandbox.downloadRequestCount());
  }
}
