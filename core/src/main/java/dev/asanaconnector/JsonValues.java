package dev.asanaconnector;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes untyped JSON as maps, lists, strings, booleans and numbers, keeping integers as
 * {@code Long} (Moshi's own untyped reader turns every number into a {@code Double}, which would print
 * an attachment size of 1024 as {@code 1024.0}).
 */
final class JsonValues {
  private JsonValues() {
  }

  static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(map);
      }
      case BEGIN_ARRAY: {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("Unexpected JSON token " + reader.peek() + " at " + reader.getPath());
    }
  }

  private static Object number(String text) {
    BigDecimal decimal = new BigDecimal(text);
    if (decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return decimal.longValueExact();
    }
    return decimal;
  }

  static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable<?> items) {
      writer.beginArray();
      for (Object item : items) {
        write(writer, item);
      }
      writer.endArray();
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else if (value instanceof Number number) {
      writer.value(number);
    } else {
      writer.value(value.toString());
    }
  }
}
