package dev.asanaconnector.http;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * Warns, once per change, when Asana says in an {@code Asana-Change} response header that a coming API
 * change affects this application ({@code name=...;info=...;affected=true}, several separated by commas
 * or in several headers).
 */
final class AsanaChangeWarnings implements Interceptor {
  private final Logger log;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  AsanaChangeWarnings(Logger log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    for (String header : response.headers("Asana-Change")) {
      for (String change : header.split(",")) {
        check(change, response.request());
      }
    }
    return response;
  }

  private void check(String change, Request request) {
    String name = null;
    String info = null;
    boolean affected = false;
    for (String part : change.split(";")) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = part.substring(0, equals).strip();
      String value = part.substring(equals + 1).strip();
      switch (key) {
        case "name" -> name = value;
        case "info" -> info = value;
        case "affected" -> affected = value.equalsIgnoreCase("true");
        default -> { }
      }
    }
    if (affected && name != null && !name.isEmpty() && warned.add(name)) {
      log.warn("Asana API change '{}' affects this application (first seen on {} {}); see {} and opt in or out "
          + "with the Asana-Enable or Asana-Disable header", name, request.method(), request.url().encodedPath(),
          info != null ? info : "Asana's deprecations page");
    }
  }
}
