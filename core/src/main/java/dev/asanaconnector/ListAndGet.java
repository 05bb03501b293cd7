package dev.asanaconnector;

/**
 * An entity with top-level {@code list} and {@code get} actions (tasks, projects, workspaces, users).
 *
 * @param <L> the record type of lists (compact records)
 * @param <G> the record type of get (full records)
 */
public final class ListAndGet<L, G> {
  private final Dispatcher dispatcher;
  private final ActionSpec list;
  private final ActionSpec get;
  private final String gidName;
  private final Class<L> listType;
  private final Class<G> getType;

  ListAndGet(Dispatcher dispatcher, String entity, String gidName, Class<L> listType, Class<G> getType) {
    this.dispatcher = dispatcher;
    this.list = Catalog.find(entity, "list");
    this.get = Catalog.find(entity, "get");
    this.gidName = gidName;
    this.listType = listType;
    this.getType = getType;
  }

  /** One page; pass its {@link NextPage#offset()} back with {@link Params.Builder#offset} for the next. */
  public Page<L> list(Params params) {
    return dispatcher.listPage(list, params.toMap(), listType, params.callOptionsOrNull());
  }

  /**
   * Every record across pages, lazily; {@code limit} is the page size (100 unless set), {@code maxItems}
   * the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<L> iterate(Params params) {
    return new PagedIterable<>(dispatcher.listPages(list, PagedIterable.firstPageParams(params).toMap(), listType,
        params.callOptionsOrNull()), PagedIterable.firstOffset(params), params.maxItems());
  }

  /** The full record with this gid. */
  public G get(String gid) {
    return get(gid, Params.none());
  }

  /** The full record with this gid; {@code params} may add {@code opt_fields} and headers. */
  public G get(String gid, Params params) {
    return dispatcher.getRecord(get, Params.with(params, gidName, gid), getType, params.callOptionsOrNull());
  }
}
