package dev.asanaconnector.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/update-spec in a scratch copy of the working tree: nothing changes when the version is already
 * pinned or when the check fails; the pin moves (commit, URL, sha256, date, operations) when it passes.
 */
class UpdateSpecScriptTest {
  @TempDir
  Path scratch;

  private Path repo;

  private Path copy(boolean withCore) throws IOException {
    repo = Files.createDirectories(scratch.resolve("repo"));
    Scripts.copyWorkingTree(repo);
    Path pinnedSpec = Scripts.root().resolve("openapi/spec/asana_oas.yaml");
    assumeTrue(Files.isRegularFile(pinnedSpec), "run scripts/fetch-spec first");
    Files.createDirectories(repo.resolve("openapi/spec"));
    Files.copy(pinnedSpec, repo.resolve("openapi/spec/asana_oas.yaml"));
    if (!withCore) {
      // The library without core: the pin's mechanics do not depend on what core is doing today.
      Path pom = repo.resolve("pom.xml");
      Files.writeString(pom, Files.readString(pom).replace("<module>core</module>", ""));
      try (Stream<Path> files = Files.walk(repo.resolve("core"))) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return repo;
  }

  private String pin() throws IOException {
    return Files.readString(repo.resolve("openapi/spec.properties"));
  }

  @Test
  void alreadyPinnedUnknownAndMissingVersionsChangeNothing() throws IOException {
    copy(true);
    String before = pin();
    Path pinnedCopy = Scripts.root().resolve("openapi/spec/asana_oas.yaml");

    Scripts.Result same = Scripts.run(repo, "scripts/update-spec", "--file", pinnedCopy.toString());
    assertEquals(0, same.exit(), same.all());
    assertTrue(same.err().contains("already the pinned version"), same.all());

    Path shared = Scripts.root().resolve("../shared/openapi/asana_oas-2026-06-11.yaml").normalize();
    if (Files.isRegularFile(shared)) {
      Scripts.Result pinned = Scripts.run(repo, "scripts/update-spec", "--file", shared.toString());
      assertEquals(0, pinned.exit(), pinned.all());
      assertTrue(pinned.err().contains("already the pinned version"), pinned.all());
    }
    Scripts.Result missing = Scripts.run(repo, "scripts/update-spec", "--file", scratch.resolve("nope.yaml").toString());
    assertEquals(1, missing.exit(), missing.all());
    assertTrue(missing.err().contains("the pin is unchanged"), missing.all());
    Scripts.Result badCommit = Scripts.run(repo, "scripts/update-spec", "--commit", "abc");
    assertEquals(1, badCommit.exit(), badCommit.all());
    Scripts.Result usage = Scripts.run(repo, "scripts/update-spec", "--bogus");
    assertEquals(2, usage.exit(), usage.all());
    assertEquals(before, pin());
  }

  @Test
  void failingCheckChangesNothingAndPassingCheckMovesThePin() throws IOException {
    Path older = Scripts.olderSpec();
    assumeTrue(Files.isRegularFile(older), "no older spec at " + older);
    copy(false);
    String before = pin();
    String pinnedSha = Scripts.sha256(repo.resolve("openapi/spec/asana_oas.yaml"));
    int pinnedCount = Scripts.operationIds(repo.resolve("openapi/spec/asana_oas.yaml")).size();

    // A "version" that cannot be generated from, listed in a README as Asana's shared folder lists them.
    Path broken = Files.createDirectories(scratch.resolve("broken"));
    Files.writeString(broken.resolve("asana_oas-broken.yaml"), "openapi: 3.0.0\npaths: {/x: [\n");
    Files.writeString(broken.resolve("README.md"), "| file | commit | date | sha256 |\n| `asana_oas-broken.yaml` | "
        + "0123456789abcdef0123456789abcdef01234567 | 2030-01-01 | "
        + Scripts.sha256(broken.resolve("asana_oas-broken.yaml")) + " |\n");
    Scripts.Result failed = Scripts.run(repo, "scripts/update-spec", "--file",
        broken.resolve("asana_oas-broken.yaml").toString());
    assertEquals(1, failed.exit(), failed.all());
    assertTrue(failed.err().contains("the pin is unchanged"), failed.all());
    assertEquals(before, pin());
    assertEquals(pinnedSha, Scripts.sha256(repo.resolve("openapi/spec/asana_oas.yaml")));

    Scripts.Result moved = Scripts.run(repo, "scripts/update-spec", "--file", older.toString());
    System.out.printf("update-spec --file %s (without core): exit %d in %d s%n%s%n", older, moved.exit(),
        moved.seconds(), moved.all());
    assertEquals(0, moved.exit(), moved.all());
    assertTrue(moved.lastLine().matches("operations: " + pinnedCount + " pinned, 192 new, \\+\\d+ added, "
        + "-\\d+ removed, ~\\d+ changed; core: OK"), moved.lastLine());
    String after = pin();
    assertNotEquals(before, after);
    String sha = Scripts.sha256(older);
    assertTrue(after.contains("\nspec.commit=bd29a88217b8e0982d11e445b9f05ce038f50fb3\n"), after);
    assertTrue(after.contains("\nspec.date=2025-06-30\n"), after);
    assertTrue(after.contains("\nspec.url=https://raw.githubusercontent.com/Asana/openapi/"
        + "bd29a88217b8e0982d11e445b9f05ce038f50fb3/defs/asana_oas.yaml\n"), after);
    assertTrue(after.contains("\nspec.sha256=" + sha + "\n"), after);
    assertTrue(after.contains("\nspec.operations=192\n"), after);
    // Only the five values changed: the comments are kept.
    List<String> beforeComments = before.lines().filter(l -> l.startsWith("#")).toList();
    assertEquals(beforeComments, after.lines().filter(l -> l.startsWith("#")).toList());
    assertEquals(sha, Scripts.sha256(repo.resolve("openapi/spec/asana_oas.yaml")), "the new spec is in place");
  }
}
