package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.Story;

/**
 * One recorded change, as a snapshot taken when it happened (so it still renders after its resource is
 * renamed or deleted). Rendered two ways, as Asana does: in full for GET /events (compact records with
 * names), and "skinny" for webhook payloads (gid, resource_type and resource_subtype only, no
 * {@code type}).
 */
final class Event {
  /** A reference to a resource as it was: gid, resource_type, resource_subtype (tasks, attachments, stories) and name. */
  record Ref(String gid, String type, String subtype, String name) {
    static Ref of(Resource r) {
      if (r == null) {
        return null;
      }
      String subtype = r instanceof Model.Task || r instanceof Model.Attachment || r instanceof Story ? r.subtype() : null;
      return new Ref(r.gid, r.type(), subtype, r instanceof Story ? null : r.name);
    }

    void write(Json j, boolean skinny) {
      j.beginObject();
      j.name("gid").value(gid);
      j.name("resource_type").value(type);
      if (subtype != null) {
        j.name("resource_subtype").value(subtype);
      }
      if (!skinny && name != null) {
        j.name("name").value(name);
      }
      j.endObject();
    }
  }

  final long seq;
  final long createdAt;
  final Ref user;
  /** added, removed, changed or deleted. */
  final String action;
  final Ref resource;
  /** What the resource was added to or removed from (null for changed and deleted). */
  final Ref parent;
  /** For changed: the field, and how it changed (changed, added or removed). */
  final String field;
  final String changeAction;
  /** For a change whose value is a resource: the new, added or removed one (may be null: "cleared"). */
  final Ref value;
  final boolean hasValue;

  Event(long seq, long createdAt, Ref user, String action, Ref resource, Ref parent, String field,
      String changeAction, Ref value, boolean hasValue) {
    this.seq = seq;
    this.createdAt = createdAt;
    this.user = user;
    this.action = action;
    this.resource = resource;
    this.parent = parent;
    this.field = field;
    this.changeAction = changeAction;
    this.value = value;
    this.hasValue = hasValue;
  }

  void write(Json j, boolean skinny) {
    j.beginObject();
    j.name("user");
    if (user == null) {
      j.nullValue();
    } else {
      user.write(j, skinny);
    }
    j.name("created_at").value(Times.iso(createdAt));
    j.name("action").value(action);
    j.name("resource");
    resource.write(j, skinny);
    j.name("parent");
    if (parent == null) {
      j.nullValue();
    } else {
      parent.write(j, skinny);
    }
    if (field != null) {
      j.name("change").beginObject();
      j.name("field").value(field);
      j.name("action").value(changeAction);
      if (hasValue) {
        j.name(switch (changeAction) {
          case "added" -> "added_value";
          case "removed" -> "removed_value";
          default -> "new_value";
        });
        if (value == null) {
          j.nullValue();
        } else {
          value.write(j, skinny);
        }
      }
      j.endObject();
    }
    if (!skinny) {
      j.name("type").value(resource.type());
    }
    j.endObject();
  }
}
