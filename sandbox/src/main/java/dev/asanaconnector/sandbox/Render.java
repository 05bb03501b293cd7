package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Attachment;
import dev.asanaconnector.sandbox.Model.Project;
import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Section;
import dev.asanaconnector.sandbox.Model.Story;
import dev.asanaconnector.sandbox.Model.Tag;
import dev.asanaconnector.sandbox.Model.Task;
import dev.asanaconnector.sandbox.Model.Team;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders records the way Asana does: compact on lists, full on gets, or exactly the {@code opt_fields}
 * asked for (plus gid and resource_type), with nested objects compact unless sub-fields are named.
 */
final class Render {
  private static final String[] WORKSPACE = {"name", "email_domains", "is_organization"};
  private static final String[] TEAM = {"name", "description", "html_description", "organization",
      "permalink_url", "visibility"};
  private static final String[] USER = {"name", "email", "photo", "workspaces"};
  private static final String[] PROJECT = {"name", "archived", "color", "completed", "completed_at",
      "completed_by", "created_at", "current_status", "custom_fields", "default_view", "due_date", "due_on",
      "followers", "html_notes", "icon", "members", "modified_at", "notes", "owner", "permalink_url",
      "privacy_setting", "public", "start_on", "team", "workspace"};
  private static final String[] SECTION = {"name", "created_at", "project"};
  private static final String[] TAG = {"name", "color", "created_at", "followers", "notes", "permalink_url",
      "workspace"};
  private static final String[] TASK = {"name", "resource_subtype", "approval_status", "actual_time_minutes",
      "assignee", "completed", "completed_at", "completed_by", "created_at", "created_by", "custom_fields",
      "dependencies", "dependents", "due_at", "due_on", "followers", "hearted", "hearts", "html_notes",
      "is_rendered_as_separator", "liked", "likes", "memberships", "modified_at", "notes", "num_hearts",
      "num_likes", "num_subtasks", "parent", "permalink_url", "projects", "start_at", "start_on", "tags",
      "workspace"};
  private static final String[] ATTACHMENT = {"name", "resource_subtype", "connected_to_app", "created_at",
      "download_url", "host", "parent", "permanent_url", "size", "view_url"};
  private static final String[] STORY = {"created_at", "resource_subtype", "text", "html_text", "is_pinned",
      "sticker_name", "created_by", "type", "is_editable", "is_edited", "hearted", "hearts", "num_hearts", "liked",
      "likes", "num_likes", "source", "target"};

  private final User me;
  private final Function<Attachment, String> downloadUrl;

  Render(User me, Function<Attachment, String> downloadUrl) {
    this.me = me;
    this.downloadUrl = downloadUrl;
  }

  /** Compact, full or selected, as a list item / single get. */
  void record(Json j, Resource r, Sel sel, boolean full) {
    if (sel != null) {
      selected(j, r, sel);
    } else if (full) {
      full(j, r);
    } else {
      compact(j, r);
    }
  }

  void compact(Json j, Resource r) {
    if (r instanceof Webhook w) {
      w.writeCompact(j); // not cached: its state changes
      return;
    }
    byte[] c = r.compact;
    if (c == null) {
      Json k = new Json(128);
      k.beginObject();
      k.name("gid").value(r.gid);
      if (r instanceof Story s) {
        k.name("resource_type").value("story");
        time(k.name("created_at"), s.createdAt);
        ref(k.name("created_by"), s.createdBy, null);
        k.name("resource_subtype").value(s.subtype());
        k.name("text").value(s.text);
      } else {
        k.name("name").value(r.name);
        k.name("resource_type").value(r.type());
        if (r instanceof Task || r instanceof Attachment) {
          k.name("resource_subtype").value(r.subtype());
        }
      }
      k.endObject();
      c = k.toBytes();
      r.compact = c;
    }
    j.raw(c);
  }

  void full(Json j, Resource r) {
    j.beginObject();
    j.name("gid").value(r.gid);
    j.name("resource_type").value(r.type());
    for (String f : fieldsOf(r)) {
      if (f.equals("approval_status") && r instanceof Task t && t.approvalStatus == null) {
        continue;
      }
      field(j, r, f, null);
    }
    j.endObject();
  }

