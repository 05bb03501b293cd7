package dev.asanaconnector.http;

import okhttp3.Request;

/**
 * Where a call is in its attempts, shared by the stack's interceptors as a request tag: the retry
 * interceptor numbers the attempts, the authenticating one records that it renewed the token (at most
 * once per call), the logging one reports the attempt. Used by one thread at a time: the call's.
 */
final class CallProgress {
  int attempt = 1;
  boolean tokenRenewed;

  /** The progress of the call {@code request} belongs to; a fresh one when no retry interceptor set it. */
  static CallProgress of(Request request) {
    CallProgress progress = request.tag(CallProgress.class);
    return progress != null ? progress : new CallProgress();
  }
}
