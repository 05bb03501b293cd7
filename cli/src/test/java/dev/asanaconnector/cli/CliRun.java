package dev.asanaconnector.cli;

import com.squareup.moshi.JsonAdapter;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.sandbox.AsanaSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, as the tests need it, and keeps what it printed. */
final class CliRun {
  private static final JsonAdapter<Object> JSON = AsanaJson.moshi().adapter(Object.class);

  private CliRun() {
  }

  /** One run: its exit status, stdout as bytes, stderr as text. */
  record Result(int status, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Stdout as one JSON document (fails the test if it is not one). */
    Map<?, ?> json() {
      return parse(out());
    }

    List<?> records() {
      return (List<?>) json().get("data");
    }

    Map<?, ?> meta() {
      return (Map<?, ?>) json().get("meta");
    }
  }

  static Map<?, ?> parse(String text) {
    try {
      return (Map<?, ?>) JSON.fromJson(text);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("not one JSON document: " + text, e);
    }
  }

  /** Runs {@code args} with {@code env} as the environment; {@code terminal}: whether stderr is one. */
  static Result run(boolean terminal, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AsanaCli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), env, terminal);
    return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code words} against {@code sandbox} with its token. */
  static Result api(AsanaSandbox sandbox, boolean terminal, String... words) {
    List<String> args = new ArrayList<>(List.of("--base-url", sandbox.baseUrl().toString(), "--token",
        sandbox.token()));
    args.addAll(List.of(words));
    return run(terminal, Map.of(), args.toArray(new String[0]));
  }
}
