package dev.asanaconnector.generated.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

class CommaSeparatedQueryInterceptorTest {
  private static final Set<String> OPT_FIELDS = Set.of("opt_fields");

  /** A generated-style method: one comma-separated list and one ordinary repeated parameter. */
  interface Lists {
    @GET("tasks")
    Call<Object> tasks(@Query("opt_fields") @CommaSeparated List<String> optFields, @Query("tag") List<String> tags);
  }

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

  @Test
  void joinListsJoinsWhatAGeneratedMethodBuiltAndLeavesOtherRequestsAlone() {
    Lists api = AsanaRetrofit.builder(HttpUrl.get("https://app.asana.com/api/1.0/"), new OkHttpClient()).build()
        .create(Lists.class);
    Request built = api.tasks(List.of("name", "notes"), List.of("1", "2")).request();
    assertEquals("opt_fields=name&opt_fields=notes&tag=1&tag=2", built.url().encodedQuery(), "as Retrofit builds it");

    Request joined = CommaSeparatedQueryInterceptor.joinLists(built);
    assertEquals("opt_fields=name,notes&tag=1&tag=2", joined.url().encodedQuery());
    assertSame(joined, CommaSeparatedQueryInterceptor.joinLists(joined), "joining twice changes nothing");

    Request handMade = new Request.Builder().url("https://app.asana.com/api/1.0/tasks?opt_fields=a&opt_fields=b").build();
    assertSame(handMade, CommaSeparatedQueryInterceptor.joinLists(handMade), "not from a generated method");
  }
}
