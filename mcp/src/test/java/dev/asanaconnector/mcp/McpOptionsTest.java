package dev.asanaconnector.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's refusals: each is exit status 2 and one line on stderr, before anything is served. */
class McpOptionsTest {
  @Test
  void aNonLoopbackBindWithoutASecretIsRefused() {
    Run run = run(Map.of(), "--sandbox", "--http", "0", "--host", "0.0.0.0");

    assertEquals(AsanaMcpServer.USAGE, run.status);
    assertEquals("asana-mcp: --host 0.0.0.0 is not a loopback address: other machines could connect, so a bearer "
        + "secret is required (--http-secret or ASANA_MCP_SECRET)\n", run.stderr);
  }

  @Test
  void aShortSecretIsRefusedWithoutShowingIt() {
    Run fromOption = run(Map.of(), "--sandbox", "--http", "0", "--http-secret", "hunter2");
    Run fromEnvironment = run(Map.of("ASANA_MCP_SECRET", "hunter2"), "--sandbox", "--http", "0");

    for (Run run : new Run[] {fromOption, fromEnvironment}) {
      assertEquals(AsanaMcpServer.USAGE, run.status);
      assertTrue(run.stderr.contains("must be at least 16 characters"), run.stderr);
      assertFalse(run.stderr.contains("hunter2"), run.stderr);
    }
  }

  @Test
  void httpOptionsWithoutHttpAreRefused() {
    Run run = run(Map.of(), "--sandbox", "--host", "127.0.0.1");

    assertEquals(AsanaMcpServer.USAGE, run.status);
    assertEquals("asana-mcp: --host, --http-secret and --allow-origin go with --http PORT\n", run.stderr);
  }

  @Test
  void aTinyOutputCapIsRefused() {
    Run run = run(Map.of(), "--sandbox", "--max-output-chars", "500");

    assertEquals(AsanaMcpServer.USAGE, run.status);
    assertEquals("asana-mcp: --max-output-chars must be at least 2000, was 500\n", run.stderr);
  }

  @Test
  void noCredentialsAreRefusedNamingWhereTheyComeFrom() {
    Run run = run(Map.of());

    assertEquals(AsanaMcpServer.USAGE, run.status);
    assertTrue(run.stderr.contains("pass --token or set ASANA_TOKEN, or set ASANA_CLIENT_ID, ASANA_CLIENT_SECRET "
        + "and ASANA_REFRESH_TOKEN"), run.stderr);
  }

  @Test
  void aPlainHttpBaseUrlToAnotherMachineIsRefusedWithoutShowingTheToken() {
    Run run = run(Map.of("ASANA_TOKEN", "1/secret-token-value"), "--base-url", "http://asana.example/api/1.0/");

    assertEquals(AsanaMcpServer.USAGE, run.status);
    assertTrue(run.stderr.startsWith("asana-mcp: --base-url must use https"), run.stderr);
    assertFalse(run.stderr.contains("secret-token-value"), run.stderr);
  }

  @Test
  void helpListsTheOptionsAndServesNothing() {
    Run run = run(Map.of(), "--help");

    assertEquals(AsanaMcpServer.OK, run.status);
    for (String option : new String[] {"--sandbox", "--allow-writes", "--token", "--http", "--host", "--http-secret",
        "--allow-origin", "--max-output-chars"}) {
      assertTrue(run.stderr.contains(option), option + " in " + run.stderr);
    }
    assertEquals("", run.stdout, "stdout is the protocol's, even for help");
  }

  @Test
  void unknownOptionsAndMissingOrBadValuesAreNamed() {
    assertEquals("asana-mcp: unknown option --colour (--help lists them)\n", run(Map.of(), "--colour=red").stderr);
    assertEquals("asana-mcp: --token needs a value\n", run(Map.of(), "--token", "--sandbox").stderr);
    assertEquals("asana-mcp: --http must be a whole number, was 'eighty'\n",
        run(Map.of(), "--http", "eighty").stderr);
    assertEquals("asana-mcp: --sandbox takes no value\n", run(Map.of(), "--sandbox=yes").stderr);
    assertEquals(AsanaMcpServer.USAGE, run(Map.of(), "--colour", "red").status);
  }

  private record Run(int status, String stdout, String stderr) {
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AsanaMcpServer.run(args, new ByteArrayInputStream(new byte[0]), out,
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
