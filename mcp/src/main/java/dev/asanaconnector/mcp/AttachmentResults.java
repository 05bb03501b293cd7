package dev.asanaconnector.mcp;

import dev.asanaconnector.AttachmentDownload;
import dev.asanaconnector.generated.model.AttachmentResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attachment downloads as tool results: a file whose base64 fits the output cap comes back as an embedded
 * resource (with its name, size and type as {@code {data}}); a larger one is refused, naming its size and
 * the limit, before any byte is fetched when Asana gave its size, and after at most limit + 1 bytes when not.
 */
final class AttachmentResults {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final McpJsonMapper json;
  private final ToolErrors errors;
  private final int maxOutputChars;
  /** Base64 takes 4 characters for every 3 bytes. */
  private final int maxBytes;

  AttachmentResults(McpJsonMapper json, ToolErrors errors, int maxOutputChars) {
    this.json = json;
    this.errors = errors;
    this.maxOutputChars = maxOutputChars;
    this.maxBytes = maxOutputChars / 4 * 3;
  }

  McpSchema.CallToolResult result(AttachmentDownload download, Map<String, Object> params) {
    AttachmentResponse attachment = download.attachment();
    Object range = params.get("range_header");
    Long expected = expectedBytes(attachment.getSize(), range == null ? null : range.toString().strip());
    if (expected != null && expected > maxBytes) {
      return refuse(attachment, grouped(expected) + " bytes");
    }
    byte[] bytes;
    try (InputStream in = download.openStream()) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      return errors.error("network failure downloading attachment " + attachment.getGid() + ", retry later: "
          + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      return refuse(attachment, "more than " + grouped(maxBytes) + " bytes");
    }
    String mimeType = mimeType(attachment.getName());
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("gid", attachment.getGid());
    record.put("name", attachment.getName());
    record.put("mime_type", mimeType);
    record.put("size", attachment.getSize());
    record.put("bytes_returned", bytes.length);
    if (range != null) {
      record.put("range_header", range.toString());
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("data", record);
    String uri = attachment.getPermanentUrl() != null ? attachment.getPermanentUrl().toString()
        : "asana://attachments/" + attachment.getGid();
    McpSchema.BlobResourceContents blob = McpSchema.BlobResourceContents
        .builder(uri, Base64.getEncoder().encodeToString(bytes))
        .mimeType(mimeType)
        .build();
    try {
      return McpSchema.CallToolResult.builder()
          .addTextContent(json.writeValueAsString(structured))
          .addContent(McpSchema.EmbeddedResource.builder(blob).build())
          .structuredContent(structured)
          .isError(false)
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("could not write an attachment record as JSON", e);
    }
  }

  private McpSchema.CallToolResult refuse(AttachmentResponse attachment, String size) {
    return errors.error("attachment " + attachment.getGid() + " (" + attachment.getName() + ") is " + size
        + ", over this server's download limit of " + grouped(maxBytes) + " bytes (its base64 must fit "
        + "the output cap of " + grouped(maxOutputChars) + " characters); fetch a part with "
        + "range_header, e.g. 'bytes=0-" + (maxBytes - 1) + "'");
  }

  /** The bytes a download will bring: the range's length when one is asked, else the file's size; null if unknown. */
  static Long expectedBytes(Integer size, String range) {
    if (range == null) {
      return size == null ? null : size.longValue();
    }
    Matcher matcher = RANGE.matcher(range);
    if (!matcher.matches()) {
      return null; // core rejects it before any byte is read
    }
    long start = Long.parseLong(matcher.group(1));
    long end = matcher.group(2).isEmpty() ? (size == null ? -1 : size - 1L) : Long.parseLong(matcher.group(2));
    if (end < 0) {
      return null;
    }
    long last = size == null ? end : Math.min(end, size - 1L);
    return Math.max(0, last - start + 1);
  }

  /** 75000 as "75,000", whatever the machine's locale. */
  private static String grouped(long number) {
    return String.format(Locale.ROOT, "%,d", number);
  }

  private static String mimeType(String name) {
    String guessed = name == null ? null : URLConnection.getFileNameMap().getContentTypeFor(name);
    return guessed != null ? guessed : "application/octet-stream";
  }
}
