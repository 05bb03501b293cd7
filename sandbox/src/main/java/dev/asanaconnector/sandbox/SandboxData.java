package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Read access to the seeded data, so tests can address real objects and compute expected answers.
 * Gids are Asana-style numeric strings. Lists are immutable and in the order the API lists them.
 *
 * <p>What is there (default options): an organization workspace "Acme Corp" (premium) and a personal,
 * non-premium workspace; 3 teams; 10 users ({@link #meGid()} is the token's user); 20 projects spread
 * over the teams (3 archived), each with 3 to 5 sections; 10 tags; 250 tasks per project plus subtasks,
 * with dependencies, attachments (Asana-hosted and external) and one {@link #richTaskGid() rich task};
 * optionally a big project and a big attachment, both generated on the fly.
 *
 * <p>Answers reflect the writes made so far (created objects included; deleted ones are gone).
 */
public final class SandboxData {

  /**
   * One regular task as the API renders it: timestamps as ISO-8601 strings with milliseconds
   * ({@code 2025-03-04T10:11:12.345Z}), dates as {@code yyyy-MM-dd}, absent values as null.
   */
  public record TaskInfo(String gid, String name, String resourceSubtype, String notes, boolean completed,
      String completedAt, String createdAt, String modifiedAt, String dueOn, String dueAt, String startOn,
      String assigneeGid, String createdByGid, String parentGid, List<String> projectGids,
      List<String> sectionGids, List<String> tagGids, List<String> followerGids, List<String> subtaskGids,
      List<String> dependencyGids, List<String> dependentGids, List<String> attachmentGids, int numLikes,
      boolean blocked, String workspaceGid) {}

  private final Model m;
  private record Infos(long version, List<TaskInfo> list) {}

  private volatile Infos taskInfos;

  SandboxData(Model m) {
    this.m = m;
  }

  private static List<String> gids(List<? extends Resource> rs) {
    List<String> out = new ArrayList<>(rs.size());
    for (Resource r : rs) {
      out.add(r.gid);
    }
    return List.copyOf(out);
  }

  /** Callers hold the model's read lock (it is not reentrant: never take it twice). */
  private <T extends Resource> T get(String gid, Class<T> type) {
    T r = m.find(gid, type);
    if (r == null) {
      throw new NoSuchElementException("no " + type.getSimpleName().toLowerCase() + " with gid " + gid);
    }
    return r;
  }

  /** The seed the data was generated from. */
  public long seed() {
    return m.seed;
  }

  /** The organization workspace (is_organization true; premium unless built with premium(false)). */
  public String workspaceGid() {
    return m.organization.gid;
  }

  /** The second workspace: personal, not an organization, never premium (search answers 402). */
  public String personalWorkspaceGid() {
    return m.personal.gid;
  }

  /** Both workspaces, as GET /workspaces lists them. */
  public List<String> workspaceGids() {
    return m.read(() -> gids(m.workspaces));
  }

  /** The organization's three teams. */
  public List<String> teamGids() {
    return m.read(() -> gids(m.teams));
  }

  /** The ten users of the organization. */
  public List<String> userGids() {
    return m.read(() -> gids(m.users));
  }

  /** The user behind the token ("me"). */
  public String meGid() {
    return m.me.gid;
  }

  /** The members of a team. */
  public List<String> teamMemberGids(String teamGid) {
    return m.read(() -> gids(get(teamGid, Model.Team.class).members));
  }

  /** The organization's 20 regular projects (archived included, big project excluded). */
  public List<String> projectGids() {
    return m.read(() -> {
      List<String> out = new ArrayList<>();
      for (Project p : m.organization.projects) {
        if (p.bigCount == 0) {
          out.add(p.gid);
        }
      }
      return List.copyOf(out);
    });
  }

  /** The archived ones among {@link #projectGids()}. */
  public List<String> archivedProjectGids() {
    return m.read(() -> {
      List<String> out = new ArrayList<>();
      for (Project p : m.projects) {
        if (p.archived) {
          out.add(p.gid);
        }
      }
      return List.copyOf(out);
    });
  }

  /** The personal workspace's project (12 tasks). */
  public String personalProjectGid() {
    return m.read(() -> m.personal.projects.get(0).gid);
  }

  /** The projects of a team, as GET /teams/{gid}/projects lists them. */
  public List<String> teamProjectGids(String teamGid) {
    return m.read(() -> gids(get(teamGid, Model.Team.class).projects));
  }

  /** A project's sections in order. */
  public List<String> sectionGids(String projectGid) {
    return m.read(() -> gids(get(projectGid, Project.class).sections));
  }

  /** A regular project's tasks, in the order GET /tasks?project= lists them (multi-homed tasks included). */
  public List<String> taskGids(String projectGid) {
    return m.read(() -> {
      Project p = get(projectGid, Project.class);
      if (p.bigCount > 0) {
        throw new IllegalArgumentException("the big project's tasks are generated: use bigProjectTaskGid(index)");
      }
      return gids(p.tasks);
    });
  }

  /** The tasks of a section of a regular project, in list order. */
  public List<String> sectionTaskGids(String sectionGid) {
    return m.read(() -> gids(get(sectionGid, Model.Section.class).tasks));
  }

  /** The organization's tags. */
  public List<String> tagGids() {
    return m.read(() -> gids(m.organization.tags));
  }

  /** Every regular task of both workspaces (subtasks included, big project excluded). */
  public int taskCount() {
    return m.read(() -> m.tasks.size());
  }

  /** All regular tasks (subtasks included, big project excluded), in creation order. */
  public List<TaskInfo> tasks() {
    Infos t = taskInfos;
    if (t == null || t.version() != m.version()) {
      t = m.read(() -> {
        List<TaskInfo> out = new ArrayList<>(m.tasks.size());
        for (Task task : m.tasks) {
          out.add(info(task));
        }
        return new Infos(m.version(), List.copyOf(out));
      });
      taskInfos = t;
    }
    return t.list();
  }

  /** One task (big-project tasks too). */
  public TaskInfo task(String gid) {
    return m.read(() -> info(get(gid, Task.class)));
  }

  private static String time(long ms) {
    return ms == Times.NONE ? null : Times.iso(ms);
  }

  private static String day(int d) {
    return d == Times.NO_DAY ? null : Times.date(d);
  }

  private static TaskInfo info(Task t) {
    return new TaskInfo(t.gid, t.name, t.resourceSubtype, t.notes, t.completed, time(t.completedAt),
        time(t.createdAt), time(t.modifiedAt), day(t.dueOn), time(t.dueAt), day(t.startOn),
        t.assignee == null ? null : t.assignee.gid, t.createdBy == null ? null : t.createdBy.gid,
        t.parent == null ? null : t.parent.gid, gids(t.projects), gids(t.sections), gids(t.tags),
        gids(t.followers), gids(t.subtasks), gids(t.dependencies), gids(t.dependents), gids(t.attachments),
        t.likes.size(), t.isBlocked(), t.workspace.gid);
  }

  /**
   * A task that has everything: 3 subtasks (the first with a subtask of its own), 2 dependencies,
   * 2 dependents, tags, followers, likes and 4 attachments (2 hosted by Asana, 1 gdrive, 1 dropbox).
   */
  public String richTaskGid() {
    return m.richTask.gid;
  }

  /** A timestamp (as rendered) that {@link #tiedCreatedAtCount()} tasks share: a bulk import. */
  public String tiedCreatedAt() {
    return m.tiedCreatedAt;
  }

  /** How many tasks share {@link #tiedCreatedAt()} (25; no other created_at tie is larger). */
  public int tiedCreatedAtCount() {
    return m.tiedCreatedAtCount;
  }

  // ---- big project ----

  /** The big project's gid, or null when built without bigProjectTasks. */
  public String bigProjectGid() {
    return m.big == null ? null : m.big.gid;
  }

  /** The big project's task count (0 when none). */
  public int bigProjectTaskCount() {
    return m.big == null ? 0 : m.big.bigCount;
  }

  /** The gid of big-project task #index (0-based, in list order). */
  public String bigProjectTaskGid(int index) {
    if (m.big == null || index < 0 || index >= m.big.bigCount) {
      throw new IndexOutOfBoundsException("big project task " + index);
    }
    return Long.toString(m.bigBaseId + index);
  }

  // ---- attachments ----

  /** Every attachment (the big one included, when configured). */
  public List<String> attachmentGids() {
    return m.read(() -> gids(m.attachments));
  }

  /** The attachments of a task, as GET /attachments?parent= lists them. */
  public List<String> attachmentGids(String taskGid) {
    return m.read(() -> gids(get(taskGid, Task.class).attachments));
  }

  /** Attachments hosted by Asana (download_url set, bytes downloadable), the big one excluded. */
  public List<String> downloadableAttachmentGids() {
    return m.read(() -> {
      List<String> out = new ArrayList<>();
      for (Attachment a : m.attachments) {
        if (a.downloadable() && a != m.bigAttachment) {
          out.add(a.gid);
        }
      }
      return List.copyOf(out);
    });
  }

  /** Attachments on external hosts (gdrive, dropbox, box, onedrive): download_url null, view_url set. */
  public List<String> externalAttachmentGids() {
    return m.read(() -> {
      List<String> out = new ArrayList<>();
      for (Attachment a : m.attachments) {
        if (!a.downloadable()) {
          out.add(a.gid);
        }
      }
      return List.copyOf(out);
    });
  }

  /** The big attachment's gid, or null when built without bigAttachmentBytes. */
  public String bigAttachmentGid() {
    return m.bigAttachment == null ? null : m.bigAttachment.gid;
  }

  /** An attachment's size in bytes (0 for external ones). */
  public long attachmentSize(String gid) {
    return m.read(() -> {
      Attachment a = get(gid, Attachment.class);
      return a.downloadable() ? a.size : 0;
    });
  }

  /** An attachment's name. */
  public String attachmentName(String gid) {
    return m.read(() -> get(gid, Attachment.class).name);
  }

  private Attachment downloadable(String gid) {
    Attachment a = m.read(() -> get(gid, Attachment.class));
    if (!a.downloadable()) {
      throw new IllegalArgumentException("attachment " + gid + " is on " + a.host + ": no bytes");
    }
    return a;
  }

  /** The attachment's content as a stream (exactly what the download host serves): generated, or as uploaded. */
  public InputStream attachmentStream(String gid) {
    Attachment a = downloadable(gid);
    return a.uploaded != null ? StoredBytes.stream(a.uploaded) : Content.stream(DownloadHandler.key(m.seed, a), a.size);
  }

  /** {@code length} bytes of the attachment's content from {@code offset}. */
  public byte[] attachmentBytes(String gid, long offset, int length) {
    Attachment a = downloadable(gid);
    if (offset < 0 || length < 0 || offset + length > a.size) {
      throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside 0.." + a.size);
    }
    byte[] out = new byte[length];
    if (a.uploaded != null) {
      StoredBytes.read(a.uploaded, offset, out, 0, length);
    } else {
      Content.fill(DownloadHandler.key(m.seed, a), offset, out, 0, length);
    }
    return out;
  }

  /** The whole attachment's bytes; only for attachments up to 64 MiB (use the stream or checksum otherwise). */
  public byte[] attachmentBytes(String gid) {
    long size = attachmentSize(gid);
    if (size > 64L << 20) {
      throw new IllegalArgumentException("attachment " + gid + " has " + size + " bytes: use attachmentStream/attachmentSha256");
    }
    return attachmentBytes(gid, 0, (int) size);
  }

  /** Lower-case hex SHA-256 of the attachment's content, computed by streaming it. */
  public String attachmentSha256(String gid) {
    try (InputStream in = attachmentStream(gid)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
