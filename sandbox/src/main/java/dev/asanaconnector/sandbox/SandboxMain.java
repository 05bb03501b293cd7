package dev.asanaconnector.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox for manual use and waits until interrupted (Ctrl-C).
 *
 * <pre>
 * java -cp ... dev.asanaconnector.sandbox.SandboxMain [--port=N] [--seed=N] [--tasks-per-project=N]
 *     [--big-project=N] [--big-attachment=BYTES] [--non-premium]
 * </pre>
 */
public final class SandboxMain {
  private SandboxMain() {}

  /** Entry point; see the class comment for the options. */
  public static void main(String[] args) throws InterruptedException {
    AsanaSandbox.Builder b = AsanaSandbox.builder();
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.startsWith("--port=")) {
        b.port(Integer.parseInt(value));
      } else if (arg.startsWith("--seed=")) {
        b.seed(Long.parseLong(value));
      } else if (arg.startsWith("--tasks-per-project=")) {
        b.tasksPerProject(Integer.parseInt(value));
      } else if (arg.startsWith("--big-project=")) {
        b.bigProjectTasks(Integer.parseInt(value.replace("_", "")));
      } else if (arg.startsWith("--big-attachment=")) {
        b.bigAttachmentBytes(Long.parseLong(value.replace("_", "")));
      } else if (arg.equals("--non-premium")) {
        b.premium(false);
      } else {
        System.err.println("usage: SandboxMain [--port=N] [--seed=N] [--tasks-per-project=N] [--big-project=N] "
            + "[--big-attachment=BYTES] [--non-premium]");
        System.exit(arg.equals("--help") || arg.equals("-h") ? 0 : 2);
      }
    }
    AsanaSandbox sandbox = b.build();
    sandbox.start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stop.countDown();
    }, "sandbox-shutdown"));
    SandboxData d = sandbox.data();
    System.out.println("Asana sandbox running (Ctrl-C to stop)");
    System.out.println("  base URL:      " + sandbox.baseUrl());
    System.out.println("  token:         " + sandbox.token());
    System.out.println("  token URL:     " + sandbox.tokenUrl() + "  (client " + sandbox.oauth().clientId()
        + " / " + sandbox.oauth().clientSecret() + ", refresh token " + sandbox.oauth().refreshToken() + ")");
    System.out.println("  downloads:     " + sandbox.downloadBaseUrl());
    System.out.println("  workspace:     " + d.workspaceGid() + "  (personal, non-premium: " + d.personalWorkspaceGid() + ")");
    System.out.println("  first project: " + d.projectGids().get(0) + "  rich task: " + d.richTaskGid());
    if (d.bigProjectGid() != null) {
      System.out.println("  big project:   " + d.bigProjectGid() + " (" + d.bigProjectTaskCount() + " tasks)");
    }
    if (d.bigAttachmentGid() != null) {
      System.out.println("  big attachment: " + d.bigAttachmentGid() + " (" + d.attachmentSize(d.bigAttachmentGid()) + " bytes)");
    }
    System.out.println("  try: curl -H 'Authorization: Bearer " + sandbox.token() + "' '" + sandbox.baseUrl()
        + "users/me'");
    System.out.flush();
    stop.await();
  }
}
