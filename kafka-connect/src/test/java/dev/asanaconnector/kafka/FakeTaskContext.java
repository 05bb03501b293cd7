package dev.asanaconnector.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A task context whose offset storage is a map: records "committed" with {@link #commit} are read back on start. */
final class FakeTaskContext implements SourceTaskContext {
  final Map<Map<String, Object>, Map<String, Object>> stored = new HashMap<>();

  /** Stores each record's offset for its partition, as Connect does once the records are written. */
  void commit(List<SourceRecord> records) {
    for (SourceRecord record : records) {
      @SuppressWarnings("unchecked")
      Map<String, Object> partition = (Map<String, Object>) record.sourcePartition();
      @SuppressWarnings("unchecked")
      Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
      stored.put(Map.copyOf(partition), offset);
    }
  }

  @Override
  public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
    throw new UnsupportedOperationException("no metrics in unit tests");
  }

  @Override
  public Map<String, String> configs() {
    return Map.of();
  }

  @Override
  public OffsetStorageReader offsetStorageReader() {
    return new OffsetStorageReader() {
      @Override
      public <T> Map<String, Object> offset(Map<String, T> partition) {
        return stored.get(Map.copyOf(partition));
      }

      @Override
      public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
        for (Map<String, T> partition : partitions) {
          Map<String, Object> offset = offset(partition);
          if (offset != null) {
            out.put(partition, offset);
          }
        }
        return out;
      }
    };
  }
}
