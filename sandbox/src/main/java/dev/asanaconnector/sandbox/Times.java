package dev.asanaconnector.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Asana's timestamp formats: date-times always with milliseconds and a Z, dates as yyyy-MM-dd. */
final class Times {
  static final long NONE = Long.MIN_VALUE;
  static final int NO_DAY = Integer.MIN_VALUE;
  static final long DAY_MS = 86_400_000L;

  private Times() {}

  /** 2025-03-04T10:11:12.345Z, always with millis (unlike Instant.toString). */
  static String iso(long epochMillis) {
    long secs = Math.floorDiv(epochMillis, 1000);
    int millis = Math.floorMod(epochMillis, 1000);
    LocalDateTime t = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
    char[] c = new char[24];
    int y = t.getYear();
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    two(c, 5, t.getMonthValue());
    c[7] = '-';
    two(c, 8, t.getDayOfMonth());
    c[10] = 'T';
    two(c, 11, t.getHour());
    c[13] = ':';
    two(c, 14, t.getMinute());
    c[16] = ':';
    two(c, 17, t.getSecond());
    c[19] = '.';
    c[20] = (char) ('0' + millis / 100);
    c[21] = (char) ('0' + millis / 10 % 10);
    c[22] = (char) ('0' + millis % 10);
    c[23] = 'Z';
    return new String(c);
  }

  private static void two(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  static String date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  static int dayOf(long epochMillis) {
    return (int) Math.floorDiv(epochMillis, DAY_MS);
  }

  static long millis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  static int day(String isoDate) {
    return (int) LocalDate.parse(isoDate).toEpochDay();
  }

  /** Parses a date-time query value leniently (instant, offset date-time, or a bare date = its UTC midnight). */
  static long parseDateTime(String v) {
    try {
      return Instant.parse(v).toEpochMilli();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // fall through
    }
    return LocalDate.parse(v).toEpochDay() * DAY_MS;
  }

  static int parseDate(String v) {
    return (int) LocalDate.parse(v).toEpochDay();
  }
}
