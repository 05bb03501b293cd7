package dev.asanaconnector;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One change in Asana, as {@code GET /events} returns it ({@link Events}) and as webhooks deliver it
 * ({@link WebhookReceiver}): who ({@link #user}), what ({@link #resource}, with {@link #action} and, for
 * {@code changed}, the {@link #change}), where ({@link #parent}, for {@code added} and {@code removed})
 * and when ({@link #createdAt}).
 *
 * <p>Forward-compatible: actions and resource types are kept as Asana's strings, so a new action or
 * resource type parses like the known ones ({@link #actionKind()} is then {@link Action#OTHER}), and
 * {@link #raw()} keeps the whole event as Asana sent it, fields unknown today included. Webhook events
 * are "skinny" (no names, no {@code type}); those fields are then null.
 *
 * @param user who made the change; null for Asana's own changes
 * @param resource what changed
 * @param parent what the resource was added to or removed from; null otherwise
 * @param action Asana's action: {@code added}, {@code removed}, {@code changed}, {@code deleted},
 *     {@code undeleted}, or one Asana adds later
 * @param change for {@code changed}: the field and how it changed; null otherwise
 * @param createdAt when it happened; null if Asana did not say (or said it in a form not understood)
 * @param type the resource's type as {@code GET /events} repeats it; null in webhook events
 * @param raw the event as Asana sent it (unmodifiable maps, lists, strings, numbers, booleans)
 */
public record AsanaEvent(Ref user, Ref resource, Ref parent, String action, Change change, OffsetDateTime createdAt,
    String type, Map<String, Object> raw) {

  /** The actions Asana documents, and {@link #OTHER} for any it adds. */
  public enum Action {
    /** Added to a parent (a task to a project or section, a story to a task...). */
    ADDED,
    /** Removed from a parent. */
    REMOVED,
    /** A field changed ({@link AsanaEvent#change()} says which). */
    CHANGED,
    /** Deleted. */
    DELETED,
    /** Restored from the trash. */
    UNDELETED,
    /** An action this version of the connector does not know. */
    OTHER;

    static Action of(String action) {
      if (action == null) {
        return OTHER;
      }
      try {
        return valueOf(action.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        return OTHER;
      }
    }
  }

  /**
   * A reference to a resource as the event names it.
   *
   * @param gid the resource's gid
   * @param resourceType {@code task}, {@code project}, {@code story}... or a type Asana adds later
   * @param resourceSubtype the subtype where Asana gives one ({@code default_task}, {@code comment}...); else null
   * @param name its name at the time, where Asana gives one; else null
   */
  public record Ref(String gid, String resourceType, String resourceSubtype, String name) {
    static Ref of(Object json) {
      if (!(json instanceof Map<?, ?> map)) {
        return null;
      }
      return new Ref(string(map.get("gid")), string(map.get("resource_type")), string(map.get("resource_subtype")),
          string(map.get("name")));
    }
  }

  /**
   * How a field changed, for {@code changed} events.
   *
   * @param field the field ({@code name}, {@code assignee}, {@code custom_fields}...)
   * @param action {@code changed}, {@code added} or {@code removed} (a value added to or removed from a list)
   * @param newValue {@code new_value} as Asana sent it (a resource as a map, or a plain value); null when
   *     absent or cleared
   * @param addedValue {@code added_value}, likewise
   * @param removedValue {@code removed_value}, likewise
   */
  public record Change(String field, String action, Object newValue, Object addedValue, Object removedValue) {
    /** The resource the change names ({@code new_value}, {@code added_value} or {@code removed_value}), if any. */
    public Optional<Ref> valueRef() {
      for (Object value : new Object[] {newValue, addedValue, removedValue}) {
        Ref ref = Ref.of(value);
        if (ref != null && ref.gid() != null) {
          return Optional.of(ref);
        }
      }
      return Optional.empty();
    }
  }

  /** {@link #action()} as one of the known actions, or {@link Action#OTHER}. */
  public Action actionKind() {
    return Action.of(action);
  }

  /** A one-line summary: action, resource, change or parent, user, time. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("AsanaEvent[").append(action).append(' ')
        .append(resource == null ? "?" : resource.resourceType() + " " + resource.gid());
    if (change != null) {
      text.append(' ').append(change.field());
    }
    if (parent != null) {
      text.append(action != null && action.equals("removed") ? " from " : " to ")
          .append(parent.resourceType()).append(' ').append(parent.gid());
    }
    if (user != null) {
      text.append(" by ").append(user.gid());
    }
    return text.append(createdAt == null ? "" : " at " + createdAt).append(']').toString();
  }

  /** An event from its JSON (as read by {@link JsonValues}); null if it is not a JSON object. */
  static AsanaEvent of(Object json) {
    if (!(json instanceof Map<?, ?> map)) {
      return null;
    }
    Change change = null;
    if (map.get("change") instanceof Map<?, ?> c) {
      change = new Change(string(c.get("field")), string(c.get("action")), c.get("new_value"), c.get("added_value"),
          c.get("removed_value"));
    }
    return new AsanaEvent(Ref.of(map.get("user")), Ref.of(map.get("resource")), Ref.of(map.get("parent")),
        string(map.get("action")), change, time(map.get("created_at")), string(map.get("type")), copy(map));
  }

  /** The events of a JSON list; entries that are not objects are refused as not Asana's shape. */
  static List<AsanaEvent> listOf(Object json, String what) {
    if (!(json instanceof List<?> items)) {
      throw new com.squareup.moshi.JsonDataException(what + " has no list of events");
    }
    List<AsanaEvent> events = new ArrayList<>(items.size());
    for (Object item : items) {
      AsanaEvent event = of(item);
      if (event == null) {
        throw new com.squareup.moshi.JsonDataException(what + " lists an event that is not a JSON object");
      }
      events.add(event);
    }
    return Collections.unmodifiableList(events);
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return Collections.unmodifiableMap(copy);
  }

  private static String string(Object value) {
    return value instanceof String s ? s : value == null ? null : String.valueOf(value);
  }

  private static OffsetDateTime time(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null; // raw() still has it
    }
  }
}
