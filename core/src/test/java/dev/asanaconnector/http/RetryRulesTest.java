package dev.asanaconnector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(3))
        .jitter(false).build();
    assertEquals(Duration.ofMillis(500).toNanos(), policy.backoffNanos(1));
    assertEquals(Duration.ofMillis(1000).toNanos(), policy.backoffNanos(2));
    assertEquals(Duration.ofMillis(2000).toNanos(), policy.backoffNanos(3));
    assertEquals(Duration.ofMillis(3000).toNanos(), policy.backoffNanos(4));
    assertEquals(Duration.ofMillis(3000).toNanos(), policy.backoffNanos(80));
  }

  @Test
  void fullJitterStaysWithinTheExponentialDelay() {
    RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(30))
        .build();
    long distinct = java.util.stream.IntStream.range(0, 200).mapToLong(i -> policy.backoffNanos(3)).distinct().count();
    for (int i = 0; i < 200; i++) {
      long delay = policy.backoffNanos(3);
      assertTrue(delay >= 0 && delay <= Duration.ofMillis(400).toNanos(), String.valueOf(delay));
    }
    assertTrue(distinct > 100, "not random: " + distinct);
  }

  @Test
  void readsRetryAfterAsSecondsOrDate() {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", now));
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Sun, 01 Mar 2026 10:01:30 GMT", now));
    assertEquals(Duration.ZERO, RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", now));
    assertNull(RetryAfter.parse("soon", now));
    assertNull(RetryAfter.parse("-3", now));
    assertNull(RetryAfter.parse(null, now));
  }

  @Test
  void paceAllowsASmallBurstThenEvenSpacing() {
    Pacer pacer = new Pacer(600); // burst 6, then one slot per 60 s / 595
    long now = 1_000_000_000L;
    for (int i = 0; i < 6; i++) {
      assertEquals(0, pacer.reserve(now));
    }
    long interval = (Duration.ofMinutes(1).toNanos() + 594) / 595;
    assertEquals(interval, pacer.reserve(now));
    assertEquals(2 * interval, pacer.reserve(now));
  }

  @Test
  void paceNeverExceedsTheRateInAnyMinute() {
    Pacer pacer = new Pacer(1500);
    long minute = Duration.ofMinutes(1).toNanos();
    long start = 0;
    long[] sendTimes = new long[4000];
    for (int i = 0; i < sendTimes.length; i++) {
      sendTimes[i] = start + pacer.reserve(start);
    }
    int inFirstMinute = 0;
    for (long time : sendTimes) {
      if (time < minute) {
        inFirstMinute++;
      }
    }
    assertTrue(inFirstMinute <= 1500 && inFirstMinute >= 1490, inFirstMinute + " in the first minute");
    for (int i = 0; i + 1500 < sendTimes.length; i++) {
      assertTrue(sendTimes[i + 1500] - sendTimes[i] >= minute, "1501 requests within a minute at " + i);
    }
  }
}
