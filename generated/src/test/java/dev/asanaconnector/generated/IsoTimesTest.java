package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.asanaconnector.generated.support.AsanaJson;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The date adapters' fast path must agree with the JDK's ISO parser on every input. */
class IsoTimesTest {
  private final JsonAdapter<OffsetDateTime> dateTimes = AsanaJson.moshi().adapter(OffsetDateTime.class);
  private final JsonAdapter<LocalDate> dates = AsanaJson.moshi().adapter(LocalDate.class);

  @ParameterizedTest
  @ValueSource(strings = {"2012-02-22T02:06:58.147Z", "2012-02-22T02:06:58Z", "2012-02-22T02:06:58.1Z",
      "2012-02-22T02:06:58.123456789Z", "2012-02-22T02:06:58.147+05:30", "2012-02-22T02:06:58-08:00",
      "2012-02-22T02:06Z", "2020-02-29T23:59:59.999Z", "+12012-02-22T02:06:58Z", "2012-02-22T02:06:58.147+01:00:30"})
  void dateTimesParseAsTheJdkParsesThem(String text) throws Exception {
    assertEquals(OffsetDateTime.parse(text), dateTimes.fromJson("\"" + text + "\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2012-02-30T02:06:58Z", "2012-13-01T00:00:00Z", "2012-02-22T25:00:00Z",
      "2012-02-22T02:06:58.1234567891Z", "2012-02-22 02:06:58Z", "2012-02-22T02:06:58",
      "2012-02-22T02:06:58+5:30", "2012-02-22T02:06:58+19:00", "yesterday", ""})
  void malformedDateTimesAreRefusedWithTheirText(String text) {
    JsonDataException e = assertThrows(JsonDataException.class, () -> dateTimes.fromJson("\"" + text + "\""));
    assertEquals(true, e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-09-15", "2020-02-29", "0001-01-01", "+10000-01-01"})
  void datesParseAsTheJdkParsesThem(String text) throws Exception {
    assertEquals(LocalDate.parse(text), dates.fromJson("\"" + text + "\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-30", "2019-13-01", "2019-9-15", "2019-09-1x", "15/09/2019"})
  void malformedDatesAreRefused(String text) {
    assertThrows(JsonDataException.class, () -> dates.fromJson("\"" + text + "\""));
  }
}
