package dev.asanaconnector;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The one pager of offset-paged lists: walks {@code next_page} offsets one page at a time, for typed
 * iterations ({@link PagedIterable}) and untyped ones ({@link AsanaClient#executePages}) alike. A page
 * that points back to an offset already followed ends the walk with an {@link InvalidResponseException}
 * instead of looping; memory stays flat however long the list (the last {@value #RECENT} offsets are
 * kept, which catches short loops at once, and a Brent checkpoint catches longer ones before three
 * times the pages up to the loop's end have been fetched).
 *
 * <p>A page that fails leaves the walk where it was: {@code next()} asks for that page again.
 *
 * @param <P> the page type
 */
final class PageWalker<P> implements Iterator<P> {
  static final int RECENT = 64;

  private final Function<String, P> fetch;
  private final Function<P, String> nextOffsetOf;
  private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);
  private String nextOffset;
  private boolean done;
  private String checkpoint;
  private long checkpointSpan = RECENT;
  private long sinceCheckpoint;

  /**
   * @param fetch fetches the page at an offset ({@code null}: the first page)
   * @param nextOffsetOf the offset of the page after a page, or null at the end
   * @param firstOffset where to start ({@code null}: the first page)
   */
  PageWalker(Function<String, P> fetch, Function<P, String> nextOffsetOf, String firstOffset) {
    this.fetch = fetch;
    this.nextOffsetOf = nextOffsetOf;
    this.nextOffset = firstOffset;
  }

  @Override
  public boolean hasNext() {
    return !done;
  }

  @Override
  public P next() {
    if (done) {
      throw new NoSuchElementException("no more pages");
    }
    String offset = nextOffset;
    if (offset != null && (recent.contains(offset) || offset.equals(checkpoint))) {
      throw new InvalidResponseException("Asana returned the pagination offset '" + offset
          + "' a second time; stopping instead of looping", 200, "", null);
    }
    P page = fetch.apply(offset);
    if (offset != null) {
      remember(offset); // only once fetched: after a failure the same page is asked for again
    }
    nextOffset = nextOffsetOf.apply(page);
    done = nextOffset == null;
    return page;
  }

  private void remember(String offset) {
    if (recent.size() == RECENT) {
      recent.removeFirst();
    }
    recent.addLast(offset);
    // Brent's cycle detection: a checkpoint moved to ever more distant pages finds a loop of any length.
    if (++sinceCheckpoint >= checkpointSpan) {
      checkpoint = offset;
      checkpointSpan *= 2;
      sinceCheckpoint = 0;
    }
  }
}
