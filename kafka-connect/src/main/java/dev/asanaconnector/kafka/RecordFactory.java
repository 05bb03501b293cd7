package dev.asanaconnector.kafka;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Asana records into Connect records: key the gid, value the record (JSON text, a schemaless map
 * or a {@link Struct}), null for a deleted resource (a tombstone), headers naming the action and the
 * resource type, timestamp Asana's {@code modified_at} or else the event's time.
 */
public final class RecordFactory {
  /** Header: what produced the record: {@code snapshot}, {@code crawl}, {@code listed} or the event's action. */
  public static final String ACTION_HEADER = "asana.action";
  /** Header: Asana's resource type ({@code task}, {@code section}...). */
  public static final String RESOURCE_TYPE_HEADER = "asana.resource.type";
  /** Header: the tenant's name. */
  public static final String TENANT_HEADER = "asana.tenant";

  /** The value schema of {@link AsanaSourceConfig.ValueFormat#STRUCT}: the main fields and the whole record. */
  public static final Schema STRUCT_SCHEMA = SchemaBuilder.struct().name("dev.asanaconnector.kafka.AsanaRecord")
      .optional()
      .field("tenant", Schema.STRING_SCHEMA)
      .field("gid", Schema.STRING_SCHEMA)
      .field("resource_type", Schema.OPTIONAL_STRING_SCHEMA)
      .field("name", Schema.OPTIONAL_STRING_SCHEMA)
      .field("modified_at", Schema.OPTIONAL_STRING_SCHEMA)
      .field("json", Schema.STRING_SCHEMA)
      .build();

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private final AsanaSourceConfig.ValueFormat format;

  /** A factory producing values in {@code format}. */
  public RecordFactory(AsanaSourceConfig.ValueFormat format) {
    this.format = format;
  }

  /**
   * A record for {@code record} (null: a tombstone for {@code gid}).
   *
   * @param eventTime the event's time, used when the record has no {@code modified_at}; may be null
   */
  public SourceRecord create(Map<String, ?> partition, Map<String, ?> offset, String topic, String tenant, String gid,
      String resourceType, Map<String, Object> record, String action, Instant eventTime) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(ACTION_HEADER, action);
    headers.addString(RESOURCE_TYPE_HEADER, resourceType);
    headers.addString(TENANT_HEADER, tenant);
    Instant modifiedAt = record == null ? null : time(record.get("modified_at"));
    Instant when = modifiedAt != null ? modifiedAt : eventTime != null ? eventTime : Instant.now();
    Schema valueSchema;
    Object value;
    switch (format) {
      case JSON -> {
        valueSchema = Schema.OPTIONAL_STRING_SCHEMA;
        value = record == null ? null : JSON.toJson(record);
      }
      case MAP -> {
        valueSchema = null;
        value = record;
      }
      case STRUCT -> {
        valueSchema = STRUCT_SCHEMA;
        value = record == null ? null : new Struct(STRUCT_SCHEMA)
            .put("tenant", tenant)
            .put("gid", gid)
            .put("resource_type", string(record.get("resource_type")))
            .put("name", string(record.get("name")))
            .put("modified_at", string(record.get("modified_at")))
            .put("json", JSON.toJson(record));
      }
      default -> throw new AssertionError(format);
    }
    return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA, gid, valueSchema, value,
        when.toEpochMilli(), headers);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant time(Object value) {
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
