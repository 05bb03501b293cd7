package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.Team;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Builds the seeded, deterministic data set. Same seed and options, same gids, names and values. */
final class DataGenerator {
  static final long START = Times.millis("2024-01-08T09:00:00.000Z");
  /** The data set's "present": every timestamp is before it. */
  static final long END = Times.millis("2025-10-31T18:00:00.000Z");
  static final int PROJECTS = 20;
  static final int TEAMS = 3;
  static final int USERS = 10;
  /** Tasks of the "CSV import" in the second project that share one created_at. */
  static final int IMPORT_TIE = 25;

  private static final String[] USER_NAMES = {"Maria Garcia", "James Smith", "Priya Patel", "Wei Chen",
      "Olivia Johnson", "Lucas Martin", "Fatima Khan", "Noah Williams", "Sofia Rossi", "Kenji Tanaka"};
  private static final String[][] TEAM_INFO = {
      {"Engineering", "Builds and runs the product.", "public"},
      {"Marketing", "Campaigns, brand and the website.", "request_to_join"},
      {"Operations", "People, finance, facilities and vendors.", "secret"}};
  private static final String[] PROJECT_NAMES = {"Website Redesign", "Mobile App Launch",
      "Q3 Marketing Campaign", "Customer Onboarding", "Data Platform Migration", "Hiring Pipeline",
      "Office Move", "Security Audit 2025", "Brand Refresh", "Partner Integrations", "Billing Revamp",
      "Support Knowledge Base", "Annual Conference", "Product Roadmap 2025", "Infrastructure Cost Reduction",
      "Sales Enablement", "Localization", "Accessibility Review", "Legacy API Sunset", "Employee Handbook"};
  private static final String[][] SECTION_SETS = {
      {"To do", "In progress", "Done"},
      {"Backlog", "Next up", "In progress", "In review", "Done"},
      {"Untitled section", "Planning", "Execution", "Wrap-up"},
      {"Ideas", "Approved", "Scheduled", "Published"}};
  private static final String[] COLORS = {"dark-pink", "dark-green", "dark-blue", "dark-red", "dark-teal",
      "dark-brown", "dark-orange", "dark-purple", "dark-warm-gray", "light-pink", "light-green", "light-blue",
      "light-red", "light-teal", "light-brown", "light-orange", "light-purple", "light-warm-gray"};
  private static final String[] TAG_NAMES = {"urgent", "blocked-by-vendor", "customer-request", "tech-debt",
      "quick-win", "Q3", "Q4", "needs-design", "legal-review", "bug"};
  private static final String[] VERBS = {"Review", "Update", "Draft", "Fix", "Prepare", "Schedule", "Design",
      "Test", "Migrate", "Document", "Plan", "Analyze", "Refactor", "Approve", "Publish", "Audit", "Set up",
      "Follow up on", "Estimate", "Clean up", "Finalize", "Research", "Present", "Validate"};
  private static final String[] OBJECTS = {"Q3 budget", "landing page copy", "login flow", "vendor contract",
      "API rate limits", "release notes", "onboarding checklist", "pricing page", "database indexes",
      "press kit", "hiring scorecard", "quarterly OKRs", "invoice template", "SSO configuration",
      "customer survey", "error dashboards", "style guide", "payment retries", "kickoff agenda",
      "security questionnaire", "webinar slides", "support macros", "data retention policy", "CI pipeline",
      "mobile push notifications", "partner FAQ", "travel policy", "accessibility audit findings",
      "search relevance", "event venue shortlist"};
  private static final String[] SUFFIXES = {"", "", "", "", " for launch", " (v2)", " – follow-up",
      " before Friday", " with legal", " for EMEA", " draft 3"};
  /** Names that exercise escaping and UTF-8 on every client. */
  private static final String[] ODD_NAMES = {"Review \"Terms & Conditions\" draft",
      "Übersetzung prüfen – Café-Menü", "Ship 🚀 release notes", "日本語ローカライズの確認",
      "Fix C:\\temp path handling", "Line one\nline two of a pasted title", "<b>HTML</b> in a task name",
      "Emoji check ✅ 🎉 👍", "Tab\tseparated\tname", "Ünïcödé ñame with ümlauts"};
  private static final String[] NOTES = {"Please make sure the stakeholders sign off before we start.",
      "See the linked doc for the background and the open questions.",
      "Blocked until the vendor confirms the new dates.",
      "Numbers are in the shared sheet; double-check the Q2 column.",
      "Keep it short: one page, three bullet points.",
      "Ping @design if the mockups change again.",
      "Customer asked for this twice on the last call.",
      "Low priority, but a quick win if someone has a spare hour.",
      "Needs a second reviewer from the security team.",
      "Acceptance criteria:\n- works on mobile\n- no regressions in checkout\n- documented in the wiki"};
  private static final String[][] ATTACHMENT_KINDS = {
      {"pdf", "application/pdf"}, {"png", "image/png"}, {"jpg", "image/jpeg"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"csv", "text/csv"}, {"zip", "application/zip"}, {"txt", "text/plain"}};
  private static final String[] ATTACHMENT_STEMS = {"design-mockup", "contract", "meeting-notes", "budget",
      "Screenshot 2025-03-04 at 10.11.12", "requirements", "export", "brief", "invoice", "diagram"};
  private static final String[] EXTERNAL_HOSTS = {"gdrive", "dropbox", "box", "onedrive"};