  void selected(Json j, Resource r, Sel sel) {
    j.beginObject();
    j.name("gid").value(r.gid);
    j.name("resource_type").value(r.type());
    for (Map.Entry<String, Sel> e : sel.fields.entrySet()) {
      String f = e.getKey();
      if (!f.equals("gid") && !f.equals("resource_type")) {
        field(j, r, f, e.getValue());
      }
    }
    j.endObject();
  }

  private static String[] fieldsOf(Resource r) {
    if (r instanceof Task) {
      return TASK;
    } else if (r instanceof Project) {
      return PROJECT;
    } else if (r instanceof User) {
      return USER;
    } else if (r instanceof Attachment) {
      return ATTACHMENT;
    } else if (r instanceof Section) {
      return SECTION;
    } else if (r instanceof Tag) {
      return TAG;
    } else if (r instanceof Team) {
      return TEAM;
    } else if (r instanceof Story) {
      return STORY;
    } else if (r instanceof Webhook) {
      return Webhook.FIELDS;
    }
    return WORKSPACE;
  }

  private void ref(Json j, Resource r, Sel sub) {
    if (r == null) {
      j.nullValue();
    } else if (sub == null) {
      compact(j, r);
    } else {
      selected(j, r, sub);
    }
  }

  private void refs(Json j, List<? extends Resource> rs, Sel sub) {
    j.beginArray();
    for (Resource r : rs) {
      ref(j, r, sub);
    }
    j.endArray();
  }

  private static void time(Json j, long millis) {
    if (millis == Times.NONE) {
      j.nullValue();
    } else {
      j.value(Times.iso(millis));
    }
  }

  private static void day(Json j, int day) {
    if (day == Times.NO_DAY) {
      j.nullValue();
    } else {
      j.value(Times.date(day));
    }
  }

