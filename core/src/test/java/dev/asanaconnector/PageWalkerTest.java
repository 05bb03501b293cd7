package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one pager: every page once, loops of any length stopped, flat memory, a failed page asked again. */
class PageWalkerTest {
  /** Pages are numbers; the page after n is n+1, or what {@code next} says. */
  private static PageWalker<Integer> walk(Function<Integer, String> next, AtomicInteger fetches) {
    return new PageWalker<>(offset -> {
      fetches.incrementAndGet();
      return offset == null ? 0 : Integer.parseInt(offset);
    }, next, null);
  }

  @Test
  void walksEveryPageOnceToTheEnd() {
    AtomicInteger fetches = new AtomicInteger();
    PageWalker<Integer> pages = walk(n -> n < 9 ? String.valueOf(n + 1) : null, fetches);
    List<Integer> seen = new ArrayList<>();
    pages.forEachRemaining(seen::add);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
    assertEquals(10, fetches.get());
  }

  @Test
  void aRepeatedOffsetStopsTheWalkAtOnce() {
    AtomicInteger fetches = new AtomicInteger();
    PageWalker<Integer> pages = walk(n -> n == 3 ? "2" : String.valueOf(n + 1), fetches);
    for (int i = 0; i < 4; i++) {
      pages.next();
    }
    InvalidResponseException e = assertThrows(InvalidResponseException.class, pages::next);
    assertTrue(e.getMessage().contains("'2' a second time"), e.getMessage());
    assertEquals(4, fetches.get(), "the repeated page is not fetched again");
  }

  @Test
  void unboundedState_aLoopLongerThanTheRecentWindowIsStoppedWithFlatMemory() {
    // A server cycling through 1,000 offsets (longer than the 64 remembered) after 5,000 good pages: a
    // Brent checkpoint catches it before three times the pages up to the loop's end have been fetched.
    AtomicInteger fetches = new AtomicInteger();
    int cycle = 1_000;
    int lead = 5_000;
    PageWalker<Integer> pages = walk(n -> String.valueOf(n < lead + cycle ? n + 1 : lead), fetches);
    assertThrows(InvalidResponseException.class, () -> {
      while (pages.hasNext()) {
        pages.next();
      }
    });
    assertTrue(fetches.get() <= 3 * (lead + cycle), "stopped after " + fetches.get() + " pages");
  }

  @Test
  void unboundedState_aMillionDistinctOffsetsAreWalkedWithoutCollectingThem() {
    // The old iterator kept every offset it followed; a million pages cost a million strings. The walker
    // keeps 64 and a checkpoint: this runs in a few MiB whatever the length.
    AtomicInteger fetches = new AtomicInteger();
    PageWalker<Integer> pages = walk(n -> n < 999_999 ? String.valueOf(n + 1) : null, fetches);
    long before = usedHeap();
    int last = -1;
    while (pages.hasNext()) {
      last = pages.next();
    }
    assertEquals(999_999, last);
    assertTrue(usedHeap() - before < 32L << 20, "the walk kept " + ((usedHeap() - before) >> 20) + " MiB");
  }

  @Test
  void aFailedPageIsAskedForAgain() {
    AtomicInteger calls = new AtomicInteger();
    PageWalker<Integer> pages = new PageWalker<>(offset -> {
      if (calls.incrementAndGet() == 2) {
        throw new NetworkException("cut", null);
      }
      return offset == null ? 0 : Integer.parseInt(offset);
    }, n -> n < 2 ? String.valueOf(n + 1) : null, null);
    assertEquals(0, pages.next());
    assertThrows(NetworkException.class, pages::next);
    assertEquals(1, pages.next(), "the same page, not a repeated offset");
    assertEquals(2, pages.next());
    assertFalse(pages.hasNext());
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
