package dev.asanaconnector;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonDataException;
import java.util.List;

/** The JSON wrappers Asana puts around records: {@code {"data": ...}} and, on lists, {@code next_page}. */
final class Envelopes {
  private Envelopes() {
  }

  static final class ListEnvelope<T> {
    @Json(name = "data") List<T> data;
    @Json(name = "next_page") NextPageJson nextPage;

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
    @Json(name = "data") T data;

    /** The record; a missing or null {@code data} fails as {@link #toPage} does. */
    T record(String action) {
      if (data == null) {
        throw new JsonDataException("Asana's answer to " + action + " has no data object");
      }
      return data;
    }
  }

  static final class NextPageJson {
    @Json(name = "offset") String offset;
    @Json(name = "path") String path;
    @Json(name = "uri") String uri;

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
