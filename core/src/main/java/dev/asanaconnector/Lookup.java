package dev.asanaconnector;

/**
 * An entity with only a {@code get} action (teams, tags, sections).
 *
 * @param <G> the record type
 */
public final class Lookup<G> {
  private final Dispatcher dispatcher;
  private final ActionSpec get;
  private final String gidName;
  private final Class<G> type;

  Lookup(Dispatcher dispatcher, String entity, String gidName, Class<G> type) {
    this.dispatcher = dispatcher;
    this.get = Catalog.find(entity, "get");
    this.gidName = gidName;
    this.type = type;
  }

  /** The full record with this gid. */
  public G get(String gid) {
    return get(gid, Params.none());
  }

  /** The full record with this gid; {@code params} may add {@code opt_fields} and headers. */
  public G get(String gid, Params params) {
    return dispatcher.getRecord(get, Params.with(params, gidName, gid), type, params.callOptionsOrNull());
  }
}