  static String html(String notes) {
    StringBuilder sb = new StringBuilder(notes.length() + 16).append("<body>");
    for (int i = 0; i < notes.length(); i++) {
      char c = notes.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.append("</body>").toString();
  }

  /** Writes one field (name and value); unknown field names are skipped, as Asana ignores them. */
  private void field(Json j, Resource r, String f, Sel sub) {
    if (r instanceof Webhook w) {
      w.field(j, f);
      return;
    }
    if (r instanceof Story s) {
      storyField(j, s, f, sub);
      return;
    }
    if (f.equals("name")) {
      j.name("name").value(r.name);
      return;
    }
    if (r instanceof Task t) {
      taskField(j, t, f, sub);
    } else if (r instanceof Project p) {
      projectField(j, p, f, sub);
    } else if (r instanceof User u) {
      userField(j, u, f, sub);
    } else if (r instanceof Attachment a) {
      attachmentField(j, a, f, sub);
    } else if (r instanceof Section s) {
      switch (f) {
        case "created_at" -> time(j.name(f), s.createdAt);
        case "project" -> ref(j.name(f), s.project, sub);
        case "projects" -> refs(j.name(f), List.of(s.project), sub);
        default -> { }
      }
    } else if (r instanceof Tag t) {
      switch (f) {
        case "color" -> j.name(f).value(t.color);
        case "created_at" -> time(j.name(f), t.createdAt);
        case "followers" -> refs(j.name(f), t.followers, sub);
        case "notes" -> j.name(f).value(t.notes);
        case "permalink_url" -> j.name(f).value("https://app.asana.com/0/" + t.gid + "/list");
        case "workspace" -> ref(j.name(f), t.workspace, sub);
        default -> { }
      }
    } else if (r instanceof Team t) {
      switch (f) {
        case "description" -> j.name(f).value(t.description);
        case "html_description" -> j.name(f).value(html(t.description));
        case "organization" -> ref(j.name(f), t.workspace, sub);
        case "permalink_url" -> j.name(f).value("https://app.asana.com/0/team/" + t.gid);
        case "visibility" -> j.name(f).value(t.visibility);
        default -> { }
      }
    } else if (r instanceof Workspace w) {
      switch (f) {
        case "email_domains" -> {
          j.name(f).beginArray();
          for (String d : w.emailDomains) {
            j.value(d);
          }
          j.endArray();
        }
        case "is_organization" -> j.name(f).value(w.organization);
        default -> { }
      }
    }
  }

  private void taskField(Json j, Task t, String f, Sel sub) {
    switch (f) {
      case "resource_subtype" -> j.name(f).value(t.resourceSubtype);
      case "approval_status" -> j.name(f).value(t.approvalStatus);
      case "actual_time_minutes" -> j.name(f).nullValue();
      case "assignee" -> ref(j.name(f), t.assignee, sub);
      case "assignee_status" -> j.name(f).value(t.assignee == null ? "inbox" : "upcoming");
      case "completed" -> j.name(f).value(t.completed);
      case "completed_at" -> time(j.name(f), t.completedAt);
      case "completed_by" -> ref(j.name(f), t.completedBy, sub);
      case "created_at" -> time(j.name(f), t.createdAt);
      case "created_by" -> ref(j.name(f), t.createdBy, sub);
      case "custom_fields" -> j.name(f).beginArray().endArray();
      case "dependencies" -> refs(j.name(f), t.dependencies, sub);
      case "dependents" -> refs(j.name(f), t.dependents, sub);
      case "due_at" -> time(j.name(f), t.dueAt);
      case "due_on" -> day(j.name(f), t.dueOn);
      case "followers" -> refs(j.name(f), t.followers, sub);
      case "hearted", "liked" -> j.name(f).value(t.likes.contains(me));
      case "hearts", "likes" -> likes(j.name(f), t, sub);
      case "html_notes" -> j.name(f).value(t.htmlNotes != null ? t.htmlNotes : html(t.notes));
      case "is_rendered_as_separator" -> j.name(f).value(false);
      case "memberships" -> memberships(j.name(f), t, sub);
      case "modified_at" -> time(j.name(f), t.modifiedAt);
      case "notes" -> j.name(f).value(t.notes);
      case "num_hearts", "num_likes" -> j.name(f).value(t.likes.size());
      case "num_subtasks" -> j.name(f).value(t.subtasks.size());
      case "parent" -> ref(j.name(f), t.parent, sub);
      case "permalink_url" -> j.name(f).value("https://app.asana.com/0/"
          + (t.projects.isEmpty() ? "0" : t.projects.get(0).gid) + "/" + t.gid);
      case "projects" -> refs(j.name(f), t.projects, sub);
      case "start_at" -> time(j.name(f), t.startAt);
      case "start_on" -> day(j.name(f), t.startOn);
      case "tags" -> refs(j.name(f), t.tags, sub);
      case "workspace" -> ref(j.name(f), t.workspace, sub);
      case "attachments" -> refs(j.name(f), t.attachments, sub);
      case "subtasks" -> refs(j.name(f), t.subtasks, sub);
      default -> { }
    }
  }

  private void likes(Json j, Task t, Sel sub) {
    j.beginArray();
    for (User u : t.likes) {
      j.beginObject();
      j.name("gid").value(Long.toString(Mix.mix(t.id, u.id) >>> 14));
      if (sub == null || sub.has("user")) {
        ref(j.name("user"), u, sub == null ? null : sub.sub("user"));
      }
      j.endObject();
    }
    j.endArray();
  }

  private void memberships(Json j, Task t, Sel sub) {
    j.beginArray();
    for (int i = 0; i < t.projects.size(); i++) {
      j.beginObject();
      if (sub == null || sub.has("project")) {
        ref(j.name("project"), t.projects.get(i), sub == null ? null : sub.sub("project"));
      }
      if (sub == null || sub.has("section")) {
        ref(j.name("section"), t.sections.get(i), sub == null ? null : sub.sub("section"));
      }
      j.endObject();
    }
    j.endArray();
  }

  private void projectField(Json j, Project p, String f, Sel sub) {
    switch (f) {
      case "archived" -> j.name(f).value(p.archived);
      case "color" -> j.name(f).value(p.color);
      case "completed" -> j.name(f).value(false);
      case "completed_at" -> j.name(f).nullValue();
      case "completed_by" -> j.name(f).nullValue();
      case "created_at" -> time(j.name(f), p.createdAt);
      case "current_status" -> j.name(f).nullValue();
      case "custom_fields" -> j.name(f).beginArray().endArray();
      case "default_view" -> j.name(f).value(p.defaultView);
      case "due_date", "due_on" -> day(j.name(f), p.dueOn);
      case "followers" -> refs(j.name(f), p.followers, sub);
      case "html_notes" -> j.name(f).value(p.htmlNotes != null ? p.htmlNotes : html(p.notes));
      case "icon" -> j.name(f).value(p.icon);
      case "members" -> refs(j.name(f), p.members, sub);
      case "modified_at" -> time(j.name(f), Math.max(p.createdAt, p.modifiedAt));
      case "notes" -> j.name(f).value(p.notes);
      case "owner" -> ref(j.name(f), p.owner, sub);
      case "permalink_url" -> j.name(f).value("https://app.asana.com/0/" + p.gid);
      case "privacy_setting" -> j.name(f).value(p.privacy);
      case "public" -> j.name(f).value(!"private".equals(p.privacy) && !"private_to_team".equals(p.privacy));
      case "start_on" -> day(j.name(f), p.startOn);
      case "team" -> ref(j.name(f), p.team, sub);
      case "workspace" -> ref(j.name(f), p.workspace, sub);
      case "sections" -> refs(j.name(f), p.sections, sub);
      default -> { }
    }
  }

  private void storyField(Json j, Story s, String f, Sel sub) {
    switch (f) {
      case "created_at" -> time(j.name(f), s.createdAt);
      case "resource_subtype" -> j.name(f).value(s.subtype());
      case "text" -> j.name(f).value(s.text);
      case "html_text" -> j.name(f).value(s.htmlText != null ? s.htmlText : html(s.text));
      case "is_pinned" -> j.name(f).value(s.pinned);
      case "sticker_name" -> j.name(f).nullValue();
      case "created_by" -> ref(j.name(f), s.createdBy, sub);
      case "type" -> j.name(f).value("comment");
      case "is_editable" -> j.name(f).value(s.createdBy == me);
      case "is_edited", "hearted", "liked" -> j.name(f).value(false);
      case "hearts", "likes" -> j.name(f).beginArray().endArray();
      case "num_hearts", "num_likes" -> j.name(f).value(0);
      case "source" -> j.name(f).value("api");
      case "target" -> ref(j.name(f), s.task, sub);
      default -> { }
    }
  }

  private void userField(Json j, User u, String f, Sel sub) {
    switch (f) {
      case "email" -> j.name(f).value(u.email);
      case "photo" -> {
        j.name(f);
        if (!u.hasPhoto) {
          j.nullValue();
        } else {
          String base = "https://s3.amazonaws.com/profile_photos/" + u.gid + ".sandbox_";
          j.beginObject();
          for (String size : new String[] {"21x21", "27x27", "36x36", "60x60", "128x128"}) {
            j.name("image_" + size).value(base + size + ".png");
          }
          j.endObject();
        }
      }
      case "workspaces" -> refs(j.name(f), u.workspaces, sub);
      default -> { }
    }
  }

  private void attachmentField(Json j, Attachment a, String f, Sel sub) {
    switch (f) {
      case "resource_subtype", "host" -> j.name(f).value(a.host);
      case "connected_to_app" -> j.name(f).value(false);
      case "created_at" -> time(j.name(f), a.createdAt);
      case "download_url" -> j.name(f).value(a.downloadable() ? downloadUrl.apply(a) : null);
      case "parent" -> ref(j.name(f), a.parent, sub);
      case "permanent_url" -> j.name(f).value("https://app.asana.com/app/asana/-/get_asset?asset_id=" + a.gid);
      case "size" -> {
        if (a.downloadable()) {
          j.name(f).value(a.size);
        } else {
          j.name(f).nullValue();
        }
      }
      case "view_url" -> j.name(f).value(a.downloadable()
          ? "https://app.asana.com/app/asana/-/view_asset?asset_id=" + a.gid : a.externalUrl);
      default -> { }
    }
  }
}
