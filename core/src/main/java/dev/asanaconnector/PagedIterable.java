package dev.asanaconnector;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every record of a list, across pages, fetched lazily: a page is requested only when the records
 * before it have been consumed, so memory stays flat however long the list. Each {@link #iterator()}
 * (and each {@link #stream()}) starts again from the first page. Pages are of 100 records unless the
 * params set {@code limit}; {@code maxItems} caps the total.
 *
 * <p>Failures surface from {@code hasNext()}/{@code next()} as the connector's exceptions (an expired
 * offset as {@link OffsetExpiredException}); records already returned stay delivered, and calling
 * {@code hasNext()} again asks for the failed page again. A page that points
 * back to an offset already followed is an {@link InvalidResponseException}, so iteration never loops.
 * Workspace task search, which has no offsets, pages its own way (see
 * {@link WorkspaceTaskSearch#iterate}).
 *
 * @param <T> the record type
 */
public final class PagedIterable<T> implements Iterable<T> {
  /** The page size iterations ask for when the caller sets no {@code limit}: Asana's maximum. */
  static final int DEFAULT_PAGE_SIZE = 100;

  private final Supplier<Iterator<T>> iterators;

  private PagedIterable(Supplier<Iterator<T>> iterators) {
    this.iterators = iterators;
  }

  /** Offset paging: {@code fetchPage} gets the offset to fetch ({@code null} for the first page). */
  PagedIterable(Function<String, Page<T>> fetchPage, String firstOffset, OptionalInt maxItems) {
    this(() -> new OffsetIterator<>(fetchPage, firstOffset, maxItems));
  }

  /** An iteration with its own paging; each call of {@code iterators} starts a fresh one. */
  static <T> PagedIterable<T> of(Supplier<Iterator<T>> iterators) {
    return new PagedIterable<>(iterators);
  }

  /** The params of an iteration's first page: the caller's, with pages of 100 records unless set. */
  static Params firstPageParams(Params params) {
    if (params.toMap().get("limit") != null) {
      return params;
    }
    return Params.builder().from(params).limit(DEFAULT_PAGE_SIZE).build();
  }

  /** The offset an iteration starts at: the caller's {@code offset}, or {@code null} for the first page. */
  static String firstOffset(Params params) {
    return (String) params.toMap().get("offset");
  }

  /** A fresh iteration from the first page; nothing is fetched until {@code hasNext()}. */
  @Override
  public Iterator<T> iterator() {
    return iterators.get();
  }

  /** The records as a sequential stream, fetching pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(() -> Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), Spliterator.ORDERED | Spliterator.NONNULL, false);
  }

  /** The records of offset-paged pages, one page fetched at a time. */
  private static final class OffsetIterator<T> implements Iterator<T> {
    private final PageWalker<Page<T>> pages;
    private final OptionalInt maxItems;
    private Iterator<T> current = Collections.emptyIterator();
    private long delivered;

    OffsetIterator(Function<String, Page<T>> fetchPage, String firstOffset, OptionalInt maxItems) {
      this.pages = new PageWalker<>(fetchPage, page -> page.nextPage().map(NextPage::offset).orElse(null),
          firstOffset);
      this.maxItems = maxItems;
    }

    @Override
    public boolean hasNext() {
      if (maxItems.isPresent() && delivered >= maxItems.getAsInt()) {
        return false;
      }
      while (!current.hasNext()) {
        if (!pages.hasNext()) {
          return false;
        }
        current = pages.next().data().iterator();
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
