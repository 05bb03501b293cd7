package dev.asanaconnector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The warm-up's class preloading: what it loads, and that it runs no static initializer. */
class StartupWarmupPreloadTest {
  /** Counts {@link Probe}'s initializations; a class of its own, so reading it does not initialize Probe. */
  static final class ProbeInitializations {
    static final AtomicInteger COUNT = new AtomicInteger();
  }

  /** A class whose static initializer leaves a trace. */
  static final class Probe {
    static {
      ProbeInitializations.COUNT.incrementAndGet();
    }

    static void touch() {
    }
  }

  @Test
  void loadsListedClassesWithoutInitializingThemAndSkipsMissingOnes() {
    int found = StartupWarmup.preload(getClass().getClassLoader(), "preload-probe-classes.txt");

    assertEquals(1, found, "the probe is found, the missing class skipped, comments and blank lines ignored");
    assertEquals(0, ProbeInitializations.COUNT.get(), "loading must not run the static initializer");
    Probe.touch();
    assertEquals(1, ProbeInitializations.COUNT.get(), "the probe is initialized on first use, as usual");
  }

  @Test
  void everyClassOfTheStartupListIsOnTheConnectorsClasspath() throws IOException {
    List<String> names;
    try (InputStream in = StartupWarmup.class.getResourceAsStream(StartupWarmup.CLASS_LIST)) {
      assertNotNull(in, StartupWarmup.CLASS_LIST + " is packaged next to StartupWarmup");
      names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList());
    }
    assertTrue(names.size() > 100, "the list covers the first call's path: " + names.size() + " classes");
    assertTrue(names.contains("okhttp3.HttpUrl") && names.contains("dev.asanaconnector.AsanaClient"),
        "the list holds OkHttp's and the connector's own classes");

    // A class listed but gone (a library upgraded without rerunning scripts/startup-classes) fails here.
    assertEquals(names.size(), StartupWarmup.preload(getClass().getClassLoader(), StartupWarmup.CLASS_LIST),
        "every listed class loads; rerun scripts/startup-classes after changing a dependency");
  }
}