  private final Model m;
  private final Random r;
  private final Random gids;
  private long nextId;
  private final int tasksPerProject;
  private final int bigProjectTasks;
  private final long bigAttachmentBytes;
  private final boolean premium;

  private DataGenerator(long seed, int tasksPerProject, int bigProjectTasks, long bigAttachmentBytes, boolean premium) {
    this.m = new Model(seed);
    this.r = new Random(seed);
    this.gids = new Random(Mix.mix64(seed ^ 0x6A09E667F3BCC909L));
    this.nextId = 1_201_000_000_000_000L + Math.floorMod(Mix.mix64(seed), 10_000_000_000L) * 1000L;
    this.tasksPerProject = tasksPerProject;
    this.bigProjectTasks = bigProjectTasks;
    this.bigAttachmentBytes = bigAttachmentBytes;
    this.premium = premium;
  }

  static Model generate(long seed, int tasksPerProject, int bigProjectTasks, long bigAttachmentBytes, boolean premium) {
    return new DataGenerator(seed, tasksPerProject, bigProjectTasks, bigAttachmentBytes, premium).build();
  }

  private long id() {
    nextId += 1 + gids.nextInt(997);
    return nextId;
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private <T> T pick(T[] array) {
    return array[r.nextInt(array.length)];
  }

  private long between(long from, long to) {
    if (to <= from) {
      return from;
    }
    return from + (long) (r.nextDouble() * (to - from));
  }

  private Model build() {
    Workspace org = new Workspace(id());
    org.name = "Acme Corp";
    org.organization = true;
    org.premium = premium;
    org.emailDomains = List.of("acme.example");
    m.organization = org;
    m.workspaces.add(org);
    m.register(org);

    Workspace personal = new Workspace(id());
    personal.name = "Personal Projects";
    personal.organization = false;
    personal.premium = false;
    m.personal = personal;
    m.workspaces.add(personal);
    m.register(personal);

    for (int i = 0; i < USERS; i++) {
      User u = new User(id());
      u.name = USER_NAMES[i];
      String[] parts = u.name.toLowerCase(Locale.ROOT).split(" ");
      u.email = parts[0] + "." + parts[1] + "@acme.example";
      u.hasPhoto = r.nextInt(3) != 0;
      u.workspaces.add(org);
      org.users.add(u);
      m.users.add(u);
      m.register(u);
    }
    m.me = m.users.get(0);
    m.me.workspaces.add(personal);
    personal.users.add(m.me);

    for (int t = 0; t < TEAMS; t++) {
      Team team = new Team(id());
      team.name = TEAM_INFO[t][0];
      team.description = TEAM_INFO[t][1];
      team.visibility = TEAM_INFO[t][2];
      team.workspace = org;
      for (int u = 0; u < USERS; u++) {
        if (u == 0 || u % TEAMS == t || r.nextInt(6) == 0) {
          User user = m.users.get(u);
          team.members.add(user);
          user.teams.add(team);
        }
      }
      org.teams.add(team);
      m.teams.add(team);
      m.register(team);
    }

    for (String tagName : TAG_NAMES) {
      Tag tag = new Tag(id());
      tag.name = tagName;
      tag.color = pick(COLORS);
      tag.workspace = org;
      tag.createdAt = between(START, START + 90 * Times.DAY_MS);
      tag.notes = r.nextBoolean() ? "Use for anything " + tagName.replace('-', ' ') + "." : "";
      tag.followers.add(pick(m.users));
      org.tags.add(tag);
      m.tags.add(tag);
      m.register(tag);
    }

    // Projects: spread round-robin over the teams; three archived (never the first, which holds the rich task).
    LinkedHashSet<Integer> archived = new LinkedHashSet<>();
    while (archived.size() < 3) {
      archived.add(2 + r.nextInt(PROJECTS - 2));
    }
    for (int p = 0; p < PROJECTS; p++) {
      Project project = newProject(org, org.teams.get(p % TEAMS), PROJECT_NAMES[p], SECTION_SETS[p % SECTION_SETS.length]);
      project.archived = archived.contains(p);
    }
    Project errands = newProject(personal, null, "Home renovation", new String[] {"Ideas", "To do", "Done"});

    List<Task> created = new ArrayList<>();
    for (Project project : m.projects) {
      int n = project == errands ? 12 : tasksPerProject;
      created.addAll(createProjectTasks(project, n));
    }
    // Multi-homing: about 3% of the organization's tasks also live in a second project.
    for (Task t : created) {
      if (t.workspace == org && r.nextInt(100) < 3) {
        Project other = m.projects.get(r.nextInt(PROJECTS));
        if (!t.projects.contains(other)) {
          Section s = other.sections.get(0);
          t.projects.add(other);
          t.sections.add(s);
          other.tasks.add(t);
          s.tasks.add(t);
        }
      }
    }
    for (Task t : created) {
      if (t.parent == null && r.nextInt(100) < 8) {
        addSubtasks(t, 1 + r.nextInt(4));
      }
      if (t.parent == null && r.nextInt(100) < 6) {
        addAttachments(t, 1 + r.nextInt(3), r.nextInt(100) < 15);
      }
    }
    addDependencies();
    makeRichTask(m.projects.get(0));

    if (bigAttachmentBytes > 0) {
      Project first = m.projects.get(0);
      Task parent = first.tasks.get(first.tasks.size() - 1);
      Attachment a = newAttachment(parent, "asana", "Product demo (raw footage).mov", "video/quicktime", bigAttachmentBytes);
      m.bigAttachment = a;
    }
    if (bigProjectTasks > 0) {
      buildBigProject(org);
    }

    for (Task t : m.tasks) {
      if (t.assignee != null) {
        t.workspace.byAssignee.computeIfAbsent(t.assignee, k -> new ArrayList<>()).add(t);
      }
      for (Tag tag : t.tags) {
        tag.tasks.add(t);
      }
      t.searchText();
    }
    return m;
  }

  private Project newProject(Workspace ws, Team team, String name, String[] sectionNames) {
    Project project = new Project(id());
    project.name = name;
    project.workspace = ws;
    project.team = team;
    project.color = pick(COLORS);
    project.createdAt = between(START, START + (END - START) / 2);
    project.notes = "Goals, owners and timeline for " + name + ".";
    List<User> people = team != null ? team.members : ws.users;
    project.owner = pick(people);
    project.members.addAll(people);
    project.followers.add(project.owner);
    if (r.nextBoolean()) {
      project.privacy = team != null && "secret".equals(team.visibility) ? "private_to_team" : "public_to_workspace";
    }
    int startDay = Times.dayOf(project.createdAt) + r.nextInt(14);
    if (r.nextInt(3) > 0) {
      project.startOn = startDay;
      project.dueOn = startDay + 60 + r.nextInt(300);
    }
    for (String sectionName : sectionNames) {
      Section s = new Section(id());
      s.name = sectionName;
      s.project = project;
      s.createdAt = project.createdAt + r.nextInt(600_000);
      project.sections.add(s);
      m.register(s);
    }
    ws.projects.add(project);
    if (team != null) {
      team.projects.add(project);
    }
    m.projects.add(project);
    m.register(project);
    return project;
  }

  private Task newTask(Workspace ws) {
    Task t = new Task(id());
    t.workspace = ws;
    ws.tasks.add(t);
    m.tasks.add(t);
    m.register(t);
    return t;
  }

  private String taskName() {
    if (r.nextInt(97) == 0) {
      return pick(ODD_NAMES);
    }
    return pick(VERBS) + " " + pick(OBJECTS) + pick(SUFFIXES);
  }

  private String notes() {
    int k = r.nextInt(10);
    if (k < 4) {
      return "";
    }
    StringBuilder sb = new StringBuilder(pick(NOTES));
    if (k > 7) {
      sb.append("\n\n").append(pick(NOTES));
    }
    return sb.toString();
  }

  private List<Task> createProjectTasks(Project project, int n) {
    List<Task> out = new ArrayList<>(n);
    List<User> people = project.members;
    long last = project.createdAt + 3_600_000L;
    long span = Math.max(n, END - 7 * Times.DAY_MS - last);
    // Random gaps, scaled so that the last task is still created before the data set's end.
    double[] gaps = new double[n];
    double totalGaps = 0;
    for (int i = 0; i < n; i++) {
      gaps[i] = 0.2 + 1.6 * r.nextDouble();
      totalGaps += gaps[i];
    }
    double unit = span / totalGaps;
    boolean importProject = project == m.projects.get(1);
    // The "CSV import": tasks [tieStart, tieStart + tieLen) share one created_at, and no neighbour joins them.
    int tieStart = Math.min(10, n / 3);
    int tieLen = Math.min(IMPORT_TIE, n - tieStart - 1);
    Section done = null;
    for (Section s : project.sections) {
      if (s.name.equals("Done") || s.name.equals("Published") || s.name.equals("Wrap-up")) {
        done = s;
      }
    }
    for (int i = 0; i < n; i++) {
      Task t = newTask(project.workspace);
      t.name = taskName();
      t.notes = notes();
      boolean tie = i > 0 && r.nextInt(100) < 7;
      if (importProject && (i == tieStart || i == tieStart + tieLen)) {
        tie = false;
      } else if (importProject && i > tieStart && i < tieStart + tieLen) {
        tie = true;
      }
      t.createdAt = tie ? last : last + Math.max(1, (long) (gaps[i] * unit));
      last = t.createdAt;
      if (importProject && i == tieStart + tieLen - 1) {
        m.tiedCreatedAt = Times.iso(t.createdAt);
        m.tiedCreatedAtCount = tieLen;
      }
      int sub = r.nextInt(100);
      t.resourceSubtype = sub < 90 ? "default_task" : sub < 96 ? "milestone" : "approval";
      double pDone = project.archived ? 0.95 : 0.1 + 0.6 * (1.0 - (double) i / n);
      t.completed = r.nextDouble() < pDone;
      t.createdBy = pick(people);
      t.assignee = r.nextInt(100) < 80 ? pick(people) : null;
      if (t.completed) {
        t.completedAt = Math.min(END - 3_600_000L, t.createdAt + 3_600_000L + (long) (r.nextDouble() * 45 * Times.DAY_MS));
        t.completedBy = t.assignee != null ? t.assignee : t.createdBy;
      }
      if ("approval".equals(t.resourceSubtype)) {
        t.approvalStatus = t.completed ? (r.nextInt(5) == 0 ? "rejected" : "approved")
            : (r.nextInt(4) == 0 ? "changes_requested" : "pending");
      }
      long base = t.completed ? Math.max(t.createdAt, t.completedAt) : t.createdAt;
      t.modifiedAt = r.nextInt(100) < 20 ? base : Math.min(END, base + (long) (r.nextDouble() * 30 * Times.DAY_MS));
      if (r.nextInt(100) < 70) {
        t.dueOn = Times.dayOf(t.createdAt) + 1 + r.nextInt(60);
        if (r.nextInt(10) == 0) {
          t.dueAt = t.dueOn * Times.DAY_MS + (9 + r.nextInt(9)) * 3_600_000L;
        }
        if (r.nextInt(100) < 15) {
          t.startOn = t.dueOn - 1 - r.nextInt(10);
        }
      }
      Section s = t.completed && done != null && r.nextInt(4) > 0 ? done : pick(project.sections);
      t.projects.add(project);
      t.sections.add(s);
      project.tasks.add(t);
      s.tasks.add(t);
      if (r.nextInt(4) == 0) {
        List<Tag> tags = new ArrayList<>(2);
        tags.add(pick(project.workspace.tags.isEmpty() ? m.tags : project.workspace.tags));
        if (r.nextInt(3) == 0) {
          Tag second = pick(m.tags);
          if (!tags.contains(second)) {
            tags.add(second);
          }
        }
        t.tags = project.workspace.tags.isEmpty() ? List.of() : tags;
      }
      t.followers = followers(t, people);
      t.likes = likes(people);
      out.add(t);
    }
    return out;
  }

  private List<User> followers(Task t, List<User> people) {
    List<User> f = new ArrayList<>(3);
    f.add(t.createdBy);
    if (t.assignee != null && t.assignee != t.createdBy) {
      f.add(t.assignee);
    }
    if (r.nextInt(4) == 0) {
      User extra = pick(people);
      if (!f.contains(extra)) {
        f.add(extra);
      }
    }
    return f;
  }

  private List<User> likes(List<User> people) {
    int k = r.nextInt(10);
    int n = k < 7 ? 0 : k < 9 ? 1 : 2 + r.nextInt(3);
    List<User> likes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      User u = pick(people);
      if (!likes.contains(u)) {
        likes.add(u);
      }
    }
    return likes.isEmpty() ? List.of() : likes;
  }

