package dev.asanaconnector;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every record of a list, across pages, fetched lazily: a page is requested only when the records
 * before it have been consumed, so memory stays flat however long the list. Each {@link #iterator()}
 * starts again from the first page.
 *
 * <p>Failures surface from {@code hasNext()}/{@code next()} as the connector's exceptions (an expired
 * offset as {@link OffsetExpiredException}); records already returned stay delivered, and calling
 * {@code hasNext()} again asks for the failed page again. A page that points
 * back to an offset already followed is an {@link InvalidResponseException}, so iteration never loops.
 *
 * @param <T> the record type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetchPage;
  private final String firstOffset;
  private final Integer maxItems;

  PagedIterable(Function<String, Page<T>> fetchPage, String firstOffset, Integer maxItems) {
    this.fetchPage = fetchPage;
    this.firstOffset = firstOffset;
    this.maxItems = maxItems;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /** The records as a sequential stream, fetching pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private final class PageIterator implements Iterator<T> {
    private final Set<String> followedOffsets = new HashSet<>();
    private Iterator<T> current;
    private String nextOffset;
    private boolean lastPage;
    private boolean started;
    private long delivered;

    @Override
    public boolean hasNext() {
      if (maxItems != null && delivered >= maxItems) {
        return false;
      }
      while (current == null || !current.hasNext()) {
        if (started && lastPage) {
          return false;
        }
        String offset = started ? nextOffset : firstOffset;
        if (offset != null && followedOffsets.contains(offset)) {
          throw new InvalidResponseException("Asana returned the pagination offset '" + offset
              + "' a second time; stopping instead of looping", 200, "", null);
        }
        Page<T> page = fetchPage.apply(offset);
        if (offset != null) {
          followedOffsets.add(offset); // only once fetched: after a failure, hasNext() asks for the page again
        }
        started = true;
        current = page.data().iterator();
        lastPage = !page.hasNext();
        nextOffset = lastPage ? null : page.nextPage().offset();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more records");
      }
      delivered++;
      return current.next();
    }
  }
}
