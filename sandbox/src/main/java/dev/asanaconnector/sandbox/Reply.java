package dev.asanaconnector.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A response before it becomes a MockResponse: status, headers and a (possibly generated) body. */
final class Reply {
  static final String JSON = "application/json; charset=UTF-8";
  static final String ERRORS_HELP = "For more information on API status codes and how to handle them, "
      + "read the docs on errors: https://developers.asana.com/docs/errors";

  final int status;
  final String contentType;
  final Wire.BodyWriter body;
  final List<String[]> headers = new ArrayList<>(4);

  Reply(int status, String contentType, Wire.BodyWriter body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  static Reply json(int status, Json j) {
    return new Reply(status, JSON, new Wire.BytesBody(j.array(), j.length()));
  }

  static Reply text(int status, String contentType, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new Reply(status, contentType, new Wire.BytesBody(b, b.length));
  }

  Reply header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  /** Asana's error shape: {"errors":[{"message":..., "help":...[, "phrase":...]}]}. */
  static Reply error(int status, String message) {
    Json j = new Json(256);
    j.beginObject().name("errors").beginArray().beginObject();
    j.name("message").value(message);
    if (status != 401) {
      j.name("help").value(ERRORS_HELP);
    }
    if (status >= 500) {
      j.name("phrase").value(phrase(message.hashCode()));
    }
    j.endObject().endArray().endObject();
    return json(status, j);
  }

  private static final String[] NUMS = {"6", "9", "12", "17", "23", "31"};
  private static final String[] ADJ = {"sad", "tiny", "brave", "sleepy", "fuzzy", "grumpy"};
  private static final String[] ANIMALS = {"squid", "otters", "pandas", "yaks", "lemurs", "moles"};
  private static final String[] VERBS = {"snuggle", "wander", "juggle", "hum", "nap", "dance"};
  private static final String[] ADV = {"softly", "boldly", "quietly", "wildly", "slowly", "gently"};

  /** Asana attaches a memorable phrase to 500s so users can quote it to support. */
  static String phrase(long h) {
    long x = Mix.mix64(h);
    return NUMS[Mix.below(x, 6)] + " " + ADJ[Mix.below(x >>> 8, 6)] + " " + ANIMALS[Mix.below(x >>> 16, 6)]
        + " " + VERBS[Mix.below(x >>> 24, 6)] + " " + ADV[Mix.below(x >>> 32, 6)];
  }

  static String reason(int code) {
    return switch (code) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 206 -> "Partial Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 412 -> "Precondition Failed";
      case 413 -> "Payload Too Large";
      case 416 -> "Range Not Satisfiable";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> code < 300 ? "OK" : code < 500 ? "Client Error" : "Server Error";
    };
  }
}
