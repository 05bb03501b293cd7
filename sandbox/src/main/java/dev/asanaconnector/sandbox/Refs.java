package dev.asanaconnector.sandbox;

import dev.asanaconnector.sandbox.Model.Resource;
import dev.asanaconnector.sandbox.Model.User;
import dev.asanaconnector.sandbox.Model.Workspace;
import java.util.Locale;

/**
 * Resolves the gids of a write request: one in the path that is unknown (or of another type) is a 404
 * {@code Unknown object}; one in the body is a 400 {@code <field>: Not a recognized ID}, as Asana
 * answers. Users may also be given as {@code "me"} or by email. Callers hold the model's lock.
 */
final class Refs {
  private final Model m;

  Refs(Model m) {
    this.m = m;
  }

  <T extends Resource> T path(String gid, Class<T> type) {
    T r = m.find(gid, type);
    if (r == null) {
      throw ApiError.unknownObject(gid);
    }
    return r;
  }

  <T extends Resource> T body(String field, String gid, Class<T> type) {
    T r = m.find(gid, type);
    if (r == null) {
      throw Fields.unrecognized(field, gid);
    }
    return r;
  }

  /** A user by "me", email or gid, or null when no user has that email. */
  User userOrNull(String field, String v) {
    if (v.equals("me")) {
      return m.me;
    }
    if (v.indexOf('@') > 0) {
      String email = v.toLowerCase(Locale.ROOT);
      for (User u : m.users) {
        if (email.equalsIgnoreCase(u.email)) {
          return u;
        }
      }
      return null;
    }
    return body(field, v, User.class);
  }

  /** A user of the workspace by "me", email or gid. */
  User member(String field, String v, Workspace ws) {
    User u = userOrNull(field, v);
    if (u == null || !ws.users.contains(u)) {
      throw Fields.unrecognized(field, v);
    }
    return u;
  }
}
