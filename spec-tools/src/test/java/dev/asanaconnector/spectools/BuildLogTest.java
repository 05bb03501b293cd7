package dev.asanaconnector.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogTest {
  @Test
  void compilationFailureNamesModuleAndErrorsOnce() {
    BuildLog log = BuildLog.parse("""
        [INFO] --- compiler:3.14.0:compile (default-compile) @ asana-connector-core ---
        [ERROR] COMPILATION ERROR :\s
        [INFO] -------------------------------------------------------------
        [ERROR] /tmp/asana-regen-check.x/tree/core/src/main/java/dev/asanaconnector/Catalog.java:[215,58] method getUser in interface dev.asanaconnector.generated.api.UsersApi cannot be applied to given types;
          required: java.lang.String,java.lang.Boolean
          found:    java.lang.String,<nulltype>,<nulltype>
          reason: actual and formal argument lists differ in length
        [INFO] 1 error
        [INFO] asana-connector core ............................... FAILURE [  2.1 s]
        [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile (default-compile) on project asana-connector-core: Compilation failure
        [ERROR] /tmp/asana-regen-check.x/tree/core/src/main/java/dev/asanaconnector/Catalog.java:[215,58] method getUser in interface dev.asanaconnector.generated.api.UsersApi cannot be applied to given types;
        [ERROR]   required: java.lang.String,java.lang.Boolean
        [ERROR] -> [Help 1]
        """);
    assertEquals(List.of(new BuildLog.Failure("core", "compilation", "Compilation failure")), log.failures);
    assertEquals(1, log.compileErrors.size());
    String error = log.compileErrors.iterator().next();
    assertTrue(error.startsWith("core/Catalog.java:215: method getUser in interface"), error);
    assertTrue(error.contains("| reason: actual and formal argument lists differ in length"), error);
  }

  @Test
  void testFailuresAreListed() {
    BuildLog log = BuildLog.parse("""
        [ERROR] Tests run: 3, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: 0.1 s <<< FAILURE! -- in dev.asanaconnector.FooTest
        [ERROR] Failures:\s
        [ERROR]   FooTest.bar:12 expected: <1> but was: <2>
        [ERROR] Errors:\s
        [ERROR]   FooTest.baz:20 » IllegalState boom
        [ERROR] Tests run: 10, Failures: 1, Errors: 1, Skipped: 0
        [INFO]
        [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.4:test (default-test) on project asana-connector-generated: There are test failures.
        """);
    assertEquals(List.of(new BuildLog.Failure("generated", "tests", "There are test failures.")), log.failures);
    assertEquals(List.of("FooTest.bar:12 expected: <1> but was: <2>", "FooTest.baz:20 » IllegalState boom"),
        List.copyOf(log.failedTests));
  }

  @Test
  void generationFailureAndGeneratedSourcePaths() {
    BuildLog log = BuildLog.parse("[ERROR] Failed to execute goal org.openapitools:openapi-generator-maven-plugin:"
        + "7.25.0:generate (asana) on project asana-connector-generated: Code generation failed. See above for "
        + "the full exception.\n");
    assertEquals("generated code generation failed", log.failures.get(0).describe());
    assertEquals("generated/TasksApi.java", BuildLog.shortPath(
        "/tmp/t/generated/target/generated-sources/openapi/src/main/java/dev/asanaconnector/generated/api/TasksApi.java"));
    assertFalse(BuildLog.parse("[INFO] BUILD SUCCESS\n").failed());
  }
}
