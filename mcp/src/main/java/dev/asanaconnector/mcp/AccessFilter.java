package dev.asanaconnector.mcp;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;

/**
 * Checks every HTTP request before the MCP transport sees it: first its {@code Origin} and {@code Host}
 * headers (the SDK's validator: the DNS-rebinding protection the MCP specification asks for), then, when the
 * server has a secret, {@code Authorization: Bearer <secret>}. Refusals are plain HTTP errors (403, 421,
 * 401) that never echo what was sent.
 */
final class AccessFilter implements Filter {
  private final ServerHttpHeaderValidator originAndHost;
  /** SHA-256 of the secret, or null for none: comparing digests takes the same time whatever was sent. */
  private final byte[] secretDigest;

  AccessFilter(ServerHttpHeaderValidator originAndHost, String secret) {
    this.originAndHost = originAndHost;
    this.secretDigest = secret == null ? null : sha256(secret);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse reply = (HttpServletResponse) response;
    try {
      originAndHost.validate(headers(http));
    } catch (ServerTransportSecurityException refused) {
      reply.sendError(refused.getStatusCode(), refused.getMessage());
      return;
    }
    if (secretDigest != null && !authorized(http.getHeader("Authorization"))) {
      reply.setHeader("WWW-Authenticate", "Bearer realm=\"asana-mcp\"");
      reply.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a bearer secret is required");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean authorized(String authorization) {
    String prefix = "Bearer ";
    if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    return MessageDigest.isEqual(secretDigest, sha256(authorization.substring(prefix.length()).strip()));
  }

  private static HeaderAccessor headers(HttpServletRequest request) {
    return new HeaderAccessor() {
      @Override
      public List<String> getHeader(String name) {
        return Collections.list(request.getHeaders(name));
      }

      @Override
      public List<String> getHeaderNames() {
        return Collections.list(request.getHeaderNames());
      }
    };
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
