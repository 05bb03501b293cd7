package dev.asanaconnector;

import com.squareup.moshi.JsonDataException;
import dev.asanaconnector.generated.api.EventsApi;
import dev.asanaconnector.generated.support.CommaSeparatedQueryInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Request;

/**
 * Asana's event stream ({@code GET /events?resource=GID&sync=TOKEN}) for a project, task, portfolio,
 * goal or any resource Asana accepts. Get one from {@code asana.events()}.
 *
 * <pre>{@code
 * String token = asana.events().start(projectGid);             // "start from now": no events
 * EventBatch batch = asana.events().fetch(projectGid, token);  // every event since, has_more drained
 * batch.events().forEach(this::apply);
 * store(batch.syncToken());                                    // only after the events were processed
 * }</pre>
 *
 * <p>The sync token: Asana answers a first call (no token) and a call with a token it no longer accepts
 * with {@code 412 Precondition Failed} and a fresh token. That 412 is mapped, like every error status,
 * by the one error mapper, to {@link SyncTokenExpiredException} carrying the fresh token; this class
 * turns it into a start from now when no token was given and lets it through otherwise, since then
 * events were lost and the resource must be read again in full.
 *
 * <p>Delivery: Asana's events are at most once (it may drop some, and expires tokens). For the
 * application they are at least once when it persists each batch's token only after processing the
 * batch: a crash in between hands the same events again. Requests take the client's one pipeline
 * (authentication, retries, rate limits, error mapping), as every other call.
 */
public final class Events {
  /** The most events Asana returns per call. */
  public static final int PAGE_SIZE = 100;
  /** {@link #fetch} stops draining after this many events and returns with {@code hasMore}. */
  public static final int MAX_EVENTS_PER_FETCH = 10_000;

  /** Receives each batch of a {@link #poll}. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Processes a batch (never empty); persist {@link EventBatch#syncToken()} once done. An exception
     * stops the poll without moving past the batch, so a poll resumed from
     * {@link EventPoller#lastSyncToken()} hands it again.
     */
    void onEvents(EventBatch batch) throws Exception;
  }

  private final Transport transport;
  private final GeneratedApis apis;

  Events(Transport transport, GeneratedApis apis) {
    this.transport = transport;
    this.apis = apis;
  }

  /**
   * The token to start from now: Asana's answer to a call without one. No events are returned for the
   * past; the next {@link #fetch} returns what happened from here on.
   *
   * @throws InvalidParameterException if {@code resourceGid} is not a gid
   */
  public String start(String resourceGid) {
    return page(resourceGid, null).syncToken();
  }

  /**
   * One call: at most {@value #PAGE_SIZE} events since {@code syncToken}, the token after them and
   * whether Asana holds more. Without a token ({@code null}): no events and the token to start from now.
   *
   * @throws SyncTokenExpiredException when Asana no longer accepts {@code syncToken}: events were lost
   * @throws InvalidParameterException if {@code resourceGid} is not a gid or {@code syncToken} is empty
   */
  public EventBatch page(String resourceGid, String syncToken) {
    Request request = request(resourceGid, syncToken);
    try {
      return transport.execute(request, reader -> batch(JsonValues.read(reader)));
    } catch (SyncTokenExpiredException e) {
      if (syncToken == null) {
        return new EventBatch(List.of(), e.freshSyncToken(), false); // Asana's documented first answer
      }
      throw e;
    }
  }

  /**
   * Every event since {@code syncToken}, following {@code has_more} from call to call (up to
   * {@value #MAX_EVENTS_PER_FETCH}; then {@code hasMore} is true and the next fetch continues), with the
   * token after the last of them. Without a token: no events and the token to start from now.
   *
   * @throws SyncTokenExpiredException when Asana no longer accepts the token, on the first call or on
   *     one following {@code has_more}: events were lost; read the resource in full and continue from
   *     the fresh token it carries
   * @throws InvalidResponseException if Asana answers {@code has_more} with the token it was given
   */
  public EventBatch fetch(String resourceGid, String syncToken) {
    EventBatch batch = page(resourceGid, syncToken);
    if (syncToken == null || !batch.hasMore()) {
      return batch;
    }
    List<AsanaEvent> all = new ArrayList<>(batch.events());
    String token = syncToken;
    while (batch.hasMore() && all.size() < MAX_EVENTS_PER_FETCH) {
      if (batch.syncToken().equals(token)) {
        throw new InvalidResponseException("Asana answered has_more with the sync token it was given for "
            + "GET /events?resource=" + resourceGid + "; stopping instead of looping", 200, "", null);
      }
      token = batch.syncToken();
      batch = page(resourceGid, token);
      all.addAll(batch.events());
    }
    return new EventBatch(all, batch.syncToken(), batch.hasMore());
  }

  /**
   * Polls the resource every {@code interval} on a thread of its own and hands each non-empty batch to
   * {@code handler}, resuming each time from the token of the batch last handed over (or of the last
   * empty answer). Without a token it starts from now. Rate limits are the client's: a 429 waits for its
   * {@code Retry-After}, and a request failing after the client's retries (network, 5xx, 429) is tried
   * again at the next interval. A {@link SyncTokenExpiredException}, another API error, or an exception
   * from the handler ends the poll: see {@link EventPoller#failure()}. Close the poller to stop it.
   *
   * @throws InvalidParameterException for a bad gid or token, or an interval that is not positive
   */
  public EventPoller poll(String resourceGid, String syncToken, Duration interval, Handler handler) {
    request(resourceGid, syncToken); // checks the arguments now, in the caller's thread
    Objects.requireNonNull(handler, "handler");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new InvalidParameterException("interval", "must be a positive duration, was " + interval);
    }
    return EventPoller.start(this, resourceGid, syncToken, interval, handler);
  }

  private Request request(String resourceGid, String syncToken) {
    if (resourceGid == null) {
      throw new InvalidParameterException("resource", "is required: the gid of the project, task... to follow");
    }
    String resource = (String) ParamSpec.required("resource", ParamType.GID, "the resource").normalize(resourceGid);
    if (syncToken != null && syncToken.isBlank()) {
      throw new InvalidParameterException("sync", "must not be empty; leave it out (null) to start from now");
    }
    return CommaSeparatedQueryInterceptor.joinLists(
        apis.get(EventsApi.class).getEvents(resource, syncToken, null, null).request());
  }

  private static EventBatch batch(Object body) {
    if (!(body instanceof Map<?, ?> map)) {
      throw new JsonDataException("Asana's answer to GET /events is not a JSON object");
    }
    if (!(map.get("sync") instanceof String sync) || sync.isEmpty()) {
      throw new JsonDataException("Asana's answer to GET /events has no sync token");
    }
    return new EventBatch(AsanaEvent.listOf(map.get("data"), "Asana's answer to GET /events"), sync,
        Boolean.TRUE.equals(map.get("has_more")));
  }
}
