package dev.asanaconnector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RecordFactoryTest {
  private static final Map<String, String> PARTITION = Map.of("project", "1");
  private static final Map<String, String> OFFSET = Map.of("page", "x");

  @Test
  void aRecordEditedLongAgoIsStampedWithWhenItWasSeenSoRetentionDoesNotDeleteItOnArrival() {
    Instant readAt = Instant.parse("2026-12-05T10:00:00Z");
    Map<String, Object> task = Map.of("gid", "42", "resource_type", "task", "name", "Old task",
        "modified_at", "2024-01-02T03:04:05.000Z");

    SourceRecord record = new RecordFactory(AsanaSourceConfig.ValueFormat.STRUCT)
        .create(PARTITION, OFFSET, "asana.t.tasks", "t", "42", "task", task, "snapshot", readAt);

    assertEquals(readAt.toEpochMilli(), record.timestamp());
    assertEquals("2024-01-02T03:04:05.000Z", ((Struct) record.value()).getString("modified_at"));
  }

  @Test
  void aTombstoneCarriesTheEventTimeAndTheHeaders() {
    Instant deletedAt = Instant.parse("2026-12-05T09:59:00Z");

    SourceRecord record = new RecordFactory(AsanaSourceConfig.ValueFormat.JSON)
        .create(PARTITION, OFFSET, "asana.t.tasks", "t", "42", "task", null, "deleted", deletedAt);

    assertNull(record.value());
    assertEquals("42", record.key());
    assertEquals(deletedAt.toEpochMilli(), record.timestamp());
    assertEquals("deleted", record.headers().lastWithName(RecordFactory.ACTION_HEADER).value());
    assertTrue(record.headers().lastWithName(RecordFactory.TENANT_HEADER).value().equals("t"));
  }
}