  private void addSubtasks(Task parent, int count) {
    List<Task> subs = new ArrayList<>(count);
    List<User> people = parent.workspace.users;
    for (int i = 0; i < count; i++) {
      Task s = newTask(parent.workspace);
      s.parent = parent;
      s.name = pick(VERBS) + " " + pick(OBJECTS);
      s.notes = r.nextInt(3) == 0 ? pick(NOTES) : "";
      s.createdAt = Math.min(END - Times.DAY_MS, parent.createdAt + 60_000L + r.nextInt(86_400_000));
      s.createdBy = parent.createdBy;
      s.assignee = r.nextBoolean() ? pick(people) : parent.assignee;
      s.completed = parent.completed || r.nextInt(3) == 0;
      if (s.completed) {
        s.completedAt = Math.min(END - 60_000L, s.createdAt + 600_000L + (long) (r.nextDouble() * 10 * Times.DAY_MS));
        s.completedBy = s.assignee != null ? s.assignee : s.createdBy;
      }
      s.modifiedAt = s.completed ? Math.max(s.completedAt, s.createdAt) : s.createdAt;
      if (parent.dueOn != Times.NO_DAY && r.nextBoolean()) {
        s.dueOn = parent.dueOn - r.nextInt(3);
      }
      s.followers = followers(s, people);
      subs.add(s);
    }
    if (parent.subtasks.isEmpty()) {
      parent.subtasks = subs;
    } else {
      List<Task> all = new ArrayList<>(parent.subtasks);
      all.addAll(subs);
      parent.subtasks = all;
    }
  }

