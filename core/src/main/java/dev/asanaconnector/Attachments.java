package dev.asanaconnector;

import dev.asanaconnector.generated.model.AttachmentCompact;
import dev.asanaconnector.generated.model.AttachmentResponse;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.Call;

/**
 * Attachments: list those of an object, get one, download its file in two steps, upload a file or
 * attach a link to a file elsewhere.
 */
public final class Attachments {
  private final EntityCalls calls;
  private final Call.Factory downloadClient;

  Attachments(Dispatcher dispatcher, Call.Factory downloadClient) {
    this.calls = new EntityCalls(dispatcher, "attachments");
    this.downloadClient = downloadClient;
  }

  /** One page of the attachments of {@code parentGid} (a task, project...). */
  public Page<AttachmentCompact> list(String parentGid, Params params) {
    return calls.list(AttachmentCompact.class, params, "parent", parentGid);
  }

  /** Every attachment of {@code parentGid}, lazily across pages. */
  public PagedIterable<AttachmentCompact> iterate(String parentGid, Params params) {
    return calls.iterate(AttachmentCompact.class, params, "parent", parentGid);
  }

  /** The attachment record: name, size, host, {@code download_url}, {@code view_url}... */
  public AttachmentResponse get(String attachmentGid) {
    return get(attachmentGid, Params.none());
  }

  /** The attachment record, with further {@code opt_fields} or headers. */
  public AttachmentResponse get(String attachmentGid, Params params) {
    return calls.get(AttachmentResponse.class, params, "attachment_gid", attachmentGid);
  }

  /**
   * Step one of a download: fetches the attachment record now; the returned handle streams the file.
   * An attachment stored on another service (no {@code download_url}) is an
   * {@link ExternalAttachmentException} carrying its {@code host} and {@code view_url}.
   */
  public AttachmentDownload download(String attachmentGid) {
    return download(attachmentGid, Params.none());
  }

  /**
   * As {@link #download(String)}, for a byte range: {@code Params.builder().rangeHeader("bytes=0-99")}.
   * The params' {@link Params#callOptions() call options} apply to both steps.
   */
  public AttachmentDownload download(String attachmentGid, Params params) {
    ActionArgs args = Dispatcher.validate(Catalog.find("attachments", "download"),
        Params.with(params, "attachment_gid", attachmentGid));
    String gid = args.string("attachment_gid");
    Params record = Params.builder().callOptions(params.callOptionsOrNull()).build();
    return new AttachmentDownload(downloadClient, calls.dispatcher().transport(), get(gid, record),
        () -> get(gid, record), args.string("range_header"), params.callOptionsOrNull());
  }

  /**
   * Uploads a local file to a task, project or project brief ({@code attachments create}) and returns
   * the new attachment, named after the file. The file is streamed from disk, never held in memory, and
   * sent once: an upload that may have reached Asana is not resent.
   *
   * @throws InvalidParameterException if {@code file} is not a readable file of at most Asana's 100 MB,
   *     before anything is sent
   */
  public AttachmentResponse upload(String parentGid, Path file) {
    return calls.write(ActionKind.CREATE, AttachmentResponse.class, Map.of(), "parent", parentGid, "file", file);
  }

  /**
   * Attaches a link to a file kept elsewhere ({@code attachments create} with {@code resource_subtype}
   * {@code external}) and returns the new attachment.
   *
   * @param url the file's http(s) address
   * @param name the attachment's name in Asana
   */
  public AttachmentResponse attachLink(String parentGid, String url, String name) {
    return calls.write(ActionKind.CREATE, AttachmentResponse.class, Map.of(), "parent", parentGid, "url", url,
        "name", name, "resource_subtype", "external");
  }
}
