package dev.asanaconnector.generated.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Writes date-time query and path values in full ISO 8601 ({@code 2026-01-31T09:00:00Z}): Java's
 * {@code toString()} drops zero seconds ({@code 09:00Z}), a form Asana's filters may not accept.
 */
public final class QueryValueConverterFactory extends Converter.Factory {
  private static final Converter<OffsetDateTime, String> DATE_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME::format;
  private static final Converter<LocalDate, String> DATE = LocalDate::toString;

  @Override
  public Converter<?, String> stringConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == OffsetDateTime.class) {
      return DATE_TIME;
    }
    if (type == LocalDate.class) {
      return DATE;
    }
    return null;
  }
}