  private Attachment newAttachment(Task parent, String host, String name, String contentType, long size) {
    Attachment a = new Attachment(id());
    a.parent = parent;
    a.host = host;
    a.name = name;
    a.contentType = contentType;
    a.size = size;
    a.createdAt = Math.min(END - 60_000L, parent.createdAt + 120_000L + r.nextInt(172_800_000));
    if (!"asana".equals(host)) {
      a.externalUrl = switch (host) {
        case "gdrive" -> "https://docs.google.com/document/d/1" + Mix.hex(Mix.mix(m.seed, a.id)) + "/edit";
        case "dropbox" -> "https://www.dropbox.com/s/" + Mix.hex(Mix.mix(m.seed, a.id)).substring(0, 15) + "/" + name.replace(' ', '_') + "?dl=0";
        case "box" -> "https://app.box.com/s/" + Mix.hex(Mix.mix(m.seed, a.id));
        default -> "https://onedrive.live.com/view.aspx?resid=" + Mix.hex(Mix.mix(m.seed, a.id)).toUpperCase(Locale.ROOT);
      };
    }
    if (parent.attachments.isEmpty()) {
      parent.attachments = new ArrayList<>(2);
    }
    parent.attachments.add(a);
    m.attachments.add(a);
    m.register(a);
    return a;
  }

