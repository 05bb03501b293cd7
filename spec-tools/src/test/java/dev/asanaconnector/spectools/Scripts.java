package dev.asanaconnector.spectools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the project's scripts from tests, and a few file helpers. */
final class Scripts {
  private Scripts() {
  }

  /** The repository root (surefire passes it as {@code asana.root}). */
  static Path root() {
    return Path.of(System.getProperty("asana.root", "..")).toAbsolutePath().normalize();
  }

  /** The older spec version the project keeps beside the repository, for these checks. */
  static Path olderSpec() {
    return root().resolve("../shared/openapi/asana_oas-2025-06-30.yaml").normalize();
  }

  record Result(int exit, List<String> out, String err, long seconds) {
    String lastLine() {
      return out.isEmpty() ? "" : out.get(out.size() - 1);
    }

    String all() {
      return String.join("\n", out) + "\n--- stderr ---\n" + err;
    }
  }

  static Result run(Path directory, String... command) {
    try {
      Path out = Files.createTempFile("spec-tools-out", ".txt");
      Path err = Files.createTempFile("spec-tools-err", ".txt");
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      process.getOutputStream().close();
      if (!process.waitFor(9, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 9 minutes");
      }
      Result result = new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000_000L);
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The operationIds of a spec by a plain scan of its {@code operationId:} lines (independent of the differ). */
  static Set<String> operationIds(Path spec) {
    try (Stream<String> lines = Files.lines(spec, StandardCharsets.UTF_8)) {
      return lines.map(String::trim).filter(l -> l.startsWith("operationId:"))
          .map(l -> l.substring("operationId:".length()).trim().replaceAll("^['\"]|['\"]$", ""))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A copy of the working tree (what git would see: tracked and untracked files, not ignored ones). */
  static void copyWorkingTree(Path target) {
    Result result = run(root(), "bash", "-c", "git ls-files -z --cached --others --exclude-standard "
        + "| tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C '" + target + "'");
    if (result.exit() != 0) {
      throw new AssertionError("copying the working tree failed: " + result.all());
    }
  }
}
