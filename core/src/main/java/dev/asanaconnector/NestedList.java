package dev.asanaconnector;

import java.util.Map;

/**
 * An entity whose {@code list} action lists the records under a parent object (e.g. the tasks of a
 * project, the teams of a workspace); the parent's gid is the first argument.
 *
 * @param <L> the record type
 */
public final class NestedList<L> {
  private final Dispatcher dispatcher;
  private final ActionSpec list;
  private final String parentName;
  private final Class<L> type;

  NestedList(Dispatcher dispatcher, String entity, String parentName, Class<L> type) {
    this.dispatcher = dispatcher;
    this.list = Catalog.find(entity, "list");
    this.parentName = parentName;
    this.type = type;
  }

  /** One page of the records under {@code parentGid}. */
  public Page<L> list(String parentGid, Params params) {
    return dispatcher.listPage(list, Params.with(params, parentName, parentGid), type, params.callOptionsOrNull());
  }

  /** One page with no further parameters. */
  public Page<L> list(String parentGid) {
    return list(parentGid, Params.none());
  }

  /** Every record under {@code parentGid}, lazily, in pages of 100. */
  public PagedIterable<L> iterate(String parentGid) {
    return iterate(parentGid, Params.none());
  }

  /**
   * Every record under {@code parentGid}, lazily across pages; {@code limit} is the page size (100 unless
   * set), {@code maxItems} the total cap. Parameters are checked now, before any request.
   */
  public PagedIterable<L> iterate(String parentGid, Params params) {
    Map<String, Object> firstPage = Params.with(PagedIterable.firstPageParams(params), parentName, parentGid);
    return new PagedIterable<>(dispatcher.listPages(list, firstPage, type, params.callOptionsOrNull()),
        PagedIterable.firstOffset(params), params.maxItems());
  }
}
