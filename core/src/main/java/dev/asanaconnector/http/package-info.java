/**
 * The HTTP stack every Asana request goes through: authentication, retries, client-side rate limits,
 * timeouts, the User-Agent and logging, assembled into an {@link okhttp3.OkHttpClient} by
 * {@link dev.asanaconnector.http.HttpStack} from {@link dev.asanaconnector.http.HttpSettings}.
 *
 * <p>Logging goes to the SLF4J logger {@code dev.asanaconnector.http}: one DEBUG line per attempt
 * (method, host and path, status, duration, attempt number; never headers), INFO when Asana's rate
 * limit pauses requests, and one WARN per {@code Asana-Change} that affects the application.
 */
package dev.asanaconnector.http;
