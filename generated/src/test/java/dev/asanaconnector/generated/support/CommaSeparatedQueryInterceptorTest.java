package dev.asanaconnector.generated.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class CommaSeparatedQueryInterceptorTest {
  private static final Set<String> OPT_FIELDS = Set.of("opt_fields");

  private static HttpUrl url(String query) {
    return HttpUrl.get("https://app.asana.com/api/1.0/tasks?" + query);
  }

  @Test
  void repeatedValuesAreJoinedAtTheFirstOccurrenceAndOtherPairsKeepTheirOrder() {
    HttpUrl joined = CommaSeparatedQueryInterceptor.join(
        url("limit=5&opt_fields=name&offset=abc&opt_fields=notes%2Cx&opt_fields=due_on"), OPT_FIELDS);
    assertEquals("limit=5&opt_fields=name,notes%2Cx,due_on&offset=abc", joined.encodedQuery());
    assertEquals("/api/1.0/tasks", joined.encodedPath());
  }

  @Test
  void aSingleValueOrOtherRepeatedNamesLeaveTheUrlAsItWas() {
    HttpUrl once = url("opt_fields=name&tag=1&tag=2");
    assertSame(once, CommaSeparatedQueryInterceptor.join(once, OPT_FIELDS));
  }

  @Test
  void pairsWithoutValueAndEmptyPairsAreKept() {
    HttpUrl joined = CommaSeparatedQueryInterceptor.join(url("opt_fields=a&flag&&opt_fields=b&opt_fields"),
        OPT_FIELDS);
    assertEquals("opt_fields=a,b&flag&&opt_fields", joined.encodedQuery());
  }
}
