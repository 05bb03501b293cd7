package dev.asanaconnector;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;

/** The JSON wrappers Asana puts around records: {@code {"data": ...}} and, on lists, {@code next_page}. */
final class Envelopes {
  private Envelopes() {
  }

  /**
   * Reads {@code {"data": [records], "next_page": ...}} pages of {@code recordType}. Written out rather
   * than left to Moshi's reflective adapter, which resolves the envelope's type variable and reads its
   * annotations the first time a fresh JVM lists anything (see BENCHMARKS.md, cold start).
   */
  static <T> JsonAdapter<ListEnvelope<T>> listAdapter(Moshi moshi, Class<T> recordType) {
    JsonAdapter<List<T>> records = moshi.adapter(Types.newParameterizedType(List.class, recordType));
    return new ListEnvelopeAdapter<>(records, new NextPageAdapter(moshi.adapter(String.class))).nullSafe();
  }

  /** Reads {@code {"data": record}} of {@code recordType}, as {@link #listAdapter} does pages. */
  static <T> JsonAdapter<DataEnvelope<T>> dataAdapter(Moshi moshi, Class<T> recordType) {
    return new DataEnvelopeAdapter<>(moshi.adapter(recordType)).nullSafe();
  }

  private static final JsonReader.Options LIST_NAMES = JsonReader.Options.of("data", "next_page");
  private static final JsonReader.Options DATA_NAMES = JsonReader.Options.of("data");
  private static final JsonReader.Options NEXT_PAGE_NAMES = JsonReader.Options.of("offset", "path", "uri");

  private static final class ListEnvelopeAdapter<T> extends JsonAdapter<ListEnvelope<T>> {
    private final JsonAdapter<List<T>> records;
    private final JsonAdapter<NextPageJson> nextPage;

    ListEnvelopeAdapter(JsonAdapter<List<T>> records, JsonAdapter<NextPageJson> nextPage) {
      this.records = records;
      this.nextPage = nextPage.nullSafe();
    }

    @Override
    public ListEnvelope<T> fromJson(JsonReader reader) throws IOException {
      ListEnvelope<T> envelope = new ListEnvelope<>();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(LIST_NAMES)) {
          case 0 -> envelope.data = records.fromJson(reader);
          case 1 -> envelope.nextPage = nextPage.fromJson(reader);
          default -> skipNameAndValue(reader);
        }
      }
      reader.endObject();
      return envelope;
    }

    @Override
    public void toJson(JsonWriter writer, ListEnvelope<T> envelope) throws IOException {
      writer.beginObject();
      writer.name("data");
      records.toJson(writer, envelope.data);
      writer.name("next_page");
      nextPage.toJson(writer, envelope.nextPage);
      writer.endObject();
    }
  }

  private static final class DataEnvelopeAdapter<T> extends JsonAdapter<DataEnvelope<T>> {
    private final JsonAdapter<T> record;

    DataEnvelopeAdapter(JsonAdapter<T> record) {
      this.record = record;
    }

    @Override
    public DataEnvelope<T> fromJson(JsonReader reader) throws IOException {
      DataEnvelope<T> envelope = new DataEnvelope<>();
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(DATA_NAMES) == 0) {
          envelope.data = record.fromJson(reader);
        } else {
          skipNameAndValue(reader);
        }
      }
      reader.endObject();
      return envelope;
    }

    @Override
    public void toJson(JsonWriter writer, DataEnvelope<T> envelope) throws IOException {
      writer.beginObject();
      writer.name("data");
      record.toJson(writer, envelope.data);
      writer.endObject();
    }
  }

  private static final class NextPageAdapter extends JsonAdapter<NextPageJson> {
    private final JsonAdapter<String> text;

    NextPageAdapter(JsonAdapter<String> text) {
      this.text = text;
    }

    @Override
    public NextPageJson fromJson(JsonReader reader) throws IOException {
      NextPageJson nextPage = new NextPageJson();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NEXT_PAGE_NAMES)) {
          case 0 -> nextPage.offset = text.fromJson(reader);
          case 1 -> nextPage.path = text.fromJson(reader);
          case 2 -> nextPage.uri = text.fromJson(reader);
          default -> skipNameAndValue(reader);
        }
      }
      reader.endObject();
      return nextPage;
    }

    @Override
    public void toJson(JsonWriter writer, NextPageJson nextPage) throws IOException {
      writer.beginObject();
      writer.name("offset");
      text.toJson(writer, nextPage.offset);
      writer.name("path");
      text.toJson(writer, nextPage.path);
      writer.name("uri");
      text.toJson(writer, nextPage.uri);
      writer.endObject();
    }
  }

  private static void skipNameAndValue(JsonReader reader) throws IOException {
    reader.skipName();
    reader.skipValue();
  }

  static final class ListEnvelope<T> {
    List<T> data;
    NextPageJson nextPage;

    /**
     * The page; a missing {@code data} list or a null record is not Asana's shape and fails (the
     * transport reports it as an {@link InvalidResponseException} with the request and a body excerpt).
     */
    Page<T> toPage(String action) {
      if (data == null) {
        throw new JsonDataException("Asana's answer to " + action + " has no data list");
      }
      if (data.contains(null)) {
        throw new JsonDataException("Asana's answer to " + action + " lists a null record");
      }
      return new Page<>(data, nextPage == null ? null : nextPage.toNextPage());
    }
  }

  static final class DataEnvelope<T> {
    T data;

    /** The record; a missing or null {@code data} fails as {@link #toPage} does. */
    T record(String action) {
      if (data == null) {
        throw new JsonDataException("Asana's answer to " + action + " has no data object");
      }
      return data;
    }
  }

  static final class NextPageJson {
    String offset;
    String path;
    String uri;

    NextPage toNextPage() {
      return offset == null ? null : new NextPage(offset, path, uri);
    }
  }

  static final class ErrorEnvelope {
    @Json(name = "errors") List<ErrorJson> errors;
  }

  static final class ErrorJson {
    @Json(name = "message") String message;
    @Json(name = "help") String help;
    @Json(name = "phrase") String phrase;
  }
}
