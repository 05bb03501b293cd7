package dev.asanaconnector.http;

import dev.asanaconnector.generated.support.AsanaJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does, once per JVM and on a short-lived daemon thread, the JDK and logging set-up that a fresh JVM's
 * first request would otherwise wait for, while the calling thread goes on building the client.
 *
 * <p>Why: in a fresh JVM the first {@link okhttp3.OkHttpClient} detects its platform by reading
 * {@link Security#getProviders()}, which loads and instantiates every security provider the JDK
 * configures (a dozen, with their classes), and opens a {@code java.util.logging} logger; the first
 * URL it parses has its host normalized with the JDK's ICU tables; the stack's
 * SLF4J logger looks its provider up with a {@link java.util.ServiceLoader}; the models' Moshi is built;
 * the first request tag makes Kotlin set up its class references; an {@code https} client loads the
 * platform's trust store. Together that is about a fifth of a fresh JVM's time to its first
 * page (BENCHMARKS.md, cold start). None of it depends on the connector's settings, so it can run
 * beside the caller's own work; when the caller reaches the same step first, the JDK's class and
 * provider initialization makes one of the two wait for the other, so nothing is done twice and the
 * results are the same as without the warm-up. Only the JDK's, Kotlin's, Moshi's and SLF4J's own set-up
 * runs here, none of which waits on OkHttp's classes, which the calling thread initializes meanwhile, so
 * the two threads cannot wait on each other's class initialization. Failures here are ignored: the
 * calling thread meets them again where it needs what failed.
 *
 * <p>Before that, the same thread loads, without initializing them, the classes a fresh JVM loads from the
 * connector's and its libraries' jars to build a client and read its first page, in that order
 * ({@value #CLASS_LIST}, written by {@code scripts/startup-classes}): reading and defining them is about a
 * tenth of the time to the first page, and the calling thread then finds most of them loaded. Loading
 * runs no static initializer, so it cannot deadlock with the calling thread's initialization; a class
 * being loaded by one thread is waited for by the other (the class loaders are parallel-capable, one
 * lock per class name). A listed class that is not there (another OkHttp, a shaded build) is skipped.
 */
final class StartupWarmup {
  private static final AtomicBoolean BASICS_STARTED = new AtomicBoolean();
  private static final AtomicBoolean TLS_STARTED = new AtomicBoolean();
  /** The classes to load ahead of the calling thread, one binary name a line; '#' starts a comment. */
  static final String CLASS_LIST = "startup-classes.txt";

  private StartupWarmup() {
  }

  /** Starts loading the start-up classes, the security providers and the loggers, unless started before. */
  static void startBasics() {
    if (BASICS_STARTED.compareAndSet(false, true)) {
      run("asana-connector-warmup", () -> {
        // First the classes: the calling thread needs OkHttp's at once, the rest below only at build().
        preload(StartupWarmup.class.getClassLoader(), CLASS_LIST);
        basics();
      });
    }
  }

  /** Starts setting up the platform's TLS (trust store, SSL context), unless that was started before. */
  static void startTls() {
    if (TLS_STARTED.compareAndSet(false, true)) {
      run("asana-connector-tls-warmup", TlsOnDemand::warmUp);
    }
  }

  /** Whether the TLS warm-up was started in this JVM (tests). */
  static boolean tlsStarted() {
    return TLS_STARTED.get();
  }

  /** Whether the basic warm-up was started in this JVM (tests). */
  static boolean basicsStarted() {
    return BASICS_STARTED.get();
  }

  private static void basics() {
    // OkHttp normalizes every URL's host to NFC (its IDN mapping): the JDK loads its ICU data for that.
    Normalizer.normalize("app.asana.com", Normalizer.Form.NFC);
    Security.getProviders();
    // The logger OkHttp's platform opens; the JDK's LogManager is set up on the first one.
    Logger.getLogger("okhttp3.OkHttpClient");
    // The models' Moshi: Moshi's built-in adapters and ours, needed by the first answer read.
    AsanaJson.moshi();
    LoggerFactory.getILoggerFactory();
    // OkHttp keys request tags by Kotlin class: the first tag sets up Kotlin's class references (by
    // name: the connector does not call Kotlin itself).
    try {
      Class.forName("kotlin.jvm.internal.ClassReference", true, StartupWarmup.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // another OkHttp build: nothing to set up
    }
  }

  /**
   * Loads every class named in the resource {@code list} (next to this class) that {@code loader} can
   * find, initializing none; returns how many it found.
   */
  static int preload(ClassLoader loader, String list) {
    int loaded = 0;
    try (InputStream in = StartupWarmup.class.getResourceAsStream(list)) {
      if (in == null) {
        return 0;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        try {
          Class.forName(name, false, loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError skipped) {
          // Not on this classpath (another version of a library): the calling thread never asks for it.
        }
      }
    } catch (IOException ignored) {
      // A jar that cannot be read: the calling thread loads its classes itself, and fails there if it must.
    }
    return loaded;
  }

  private static void run(String name, Runnable work) {
    Thread thread = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError ignored) {
        // The calling thread meets it again where it needs what failed, with its own exception.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }
}
