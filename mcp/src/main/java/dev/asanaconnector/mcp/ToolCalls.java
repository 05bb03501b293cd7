package dev.asanaconnector.mcp;

import dev.asanaconnector.AsanaException;
import dev.asanaconnector.AttachmentDownload;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code tools/call}: runs the tool's action and returns its result as {@code structuredContent} and
 * the same JSON as text, within the output cap; a failure becomes an {@code isError} result (see
 * {@link ToolErrors}).
 *
 * <p>A list page longer than the cap is cut at a record boundary by asking Asana again for only the records
 * that fit ({@code limit} = that count): Asana's {@code next_page} then continues exactly after the last one
 * returned, which a cut made here alone could not give (its offsets are opaque tokens).
 */
final class ToolCalls {
  private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);
  /** Room kept under the cap for {@code meta}: Asana's next_page ({@code offset}, {@code path}, {@code uri}) and the cut note. */
  private static final int META_ROOM = 1_000;
  /** Asking again with a smaller limit normally fits at once; data changing between calls may need more. */
  private static final int MAX_REFETCHES = 3;

  private final ActionRunner runner;
  private final McpJsonMapper json;
  private final ToolErrors errors;
  private final int maxOutputChars;
  private final AttachmentResults attachments;

  ToolCalls(ActionRunner runner, McpJsonMapper json, ToolErrors errors, int maxOutputChars) {
    this.runner = runner;
    this.json = json;
    this.errors = errors;
    this.maxOutputChars = maxOutputChars;
    this.attachments = new AttachmentResults(json, errors, maxOutputChars);
  }

  /** The result of calling {@code tool} with the model's {@code arguments} (null: none). */
  McpSchema.CallToolResult call(CatalogTool tool, Map<String, Object> arguments) {
    Map<String, Object> params = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
    if (tool.paged() && params.get("limit") == null) {
      params.put("limit", CatalogTools.DEFAULT_LIMIT);
    }
    try {
      Object result = runner.run(tool.entity(), tool.action(), params);
      if (result instanceof AttachmentDownload download) {
        return attachments.result(download, params);
      }
      if (tool.action().equals("list") && result instanceof Map<?, ?> page && page.get("data") instanceof List<?>) {
        return listResult(tool, params, page);
      }
      return recordResult(tool, result);
    } catch (AsanaException failure) {
      return errors.error(errors.message(failure));
    } catch (RuntimeException unexpected) {
      // Where it failed goes to this server's log (stderr), its message masked like the model's line; the
      // model gets one line.
      RuntimeException logged = new RuntimeException(unexpected.getClass().getName() + ": "
          + errors.clean(String.valueOf(unexpected.getMessage())));
      logged.setStackTrace(unexpected.getStackTrace());
      log.warn("{} failed unexpectedly", tool.name(), logged);
      return errors.error("internal error in the MCP server (" + unexpected.getClass().getSimpleName()
          + "); see its log");
    }
  }

  private McpSchema.CallToolResult recordResult(CatalogTool tool, Object record) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("data", record);
    String text = write(content);
    if (text.length() > maxOutputChars) {
      return errors.error(tool.name() + ": the result is " + text.length() + " characters, over the output cap of "
          + maxOutputChars + "; ask for fewer fields with opt_fields");
    }
    return success(content, text);
  }

  private McpSchema.CallToolResult listResult(CatalogTool tool, Map<String, Object> params, Map<?, ?> page) {
    String text = write(page);
    if (text.length() <= maxOutputChars) {
      return success(page, text);
    }
    int asked = ((List<?>) page.get("data")).size();
    Map<?, ?> current = page;
    for (int attempt = 0; attempt <= MAX_REFETCHES; attempt++) {
      List<?> records = (List<?>) current.get("data");
      int fitting = fitting(records);
      if (fitting == 0) {
        return errors.error(tool.name() + ": the first record alone is over the output cap of " + maxOutputChars
            + " characters; ask for fewer fields with opt_fields");
      }
      if (fitting < records.size()) {
        if (attempt == MAX_REFETCHES) {
          break;
        }
        Map<String, Object> fewer = new LinkedHashMap<>(params);
        fewer.put("limit", fitting);
        current = (Map<?, ?>) runner.run(tool.entity(), tool.action(), fewer);
        continue;
      }
      Map<String, Object> cut = cutPage(tool, current, records.size(), asked);
      String cutText = write(cut);
      if (cutText.length() <= maxOutputChars) {
        return success(cut, cutText);
      }
    }
    return errors.error(tool.name() + ": the records kept changing size while being cut to the output cap of "
        + maxOutputChars + " characters; call again with a smaller limit");
  }

  /** How many records from the start fit under the cap, with room for the envelope and {@code meta}. */
  private int fitting(List<?> records) {
    long used = "{\"data\":[],\"meta\":{}}".length() + META_ROOM;
    int count = 0;
    for (Object record : records) {
      used += write(record).length() + 1;
      if (used > maxOutputChars) {
        break;
      }
      count++;
    }
    return count;
  }

  private Map<String, Object> cutPage(CatalogTool tool, Map<?, ?> page, int returned, int asked) {
    Object nextPage = page.get("meta") instanceof Map<?, ?> meta ? meta.get("next_page") : null;
    String how = nextPage != null
        ? "call again with the same arguments and offset set to meta.next_page.offset for the rest"
        : tool.name().equals("workspace_task_search_list")
            ? "search has no offsets: narrow the filters to see the others"
            : "no next_page was given";
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("next_page", nextPage);
    meta.put("cut", "output cut to " + returned + " of " + asked + " records to stay under " + maxOutputChars
        + " characters; " + how);
    Map<String, Object> cut = new LinkedHashMap<>();
    cut.put("data", new ArrayList<>((List<?>) page.get("data")));
    cut.put("meta", meta);
    return cut;
  }

  private static McpSchema.CallToolResult success(Object structured, String text) {
    return McpSchema.CallToolResult.builder()
        .addTextContent(text)
        .structuredContent(structured)
        .isError(false)
        .build();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a result as JSON", e);
    }
  }
}
