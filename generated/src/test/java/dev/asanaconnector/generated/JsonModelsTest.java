package dev.asanaconnector.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.asanaconnector.generated.api.TasksApi;
import dev.asanaconnector.generated.model.AddCustomFieldSettingRequest;
import dev.asanaconnector.generated.model.AddCustomFieldSettingRequestCustomField;
import dev.asanaconnector.generated.model.CreateTaskRequest;
import dev.asanaconnector.generated.model.CustomFieldResponse;
import dev.asanaconnector.generated.model.TaskBase;
import dev.asanaconnector.generated.model.TaskResponse;
import dev.asanaconnector.generated.model.WebhookResponse;
import dev.asanaconnector.generated.support.AsanaJson;
import dev.asanaconnector.generated.support.StringOrObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The models with AsanaJson's Moshi alone: enums, formats, and the string-or-object form.
 *
 * <p>These tests also run against the older spec versions scripts/test generates from, so they name only
 * models that every version has. createTask's record is {@code TaskRequest} up to 2026-02-05 and
 * {@code TaskCreateRequest} since 2026-06-11 (Asana split it from {@code TaskUpdateRequest}): it is reached
 * through createTask's envelope {@code CreateTaskRequest}, and held in a {@code var}. Task fields common to
 * all request and response records are built on their shared part, {@code TaskBase}.
 */
class JsonModelsTest {
  private static <T> JsonAdapter<T> adapter(Class<T> type) {
    return AsanaJson.moshi().adapter(type);
  }

  @Test
  void modelsAreImmutableAndBuildersCopyWhatTheyAreGiven() throws IOException {
    List<String> followers = new ArrayList<>(List.of("me"));
    var built = adapter(CreateTaskRequest.class).fromJson("{\"data\": {}}").getData().toBuilder()
        .name("Plan").followers(followers).build();
    followers.add("1200");
    assertEquals(List.of("me"), built.getFollowers(), "the builder copied the list");
    assertThrows(UnsupportedOperationException.class, () -> built.getFollowers().add("x"));

    var renamed = built.toBuilder().name("Launch").build();
    assertEquals("Plan", built.getName(), "toBuilder leaves the original as it was");
    assertEquals("Launch", renamed.getName());
    assertEquals(List.of("me"), renamed.getFollowers());

    var read = adapter(CreateTaskRequest.class)
        .fromJson("{\"data\": {\"name\": \"x\", \"followers\": [\"1\", \"2\"]}}").getData();
    assertThrows(UnsupportedOperationException.class, () -> read.getFollowers().clear());
    assertEquals(List.of("1", "2"), read.getFollowers());
    assertEquals(read, read.toBuilder().build(), "a copy equals its original");
  }

