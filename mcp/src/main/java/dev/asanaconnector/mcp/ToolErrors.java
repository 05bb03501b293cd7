package dev.asanaconnector.mcp;

import dev.asanaconnector.AsanaApiException;
import dev.asanaconnector.AsanaException;
import dev.asanaconnector.ExternalAttachmentException;
import dev.asanaconnector.ForbiddenException;
import dev.asanaconnector.InvalidParameterException;
import dev.asanaconnector.InvalidResponseException;
import dev.asanaconnector.NetworkException;
import dev.asanaconnector.NotFoundException;
import dev.asanaconnector.OffsetExpiredException;
import dev.asanaconnector.PremiumRequiredException;
import dev.asanaconnector.RateLimitedException;
import dev.asanaconnector.ServerErrorException;
import dev.asanaconnector.UnauthorizedException;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Failures as tool results a model can act on: {@code isError: true} and one line naming what is wrong (the
 * parameter and its problem; Asana's status and message; how long to wait after a rate limit). Never a stack
 * trace; every known secret is masked, whatever the message says.
 */
final class ToolErrors {
  /** Long enough for Asana's messages; a body excerpt from a proxy is cut here. */
  private static final int MAX_MESSAGE_CHARS = 600;

  private final List<String> secrets;

  /** @param secrets values never to show (tokens, client secret, HTTP secret); nulls and blanks are ignored */
  ToolErrors(List<String> secrets) {
    this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.strip().length() >= 4).toList();
  }

  /** A result with {@code isError: true} and {@code message}, cleaned, as its one line of text. */
  McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(clean(message)).isError(true).build();
  }

  /** The one-line message for a connector failure. */
  String message(AsanaException failure) {
    if (failure instanceof InvalidParameterException invalid) {
      return "invalid parameter " + invalid.getMessage();
    }
    if (failure instanceof RateLimitedException limited) {
      return "rate limited by Asana, retry after " + limited.retryAfter().map(ToolErrors::seconds).orElse("60")
          + " s";
    }
    if (failure instanceof AsanaApiException api) {
      String said = api.messages().isEmpty() ? "no message" : String.join("; ", api.messages());
      return "Asana answered HTTP " + api.status() + " to " + api.method() + " " + api.path() + ": " + said
          + advice(api) + api.requestId().map(id -> " (request id " + id + ")").orElse("");
    }
    if (failure instanceof NetworkException) {
      return "network failure talking to Asana, retry later: " + failure.getMessage();
    }
    if (failure instanceof InvalidResponseException) {
      return "Asana's answer was not valid JSON of the expected shape: " + failure.getMessage();
    }
    if (failure instanceof ExternalAttachmentException) {
      return failure.getMessage() + "; it cannot be downloaded here";
    }
    return failure.getMessage();
  }

  private static String advice(AsanaApiException api) {
    if (api instanceof OffsetExpiredException) {
      return ". The offset expired: start again without offset";
    }
    if (api instanceof UnauthorizedException) {
      return ". The server's Asana credentials are missing, invalid or expired";
    }
    if (api instanceof PremiumRequiredException) {
      return ". This needs a premium Asana workspace";
    }
    if (api instanceof ForbiddenException) {
      return ". The authenticated user may not see this";
    }
    if (api instanceof NotFoundException) {
      return ". Check the gid: no such object, or no access to it";
    }
    if (api instanceof ServerErrorException) {
      return ". Asana failed: retry shortly";
    }
    return "";
  }

  private static String seconds(Duration wait) {
    long millis = wait.toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }

  /** One line, secrets masked, at most {@link #MAX_MESSAGE_CHARS} characters. */
  String clean(String message) {
    String line = String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
    for (String secret : secrets) {
      line = line.replace(secret, "[redacted]");
    }
    return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
  }
}
