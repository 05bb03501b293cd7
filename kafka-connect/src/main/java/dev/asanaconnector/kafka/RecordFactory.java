package dev.asanaconnector.kafka;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Asana records into Connect records: key the gid, value the record (JSON text, a schemaless map
 * or a {@link Struct}), null for a deleted resource (a tombstone), headers naming the action and the
 * resource type, timestamp the time the change was seen (the event's time, or when the record was read).
 *
 * <p>Not Asana's {@code modified_at}: a snapshot holds records last edited months ago, and a broker with
 * time-based retention (7 days by default) deletes a segment as soon as its newest timestamp is older than
 * that, so a snapshot stamped with edit times would be deleted while it is being written. The edit time
 * stays in the value.
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
   * @param seenAt the record's timestamp: the event's time, or when the record was read
   */
  public SourceRecord create(Map<String, ?> partition, Map<String, ?> offset, String topic, String tenant, String gid,
      String resourceType, Map<String, Object> record, String action, Instant seenAt) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(ACTION_HEADER, action);
    headers.addString(RESOURCE_TYPE_HEADER, resourceType);
    headers.addString(TENANT_HEADER, tenant);
    Objects.requireNonNull(seenAt, "seenAt");
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
        seenAt.toEpochMilli(), headers);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
