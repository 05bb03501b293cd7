package dev.asanaconnector.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmarks' data lives: a sandbox's API base URL and token, and the gids each scenario
 * reads. Passed to JMH forks as system properties and to child JVMs as arguments.
 *
 * @param baseUrl the API base URL with a trailing slash, e.g. {@code http://127.0.0.1:PORT/api/1.0/}
 * @param token a personal access token the sandbox accepts
 * @param projectGid the project that pagination lists (10,000 tasks)
 * @param taskGid the task that single gets fetch
 * @param attachmentGid the attachment that downloads fetch (may be empty)
 */
public record Target(String baseUrl, String token, String projectGid, String taskGid, String attachmentGid) {
  private static final String PREFIX = "bench.";

  public Target {
    baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  /** The same target, listing another project. */
  public Target withProject(String gid) {
    return new Target(baseUrl, token, gid, taskGid, attachmentGid);
  }

  /** {@code -Dbench.*} options for a JVM that reads them back with {@link #fromSystemProperties()}. */
  public List<String> jvmArgs() {
    List<String> args = new ArrayList<>();
    args.add("-D" + PREFIX + "baseUrl=" + baseUrl);
    args.add("-D" + PREFIX + "token=" + token);
    args.add("-D" + PREFIX + "project=" + projectGid);
    args.add("-D" + PREFIX + "task=" + taskGid);
    args.add("-D" + PREFIX + "attachment=" + attachmentGid);
    return args;
  }

  public static Target fromSystemProperties() {
    return new Target(require("baseUrl"), require("token"), require("project"), require("task"),
        System.getProperty(PREFIX + "attachment", ""));
  }

  /** As command-line arguments: baseUrl token project task attachment. */
  public List<String> args() {
    return List.of(baseUrl, token, projectGid, taskGid, attachmentGid.isEmpty() ? "-" : attachmentGid);
  }

  public static Target fromArgs(String[] args, int from) {
    return new Target(args[from], args[from + 1], args[from + 2], args[from + 3],
        args[from + 4].equals("-") ? "" : args[from + 4]);
  }

  private static String require(String name) {
    String value = System.getProperty(PREFIX + name);
    if (value == null) {
      throw new IllegalStateException("system property " + PREFIX + name + " is not set: run through scripts/bench");
    }
    return value;
  }
}
