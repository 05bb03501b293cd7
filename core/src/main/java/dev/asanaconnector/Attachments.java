package dev.asanaconnector;

import dev.asanaconnector.generated.model.AttachmentCompact;
import dev.asanaconnector.generated.model.AttachmentResponse;
import okhttp3.OkHttpClient;

/** Attachments: list those of an object, get one, and download its file in two steps. */
public final class Attachments {
  private final Dispatcher dispatcher;
  private final OkHttpClient downloadClient;
  private final NestedList<AttachmentCompact> list;
  private final Lookup<AttachmentResponse> get;
  private final ActionSpec download = Catalog.find("attachments", "download");

  Attachments(Dispatcher dispatcher, OkHttpClient downloadClient) {
    this.dispatcher = dispatcher;
    this.downloadClient = downloadClient;
    this.list = new NestedList<>(dispatcher, "attachments", "parent", AttachmentCompact.class);
    this.get = new Lookup<>(dispatcher, "attachments", "attachment_gid", AttachmentResponse.class);
  }

  /** One page of the attachments of {@code parentGid} (a task, project...). */
  public Page<AttachmentCompact> list(String parentGid, Params params) {
    return list.list(parentGid, params);
  }

  /** Every attachment of {@code parentGid}, lazily across pages. */
  public PagedIterable<AttachmentCompact> iterate(String parentGid, Params params) {
    return list.iterate(parentGid, params);
  }

  /** The attachment record: name, size, host, {@code download_url}, {@code view_url}... */
  public AttachmentResponse get(String attachmentGid) {
    return get.get(attachmentGid);
  }

  /** The attachment record, with further {@code opt_fields} or headers. */
  public AttachmentResponse get(String attachmentGid, Params params) {
    return get.get(attachmentGid, params);
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
    ActionArgs args = Dispatcher.validate(download, Params.with(params, "attachment_gid", attachmentGid));
    String gid = args.string("attachment_gid");
    Params record = Params.builder().callOptions(params.callOptionsOrNull()).build();
    return new AttachmentDownload(downloadClient, dispatcher.transport(), get(gid, record), () -> get(gid, record),
        args.string("range_header"), params.callOptionsOrNull());
  }
}