  private void addAttachments(Task parent, int count, boolean external) {
    for (int i = 0; i < count; i++) {
      if (external && i == 0) {
        String host = pick(EXTERNAL_HOSTS);
        newAttachment(parent, host, pick(ATTACHMENT_STEMS) + (host.equals("gdrive") ? "" : ".docx"),
            host.equals("gdrive") ? "application/vnd.google-apps.document" : ATTACHMENT_KINDS[3][1], 0);
      } else {
        String[] kind = pick(ATTACHMENT_KINDS);
        long size = kind[0].equals("txt") || kind[0].equals("csv") ? 200 + r.nextInt(40_000)
            : 8_000 + r.nextInt(3 * 1024 * 1024);
        newAttachment(parent, "asana", pick(ATTACHMENT_STEMS) + "." + kind[0], kind[1], size);
      }
    }
  }

  private void addDependencies() {
    for (Project p : m.projects) {
      List<Task> ts = p.tasks;
      for (int i = 2; i < ts.size(); i++) {
        if (r.nextInt(100) < 4) {
          Task t = ts.get(i);
          int k = 1 + r.nextInt(2);
          for (int j = 0; j < k; j++) {
            link(ts.get(r.nextInt(i)), t);
          }
        }
      }
    }
  }

  /** {@code blocker} must be done before {@code t}. */
  private static void link(Task blocker, Task t) {
    if (blocker == t || t.dependencies.contains(blocker) || blocker.parent != null || t.parent != null) {
      return;
    }
    if (t.dependencies.isEmpty()) {
      t.dependencies = new ArrayList<>(2);
    }
    if (blocker.dependents.isEmpty()) {
      blocker.dependents = new ArrayList<>(2);
    }
    t.dependencies.add(blocker);
    blocker.dependents.add(t);
  }

