package dev.asanaconnector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog actions of one entity as typed calls, shared by the accessors of {@link AsanaClient}
 * (each accessor is named after what it holds; this holds how every one of them calls the dispatcher).
 * Gids an accessor's method takes positionally are passed as name/value pairs and checked by the catalog
 * like any other parameter, so a typed call fails exactly as {@code execute} does, before any request.
 */
final class EntityCalls {
  private final Dispatcher dispatcher;
  private final String entity;

  EntityCalls(Dispatcher dispatcher, String entity) {
    this.dispatcher = dispatcher;
    this.entity = entity;
    if (!Catalog.isEntity(entity)) {
      throw new IllegalArgumentException("no entity " + entity + " in the catalog");
    }
  }

  /** The action, from the catalog, which builds the entity's actions on its first call. */
  private ActionSpec spec(ActionKind kind) {
    ActionSpec spec = Catalog.actionsOf(entity).get(kind);
    if (spec == null) {
      throw new IllegalStateException(entity + " has no " + kind.seedName() + " action in the catalog");
    }
    return spec;
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  /** One page of the list action. */
  <T> Page<T> list(Class<T> type, Params params, String... gids) {
    return dispatcher.listPage(spec(ActionKind.LIST), Params.with(params, gids), type, params.callOptionsOrNull());
  }

  /** Every record of the list action, lazily, in pages of 100 unless {@code params} set {@code limit}. */
  <T> PagedIterable<T> iterate(Class<T> type, Params params, String... gids) {
    Map<String, Object> firstPage = Params.with(PagedIterable.firstPageParams(params), gids);
    return new PagedIterable<>(dispatcher.listPages(spec(ActionKind.LIST), firstPage, type,
        params.callOptionsOrNull()), PagedIterable.firstOffset(params), params.maxItems());
  }

  /** The record of the get action. */
  <T> T get(Class<T> type, Params params, String... gids) {
    return dispatcher.getRecord(spec(ActionKind.GET), Params.with(params, gids), type, params.callOptionsOrNull());
  }

  /**
   * Runs a create, update or delete with a request type's {@code fields} plus the name/value pairs of
   * {@code more} (the positional gids and values of the accessor's method) and returns the record Asana
   * answers with.
   */
  <T> T write(ActionKind kind, Class<T> type, Map<String, ?> fields, Object... more) {
    return dispatcher.write(spec(kind), merged(fields, more), type, null);
  }

  /** As {@link #write(ActionKind, Class, Map, Object...)}, for writes whose answer the caller does not need. */
  void write(ActionKind kind, Map<String, ?> fields, Object... more) {
    dispatcher.write(spec(kind), merged(fields, more), Map.class, null);
  }

  /**
   * {@code fields} plus the pairs of {@code more}. Unlike {@link Params#with} this keeps null values:
   * an update sends a cleared field as JSON null, and a null gid reaches the catalog, which reports it as
   * missing by name.
   */
  private static Map<String, Object> merged(Map<String, ?> fields, Object... more) {
    Map<String, Object> merged = new LinkedHashMap<>(fields);
    List<Object> pairs = Arrays.asList(more);
    for (int i = 0; i < pairs.size(); i += 2) {
      merged.put((String) pairs.get(i), pairs.get(i + 1));
    }
    return merged;
  }
}
