package dev.asanaconnector.http;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class BaseUrlsTest {
  @Test
  void acceptsHttpsAndLoopbackHttp() {
    for (String url : new String[] {"https://app.asana.com/api/1.0/", "http://localhost:8080/",
        "http://127.0.0.1:9000/api/", "http://127.3.2.1/", "http://[::1]:8080/"}) {
      HttpUrl parsed = HttpUrl.get(url);
      assertSame(parsed, BaseUrls.requireSecure(parsed), url);
    }
  }

  @Test
  void rejectsPlainHttpToOtherHosts() {
    for (String url : new String[] {"http://app.asana.com/api/1.0/", "http://localhost.example.com/",
        "http://127.0.0.1.example.com/", "http://10.0.0.1/", "http://128.0.0.1/"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> BaseUrls.requireSecure(HttpUrl.get(url)), url);
      assertTrue(e.getMessage().startsWith("baseUrl must use https"), e.getMessage());
    }
  }
}
