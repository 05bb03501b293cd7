package dev.asanaconnector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What scripts/startup-classes keeps from a class-loading log. */
class StartupClassListTest {
  private static String line(String name, String source) {
    return "[0.100s][info][class,load] " + name + " source: " + source;
  }

  @Test
  void keepsTheConnectorsAndItsLibrariesClassesInLoadOrderAndNothingACompilerOrTheApplicationChose() {
    String okhttp = "file:/m2/com/squareup/okhttp3/okhttp-jvm/5.5.1/okhttp-jvm-5.5.1.jar";
    String moshi = "file:/m2/com/squareup/moshi/moshi/1.15.2/moshi-1.15.2.jar";
    String core = "file:/repo/core/target/asana-connector-core-0.1.0-SNAPSHOT.jar";
    List<String> log = List.of(
        line("java.lang.Object", "shared objects file"),
        line("dev.asanaconnector.AsanaClient", core),
        line("okhttp3.HttpUrl", okhttp),
        line("sun.security.jca.ProviderList", "jrt:/java.base"),
        line("com.squareup.moshi.JsonAdapter$1", moshi),                 // a library's prebuilt: the same everywhere
        line("dev.asanaconnector.ParamType$1", core),                    // javac's switch map: not from JDK 25's javac
        line("dev.asanaconnector.Dispatcher$1$Page", core),              // inside an anonymous class
        line("dev.asanaconnector.Params$Builder", core),
        line("dev.asanaconnector.bench.ChildMain", "file:/repo/bench/target/asana-connector-bench.jar"),
        line("org.slf4j.nop.NOPLogger", "file:/m2/org/slf4j/slf4j-nop/2.0.20/slf4j-nop-2.0.20.jar"),
        line("dev.asanaconnector.Dispatcher$$Lambda$66/0x0000000800c4", "dev.asanaconnector.Dispatcher"),
        line("okhttp3.HttpUrl", okhttp),
        "[0.200s][info][class,load] not a load line");

    assertEquals(List.of("dev.asanaconnector.AsanaClient", "okhttp3.HttpUrl", "com.squareup.moshi.JsonAdapter$1",
        "dev.asanaconnector.Params$Builder"), List.copyOf(StartupClassList.ownClasses(log)));
  }
}
