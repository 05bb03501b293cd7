package dev.asanaconnector.http;

import java.io.IOException;

/**
 * A response body larger than the stack reads into memory for Asana's API: more than 64 MiB of JSON,
 * or more than 64 KiB of anything else. Not retried (asking again gives the same answer). Its message
 * names the sizes and the content type, never any of the body.
 */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String contentType;
  private final transient byte[] head;

  ResponseTooLargeException(int status, String contentType, long limit, byte[] head) {
    super("The response (HTTP " + status + ", " + (contentType == null ? "no content type" : contentType)
        + ") is larger than the " + limit + " bytes read for such an answer");
    this.status = status;
    this.contentType = contentType;
    this.head = head;
  }

  /** The HTTP status of the response. */
  public int status() {
    return status;
  }

  /** The response's Content-Type header, or null. */
  public String contentType() {
    return contentType;
  }

  /** The first bytes of the body (a copy), for an excerpt that the caller redacts before showing. */
  public byte[] head() {
    return head == null ? new byte[0] : head.clone();
  }
}
