package dev.asanaconnector.generated.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses the one shape of timestamp and date Asana sends ({@code 2012-02-22T02:06:58.147Z},
 * {@code 2019-09-15}) without {@link java.time.format.DateTimeFormatter}, whose general parser costs
 * more than the rest of a record's fields together. Anything of another shape goes to the JDK's ISO
 * parser, so what this accepts is exactly what {@code OffsetDateTime.parse} accepts.
 */
final class IsoTimes {
  private IsoTimes() {
  }

  /** {@code text} as a date-time, by the fast path when it has Asana's shape. */
  static OffsetDateTime parseDateTime(String text) {
    OffsetDateTime fast = fastDateTime(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  /** {@code text} as a date, by the fast path when it is {@code yyyy-MM-dd}. */
  static LocalDate parseDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException outOfRange) {
          // 2019-02-30: the JDK's parser below reports it as the DateTimeParseException callers expect
        }
      }
    }
    return LocalDate.parse(text);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)}, or null for any other shape. */
  private static OffsetDateTime fastDateTime(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
        nanos = nanos * 10 + (text.charAt(position) - '0');
        position++;
      }
      int fractionDigits = position - start;
      if (fractionDigits == 0 || (position < length && isDigit(text.charAt(position)))) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(text, position);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (java.time.DateTimeException outOfRange) {
      return null; // let the JDK's parser report it in its own words
    }
  }

  private static ZoneOffset offset(String text, int position) {
    int remaining = text.length() - position;
    if (remaining == 1 && text.charAt(position) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = remaining == 6 ? text.charAt(position) : 0;
    if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
      return null;
    }
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
  }

  /** The {@code count} decimal digits at {@code from}, or -1 when one of them is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
