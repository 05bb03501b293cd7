package dev.asanaconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Content-Type values a JSON answer may carry (the fast path and the parsed one agree). */
class ContentTypesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "application/json|true",
      "application/json; charset=UTF-8|true",
      "APPLICATION/JSON;charset=utf-8|true",
      "text/json|true",
      "application/jsonp|false",
      "application/vnd.api+json|false",
      "text/html; charset=UTF-8|false",
      "application/json-seq|false",
      "not a type|false",
      "''|false",
      "NULL|false"})
  void jsonIsRecognised(String contentType, boolean json) {
    assertEquals(json, dev.asanaconnector.http.ResponseBodies.isJson(contentType));
  }
}
