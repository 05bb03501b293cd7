package dev.asanaconnector;

import com.squareup.moshi.Json;
import java.util.List;

/** The JSON wrappers Asana puts around records: {@code {"data": ...}} and, on lists, {@code next_page}. */
final class Envelopes {
  private Envelopes() {
  }

  static final class ListEnvelope<T> {
    @Json(name = "data") List<T> data;
    @Json(name = "next_page") NextPageJson nextPage;

    Page<T> toPage() {
      return new Page<>(data == null ? List.of() : data, nextPage == null ? null : nextPage.toNextPage());
    }
  }

  static final class DataEnvelope<T> {
    @Json(name = "data") T data;
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
