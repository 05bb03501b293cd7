package dev.asanaconnector;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asana answered with an error status. Carries the status, Asana's error entries, the request id Asana
 * assigned (when it sent one) and the request's method and path (never its query or headers, which may
 * hold secrets). Subclasses name the common statuses.
 */
public class AsanaApiException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  /** An unmodifiable {@code List.copyOf}, serializable like its {@link AsanaError} entries. */
  private final List<AsanaError> errors;
  private final String requestId;
  private final String method;
  private final String path;

  /** An error answer to {@code method path} (the path without its query, which may hold secrets). */
  public AsanaApiException(int status, List<AsanaError> errors, String requestId, String method, String path) {
    super(describe(status, errors, requestId, method, path));
    this.status = status;
    this.errors = List.copyOf(errors);
    this.requestId = requestId;
    this.method = method;
    this.path = path;
  }

  private static String describe(int status, List<AsanaError> errors, String requestId, String method,
      String path) {
    String messages = errors.isEmpty() ? "no error message"
        : errors.stream().map(AsanaError::message).collect(Collectors.joining("; "));
    return "HTTP " + status + " from Asana for " + method + " " + path + ": " + messages
        + (requestId != null ? " (request id " + requestId + ")" : "");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Asana's error entries, possibly empty. */
  public List<AsanaError> errors() {
    return errors;
  }

  /** Asana's messages, in order. */
  public List<String> messages() {
    return errors.stream().map(AsanaError::message).collect(Collectors.toList());
  }

  /** The id Asana gave the request, for support tickets. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The request's HTTP method. */
  public String method() {
    return method;
  }

  /** The request's path, without its query. */
  public String path() {
    return path;
  }
}
