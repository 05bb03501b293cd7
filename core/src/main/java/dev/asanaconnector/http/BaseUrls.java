package dev.asanaconnector.http;

import okhttp3.HttpUrl;

/** Checks that credentials are only ever sent over HTTPS, loopback hosts (tests, local stubs) excepted. */
public final class BaseUrls {
  private BaseUrls() {
  }

  /**
   * Returns {@code url} if it is HTTPS or its host is loopback ({@code localhost}, {@code 127.0.0.0/8},
   * {@code ::1}).
   *
   * @throws IllegalArgumentException naming {@code baseUrl} otherwise
   */
  public static HttpUrl requireSecure(HttpUrl url) {
    return requireSecure(url, "baseUrl");
  }

  /** As {@link #requireSecure(HttpUrl)}, naming {@code name} in the exception. */
  public static HttpUrl requireSecure(HttpUrl url, String name) {
    if (url == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (url.isHttps() || isLoopback(url.host())) {
      return url;
    }
    throw new IllegalArgumentException(name + " must use https (plain http is allowed only for loopback hosts), was "
        + url.scheme() + "://" + url.host() + ":" + url.port());
  }

  /** Whether {@code host} (as {@link HttpUrl#host()} gives it) is the local machine. */
  public static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("::1")) {
      return true;
    }
    String[] octets = host.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
          || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
