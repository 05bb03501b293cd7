package dev.asanaconnector.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * The sandbox's object graph. Built by {@link DataGenerator}, then read by many threads at once and
 * changed by the write endpoints (through {@link Graph}): every access holds {@link #read} or
 * {@link #write}. The big project's tasks are derived on demand from their index, never stored, and
 * read-only.
 */
final class Model {

  abstract static class Resource {
    final String gid;
    final long id;
    String name;
    /** Cached compact JSON ({gid, name, resource_type[, resource_subtype]}). */
    byte[] compact;

    Resource(long id) {
      this.id = id;
      this.gid = Long.toString(id);
    }

    abstract String type();

    String subtype() {
      return null;
    }
  }

  static final class Workspace extends Resource {
    boolean organization;
    boolean premium;
    List<String> emailDomains = List.of();
    final List<Team> teams = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();
    /** Every regular task of the workspace (subtasks included), in creation order. */
    final List<Task> tasks = new ArrayList<>();
    final Map<User, List<Task>> byAssignee = new HashMap<>();

    Workspace(long id) {
      super(id);
    }

    @Override
    String type() {
      return "workspace";
    }
  }

  static final class Team extends Resource {
    Workspace workspace;
    String description;
    String visibility;
    final List<User> members = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();

    Team(long id) {
      super(id);
    }

    @Override
    String type() {
      return "team";
    }
  }

  static final class User extends Resource {
    String email;
    boolean hasPhoto;
    final List<Workspace> workspaces = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();

    User(long id) {
      super(id);
    }

    @Override
    String type() {
      return "user";
    }
  }

  static final class Project extends Resource {
    Workspace workspace;
    Team team;
    boolean archived;
    String color;
    String notes = "";
    /** Set when the notes were written as HTML; null renders the plain notes as HTML. */
    String htmlNotes;
    String defaultView = "list";
    String icon = "list";
    long createdAt;
    long modifiedAt;
    int dueOn = Times.NO_DAY;
    int startOn = Times.NO_DAY;
    User owner;
    String privacy = "public_to_workspace";
    final List<User> members = new ArrayList<>();
    final List<User> followers = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();
    /** Regular projects: their tasks in project order. Empty for the big project. */
    final List<Task> tasks = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>(0);
    /** > 0 only for the big project, whose tasks are generated from their index. */
    int bigCount;

    Project(long id) {
      super(id);
    }

    @Override
    String type() {
      return "project";
    }
  }

  static final class Section extends Resource {
    Project project;
    long createdAt;
    final List<Task> tasks = new ArrayList<>();
    /** The big project's sections cover index ranges [bigFrom, bigTo). */
    int bigFrom;
    int bigTo;

    Section(long id) {
      super(id);
    }

    @Override
    String type() {
      return "section";
    }
  }

  static final class Tag extends Resource {
    Workspace workspace;
    String color;
    String notes = "";
    long createdAt;
    final List<User> followers = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();

    Tag(long id) {
      super(id);
    }

    @Override
    String type() {
      return "tag";
    }
  }

  static final class Task extends Resource {
    String resourceSubtype = "default_task";
    String approvalStatus;
    String notes = "";
    /** Set when the notes were written as HTML; null renders the plain notes as HTML. */
    String htmlNotes;
    boolean completed;
    long completedAt = Times.NONE;
    User completedBy;
    long createdAt;
    long modifiedAt;
    int dueOn = Times.NO_DAY;
    long dueAt = Times.NONE;
    int startOn = Times.NO_DAY;
    long startAt = Times.NONE;
    User assignee;
    User createdBy;
    Workspace workspace;
    Task parent;
    /** Memberships: projects[i] with sections[i]. */
    List<Project> projects = new ArrayList<>(1);
    List<Section> sections = new ArrayList<>(1);
    List<Tag> tags = Collections.emptyList();
    List<User> followers = Collections.emptyList();
    List<User> likes = Collections.emptyList();
    List<Task> subtasks = Collections.emptyList();
    List<Task> dependencies = Collections.emptyList();
    List<Task> dependents = Collections.emptyList();
    List<Attachment> attachments = Collections.emptyList();
    List<Story> stories = Collections.emptyList();
    /** Lower-cased name and notes, for text search (computed on first use). */
    private String searchText;

    /** Forgets the cached search text and compact record after the name, notes or subtype changed. */
    void changed() {
      searchText = null;
      compact = null;
    }

    String searchText() {
      String s = searchText;
      if (s == null) {
        s = (name + "\n" + notes).toLowerCase(java.util.Locale.ROOT);
        searchText = s;
      }
      return s;
    }

    Task(long id) {
      super(id);
    }

    @Override
    String type() {
      return "task";
    }

    @Override
    String subtype() {
      return resourceSubtype;
    }

    boolean isBlocked() {
      for (Task d : dependencies) {
        if (!d.completed) {
          return true;
        }
      }
      return false;
    }
  }

  static final class Attachment extends Resource {
    /** A task or a project. */
    Resource parent;
    /** asana, gdrive, dropbox, box, onedrive. */
    String host;
    long size;
    long createdAt;
    String contentType;
    /** For external hosts: the view URL on that host. */
    String externalUrl;
    /** An uploaded file's bytes (never changed once stored); null for generated content. */
    okio.Buffer uploaded;

    Attachment(long id) {
      super(id);
    }

    @Override
    String type() {
      return "attachment";
    }

    @Override
    String subtype() {
      return host;
    }

    boolean downloadable() {
      return "asana".equals(host);
    }
  }

  /** A comment on a task (the only kind of story the API can create). */
  static final class Story extends Resource {
    Task task;
    User createdBy;
    long createdAt;
    String text;
    /** Set when the comment was written as HTML; null renders the text as HTML. */
    String htmlText;
    boolean pinned;

    Story(long id) {
      super(id);
    }

    @Override
    String type() {
      return "story";
    }

    @Override
    String subtype() {
      return "comment_added";
    }
  }

  // ---- the graph ----

  final long seed;
  final List<Workspace> workspaces = new ArrayList<>();
  final List<Team> teams = new ArrayList<>();
  final List<User> users = new ArrayList<>();
  final List<Project> projects = new ArrayList<>();
  final List<Tag> tags = new ArrayList<>();
  final List<Task> tasks = new ArrayList<>();
  final List<Attachment> attachments = new ArrayList<>();
  final Map<String, Resource> byGid = new HashMap<>();
  User me;
  Workspace organization;
  Workspace personal;
  Task richTask;
  Attachment bigAttachment;
  String tiedCreatedAt;
  int tiedCreatedAtCount;

  /** The big project (null when not configured) and its generator parameters. */
  Project big;
  long bigBaseId;
  long bigStart;

  /** Guards the whole graph: reads share it, writes hold it alone (so a write is atomic for readers). */
  private final StampedLock lock = new StampedLock();
  /** Bumped by every write, so caches of derived data know when to rebuild. */
  private volatile long version;
  private long nextNewId;

  Model(long seed) {
    this.seed = seed;
    // Created objects get gids from a range of their own, away from generated and big-project gids.
    this.nextNewId = 1_400_000_000_000_000L + Math.floorMod(Mix.mix64(seed ^ 0x9E7L), 1_000_000_000L) * 1000L;
  }

  <T> T read(Supplier<T> body) {
    long stamp = lock.readLock();
    try {
      return body.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  <T> T write(Supplier<T> body) {
    long stamp = lock.writeLock();
    try {
      return body.get();
    } finally {
      version++;
      lock.unlockWrite(stamp);
    }
  }

  long version() {
    return version;
  }

  /** A fresh gid for a created object (under {@link #write}); deterministic for a given seed and history. */
  long newId() {
    do {
      nextNewId += 1 + Math.floorMod(Mix.mix64(nextNewId), 97);
    } while (byGid.containsKey(Long.toString(nextNewId)));
    return nextNewId;
  }

  void unregister(Resource r) {
    byGid.remove(r.gid, r);
  }

  void register(Resource r) {
    if (byGid.put(r.gid, r) != null) {
      throw new IllegalStateException("duplicate gid " + r.gid);
    }
  }

  /** Any object by gid, including the big project's lazily generated tasks; null if unknown. */
  Resource find(String gid) {
    Resource r = byGid.get(gid);
    if (r != null || big == null) {
      return r;
    }
    long id = parseId(gid);
    if (id >= bigBaseId && id < bigBaseId + big.bigCount) {
      return bigTask((int) (id - bigBaseId));
    }
    return null;
  }

  static long parseId(String gid) {
    int n = gid.length();
    if (n == 0 || n > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = gid.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  <T extends Resource> T find(String gid, Class<T> type) {
    Resource r = find(gid);
    return type.isInstance(r) ? type.cast(r) : null;
  }

  // ---- the big project: tasks derived from their index ----

  private static final String[] BIG_VERBS = {"Triage", "Verify", "Reconcile", "Archive", "Label", "Review",
      "Classify", "Check", "Migrate", "Tag", "Resolve", "Escalate"};
  private static final String[] BIG_OBJECTS = {"support ticket", "invoice batch", "customer record",
      "shipment", "bug report", "survey response", "contract clause", "lead", "asset", "expense report",
      "log entry", "translation string"};

  Section bigSection(int index) {
    for (Section s : big.sections) {
      if (index >= s.bigFrom && index < s.bigTo) {
        return s;
      }
    }
    return big.sections.get(big.sections.size() - 1);
  }

  private String bigName(int index, long h, long h2) {
    return BIG_VERBS[Mix.below(h, BIG_VERBS.length)] + " " + BIG_OBJECTS[Mix.below(h2, BIG_OBJECTS.length)]
        + " #" + (index + 1);
  }

  private static String bigSubtype(long h2) {
    return Mix.unit(h2) < 0.02 ? "milestone" : "default_task";
  }

  /** Writes big-project task #index's compact record without building the task (the hot path of paging). */
  void writeBigCompact(Json j, int index) {
    long h = Mix.mix(seed, 0xB16L, index);
    long h2 = Mix.mix64(h);
    j.beginObject();
    j.name("gid").value(Long.toString(bigBaseId + index));
    j.name("name").value(bigName(index, h, h2));
    j.name("resource_type").value("task");
    j.name("resource_subtype").value(bigSubtype(h2));
    j.endObject();
  }

  /** Generates big-project task #index; identical on every call. */
  Task bigTask(int index) {
    Task t = new Task(bigBaseId + index);
    long h = Mix.mix(seed, 0xB16L, index);
    long h2 = Mix.mix64(h);
    long h3 = Mix.mix64(h2);
    t.name = bigName(index, h, h2);
    t.notes = (h3 & 3) == 0 ? "Imported from the legacy tracker (row " + (index + 2) + ")." : "";
    t.workspace = big.workspace;
    // Creation time increases with the index (about a minute apart), with a tie every so often.
    int slot = (h & 0xF) == 0 && index > 0 ? index - 1 : index;
    t.createdAt = bigStart + slot * 61_000L + Mix.below(Mix.mix64(Mix.mix(seed, 0xB17L, slot)), 60_000);
    t.resourceSubtype = bigSubtype(h2);
    t.completed = Mix.unit(h3) < 0.3;
    if (t.completed) {
      t.completedAt = t.createdAt + 3_600_000L + Mix.below(h3, 20) * Times.DAY_MS / 4;
    }
    long modified = Math.max(t.createdAt, t.completed ? t.completedAt : Times.NONE);
    t.modifiedAt = (h2 & 7) == 0 ? modified : modified + Mix.below(Mix.mix64(h3), 7 * 86_400) * 1000L;
    if ((h3 & 0x30) != 0) {
      t.dueOn = Times.dayOf(t.createdAt) + 1 + Mix.below(h2 >>> 7, 30);
    }
    List<User> members = big.members.isEmpty() ? users : big.members;
    t.assignee = (h & 0x300) == 0 ? null : members.get(Mix.below(h >>> 13, members.size()));
    t.createdBy = members.get(Mix.below(h2 >>> 17, members.size()));
    if (t.completed) {
      t.completedBy = t.assignee != null ? t.assignee : t.createdBy;
    }
    t.projects = List.of(big);
    t.sections = List.of(bigSection(index));
    t.followers = t.assignee == null || t.assignee == t.createdBy ? List.of(t.createdBy) : List.of(t.createdBy, t.assignee);
    return t;
  }
}