  @Test
  void writingUnrecognizedFailsWithAClearMessage() {
    TaskBase task = TaskBase.builder().name("x").resourceSubtype(TaskBase.ResourceSubtypeEnum.UNRECOGNIZED).build();
    JsonDataException e = assertThrows(JsonDataException.class, () -> adapter(TaskBase.class).toJson(task));
    assertTrue(e.getMessage().contains("ResourceSubtypeEnum.UNRECOGNIZED"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot be sent"), e.getMessage());
    assertTrue(e.getMessage().contains("$.resource_subtype"), e.getMessage());
  }

  @Test
  void aCallWithAnUnrecognizedValueFailsBeforeAnythingIsSent() throws IOException {
    // A record read with a resource_subtype this version does not know holds UNRECOGNIZED; it cannot be sent back.
    CreateTaskRequest body = adapter(CreateTaskRequest.class)
        .fromJson("{\"data\": {\"name\": \"x\", \"resource_subtype\": \"brand_new_kind\"}}");
    assertEquals("UNRECOGNIZED", body.getData().getResourceSubtype().name());
    try (MockAsana asana = new MockAsana()) {
      TasksApi tasks = asana.api(TasksApi.class);
      RuntimeException e = assertThrows(RuntimeException.class, () -> MockAsana.call(tasks, "createTask",
          MockAsana.args("body", body)).execute());
      Throwable cause = e;
      while (cause != null && !(cause instanceof JsonDataException)) {
        cause = cause.getCause();
      }
      assertInstanceOf(JsonDataException.class, cause, "cause of " + e);
      assertTrue(cause.getMessage().contains("UNRECOGNIZED"), cause.getMessage());
      assertEquals(0, asana.server.getRequestCount());
    }
  }

  @Test
  void unknownEnumValueReadsAsUnrecognizedAndKnownOnesByTheirJsonName() throws IOException {
    TaskResponse task = adapter(TaskResponse.class).fromJson(
        "{\"resource_subtype\": \"brand_new_kind\", \"assignee_status\": \"upcoming\"}");
    assertEquals(TaskResponse.ResourceSubtypeEnum.UNRECOGNIZED, task.getResourceSubtype());
    assertEquals(TaskResponse.AssigneeStatusEnum.UPCOMING, task.getAssigneeStatus());
    // A JSON null is a null, not UNRECOGNIZED.
    assertNull(adapter(TaskResponse.class).fromJson("{\"resource_subtype\": null}").getResourceSubtype());
    // Enum values that are Java keywords or start with digits keep their JSON names.
    CustomFieldResponse field = adapter(CustomFieldResponse.class).fromJson("{\"privacy_setting\": \"private\"}");
    assertEquals("{\"privacy_setting\":\"private\"}", adapter(CustomFieldResponse.class).toJson(field));
  }

  @Test
  void datesDecimalsAndUrisRoundTripExactly() throws IOException {
    String json = "{\"gid\":\"1\",\"target\":\"https://example.com/hook?a=1&b=%20\","
        + "\"created_at\":\"2026-02-05T23:59:59.999-08:00\",\"last_success_at\":\"2026-02-06T00:00:00Z\"}";
    WebhookResponse webhook = adapter(WebhookResponse.class).fromJson(json);
    assertEquals(URI.create("https://example.com/hook?a=1&b=%20"), webhook.getTarget());
    assertEquals(OffsetDateTime.of(2026, 2, 5, 23, 59, 59, 999_000_000, ZoneOffset.ofHours(-8)),
        webhook.getCreatedAt());
    assertEquals(MockAsana.json(json), MockAsana.json(adapter(WebhookResponse.class).toJson(webhook)));

    TaskBase task = TaskBase.builder().dueOn(LocalDate.of(2024, 2, 29))
        .actualTimeMinutes(new BigDecimal("0.30000000000000000001"))
        .dueAt(OffsetDateTime.of(2026, 1, 31, 9, 0, 0, 0, ZoneOffset.UTC)).build();
    String written = adapter(TaskBase.class).toJson(task);
    // Exact text: the decimal is not squeezed through a double, the date-time keeps its seconds.
    assertTrue(written.contains("\"actual_time_minutes\":0.30000000000000000001"), written);
    assertTrue(written.contains("\"due_at\":\"2026-01-31T09:00:00Z\""), written);
    assertTrue(written.contains("\"due_on\":\"2024-02-29\""), written);
    assertEquals(task, adapter(TaskBase.class).fromJson(written));
  }

  @Test
  void malformedFormatsFailWithThePath() {
    JsonDataException date = assertThrows(JsonDataException.class,
        () -> adapter(TaskResponse.class).fromJson("{\"due_on\": \"next tuesday\"}"));
    assertTrue(date.getMessage().contains("$.due_on"), date.getMessage());
    JsonDataException dateTime = assertThrows(JsonDataException.class,
        () -> adapter(TaskResponse.class).fromJson("{\"created_at\": \"2026-02-05\"}"));
    assertTrue(dateTime.getMessage().contains("$.created_at"), dateTime.getMessage());
  }

  @Test
  void stringOrObjectModelReadsAndWritesBothForms() throws IOException {
    assertTrue(AddCustomFieldSettingRequestCustomField.class.isAnnotationPresent(StringOrObject.class));
    JsonAdapter<AddCustomFieldSettingRequest> adapter = adapter(AddCustomFieldSettingRequest.class);

    AddCustomFieldSettingRequest byGid = adapter.fromJson("{\"custom_field\": \"14916\", \"is_important\": true}");
    assertEquals("14916", byGid.getCustomField().getStringValue());
    assertNull(byGid.getCustomField().getName());
    assertEquals("{\"custom_field\":\"14916\",\"is_important\":true}", adapter.toJson(byGid));

    AddCustomFieldSettingRequest inFull = adapter.fromJson("""
        {"custom_field": {"name": "Priority", "type": "enum", "number_value": 5.20,
                          "enum_options": [{"name": "High", "color": "red"}]}}
        """);
    AddCustomFieldSettingRequestCustomField field = inFull.getCustomField();
    assertNull(field.getStringValue());
    assertEquals("Priority", field.getName());
    assertEquals(AddCustomFieldSettingRequestCustomField.TypeEnum.ENUM, field.getType());
    assertEquals(new BigDecimal("5.20"), field.getNumberValue());
    assertEquals("High", field.getEnumOptions().get(0).getName());
    assertEquals(Map.of("custom_field", Map.of("name", "Priority", "type", "enum", "number_value", 5.2,
            "enum_options", List.of(Map.of("name", "High", "color", "red")))),
        MockAsana.json(adapter.toJson(inFull)));

    AddCustomFieldSettingRequestCustomField built = AddCustomFieldSettingRequestCustomField.builder().name("Stage").build();
    assertEquals("{\"custom_field\":{\"name\":\"Stage\"}}",
        adapter.toJson(AddCustomFieldSettingRequest.builder().customField(built).build()));
    assertEquals("{\"custom_field\":\"42\"}", adapter.toJson(
        AddCustomFieldSettingRequest.builder().customField(AddCustomFieldSettingRequestCustomField.ofString("42")).build()));
    assertEquals(AddCustomFieldSettingRequestCustomField.ofString("42"),
        AddCustomFieldSettingRequestCustomField.ofString("42"));
    assertTrue(!AddCustomFieldSettingRequestCustomField.ofString("42")
        .equals(AddCustomFieldSettingRequestCustomField.ofString("43")));
  }

  @Test
  void absentFieldsAreNotWrittenAndNullsAreNotRead() throws IOException {
    assertEquals("{}", adapter(TaskBase.class).toJson(TaskBase.builder().build()));
    TaskResponse task = adapter(TaskResponse.class).fromJson("{\"completed\": null, \"num_likes\": null}");
    assertNull(task.getCompleted());
    assertNull(task.getNumLikes());
  }
}
