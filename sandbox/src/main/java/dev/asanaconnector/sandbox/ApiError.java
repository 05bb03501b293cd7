package dev.asanaconnector.sandbox;

/** Thrown by request handling to answer with an Asana-shaped error (no stack trace: it is control flow). */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError unknownObject(String gid) {
    return new ApiError(404, "Unknown object: " + gid);
  }
}