  /** An open task near the top of the first project has everything: subtasks (one nested), dependencies, dependents, attachments. */
  private void makeRichTask(Project p) {
    List<Task> ts = p.tasks;
    // An open task early in the list (its section then is not a "Done" one).
    // At least two tasks before it (its dependencies) and two after it (its dependents).
    int first = Math.min(5, ts.size() - 3);
    Task t = ts.get(first);
    for (int i = first; i < ts.size() - 2; i++) {
      Task c = ts.get(i);
      if (!c.completed && c.projects.size() == 1 && c.sections.get(0) != p.sections.get(p.sections.size() - 1)) {
        t = c;
        break;
      }
    }
    m.richTask = t;
    t.name = "Prepare launch plan for " + p.name;
    t.notes = "Owner: " + t.createdBy.name + "\n\nChecklist:\n- timeline\n- budget\n- comms plan\n\n"
        + "Links: https://example.com/launch-plan";
    t.resourceSubtype = "default_task";
    t.approvalStatus = null;
    t.completed = false;
    t.completedAt = Times.NONE;
    t.completedBy = null;
    t.modifiedAt = Math.max(t.modifiedAt, t.createdAt);
    t.assignee = m.me;
    t.dueOn = Times.dayOf(t.createdAt) + 30;
    if (t.tags.isEmpty() && !m.tags.isEmpty()) {
      t.tags = List.of(m.tags.get(0), m.tags.get(1));
    }
    if (!t.followers.contains(m.me)) {
      List<User> f = new ArrayList<>(t.followers);
      f.add(m.me);
      t.followers = f;
    }
    if (t.likes.size() < 2) {
      t.likes = List.of(m.users.get(1), m.users.get(2));
    }
    if (t.subtasks.size() < 3) {
      addSubtasks(t, 3 - t.subtasks.size());
    }
    Task nested = t.subtasks.get(0);
    addSubtasks(nested, 1);
    for (int i = 0; i < ts.size() && t.dependencies.size() < 2; i++) {
      if (ts.get(i) != t && i < ts.indexOf(t)) {
        link(ts.get(i), t);
      }
    }
    for (int i = ts.indexOf(t) + 1; i < ts.size() && t.dependents.size() < 2; i++) {
      link(t, ts.get(i));
    }
    if (t.attachments.isEmpty()) {
      newAttachment(t, "asana", "Launch plan.pdf", "application/pdf", 187_345);
      newAttachment(t, "asana", "timeline-screenshot.png", "image/png", 402_113);
      newAttachment(t, "gdrive", "Launch comms plan", "application/vnd.google-apps.document", 0);
      newAttachment(t, "dropbox", "Press photos.zip", "application/zip", 0);
    }
  }

  private void buildBigProject(Workspace org) {
    Project big = newProject(org, org.teams.get(0), "Big Backlog (" + bigProjectTasks + " tasks)",
        new String[] {"Inbox", "Triaged", "Archive"});
    big.bigCount = bigProjectTasks;
    int n = bigProjectTasks;
    for (int i = 0; i < 3; i++) {
      Section s = big.sections.get(i);
      s.bigFrom = (int) ((long) n * i / 3);
      s.bigTo = (int) ((long) n * (i + 1) / 3);
    }
    m.big = big;
    m.bigBaseId = 1_300_000_000_000_000L + Math.floorMod(Mix.mix64(m.seed ^ 0xB16B16L), 1_000_000_000L) * 1000L;
    m.bigStart = Times.millis("2025-01-01T00:00:00.000Z");
  }
}

