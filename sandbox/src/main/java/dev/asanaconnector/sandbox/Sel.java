package dev.asanaconnector.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed {@code opt_fields} selection: {@code "name,assignee.email,memberships.section.name"} becomes
 * a tree. A field mapped to {@code null} was asked for as a whole (nested objects render compact).
 */
final class Sel {
  final Map<String, Sel> fields = new LinkedHashMap<>();

  private static final ConcurrentHashMap<String, Sel> CACHE = new ConcurrentHashMap<>();

  static Sel parse(String optFields) {
    if (optFields == null || optFields.isEmpty()) {
      return null;
    }
    Sel cached = CACHE.get(optFields);
    if (cached != null) {
      return cached;
    }
    Sel root = new Sel();
    int start = 0;
    int n = optFields.length();
    while (start <= n) {
      int comma = optFields.indexOf(',', start);
      if (comma < 0) {
        comma = n;
      }
      String path = optFields.substring(start, comma).trim();
      if (!path.isEmpty()) {
        root.add(path);
      }
      start = comma + 1;
    }
    if (CACHE.size() > 1000) {
      CACHE.clear();
    }
    CACHE.put(optFields, root);
    return root;
  }

  private void add(String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      fields.putIfAbsent(path, null);
      return;
    }
    String head = path.substring(0, dot);
    Sel child = fields.get(head);
    if (child == null) {
      child = new Sel();
      fields.put(head, child);
    }
    child.add(path.substring(dot + 1));
  }

  boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The sub-selection of a field (null: the field as a whole, or not asked for). */
  Sel sub(String field) {
    return fields.get(field);
  }
}
