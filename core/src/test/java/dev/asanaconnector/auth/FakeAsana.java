package dev.asanaconnector.auth;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Asana's API and token endpoint on one MockWebServer: API requests succeed only with a bearer token in
 * {@link #validTokens}; {@code POST /-/oauth_token} answers with {@link #tokenResponses}.
 */
final class FakeAsana extends Dispatcher {
  static final String TOKEN_PATH = "/-/oauth_token";

  final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  final List<String> tokensSeen = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
  final AtomicInteger tokenCalls = new AtomicInteger();
  final AtomicInteger apiCalls = new AtomicInteger();
  volatile IntFunction<MockResponse> tokenResponses = call -> grant("at-" + call, 3600, null);
  volatile long tokenDelayMillis;
  /** Answers to give, in order, to API requests with a given token before the usual ones. */
  final Map<String, Queue<MockResponse>> scripted = new ConcurrentHashMap<>();

  void script(String token, MockResponse... responses) {
    scripted.put(token, new ConcurrentLinkedQueue<>(List.of(responses)));
  }

  static MockResponse grant(String accessToken, long expiresIn, String refreshToken) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body("{\"access_token\":\""
        + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
        + (refreshToken != null ? ",\"refresh_token\":\"" + refreshToken + "\"" : "")
        + ",\"data\":{\"gid\":\"1\",\"name\":\"Ada\"}}").build();
  }

  static MockResponse oauthError(int status, String error, String description) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}").build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    if (request.getTarget().equals(TOKEN_PATH)) {
      int call = tokenCalls.incrementAndGet();
      tokenForms.add(form(request.getBody().utf8()));
      Thread.sleep(tokenDelayMillis);
      return tokenResponses.apply(call);
    }
    apiCalls.incrementAndGet();
    String authorization = request.getHeaders().get("Authorization");
    String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    tokensSeen.add(token);
    MockResponse next = scripted.getOrDefault(token, new ConcurrentLinkedQueue<>()).poll();
    if (next != null) {
      return next;
    }
    if (!validTokens.contains(token)) {
      return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
          .body("{\"errors\":[{\"message\":\"Not Authorized\"}]}").build();
    }
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body("{\"data\":{}}").build();
  }

  private static Map<String, String> form(String body) {
    HttpUrl parsed = HttpUrl.get("http://localhost/?" + body);
    Map<String, String> values = new ConcurrentHashMap<>();
    for (String name : parsed.queryParameterNames()) {
      values.put(name, parsed.queryParameter(name));
    }
    return values;
  }
}
