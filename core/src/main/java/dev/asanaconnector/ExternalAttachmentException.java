package dev.asanaconnector;

import java.util.Optional;

/**
 * The attachment lives on another service (Google Drive, Dropbox, Box, Vimeo...): Asana gives no
 * {@code download_url}, only a {@code view_url} to open in a browser.
 */
public class ExternalAttachmentException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String viewUrl;

  /** An attachment hosted outside Asana, which has no {@code download_url}. */
  public ExternalAttachmentException(String attachmentGid, String host, String viewUrl) {
    super("Attachment " + attachmentGid + " is hosted on '" + host + "' and has no download_url"
        + (viewUrl != null ? "; view it at " + viewUrl : ""));
    this.host = host;
    this.viewUrl = viewUrl;
  }

  /** The attachment's {@code host}, e.g. {@code gdrive}. */
  public String host() {
    return host;
  }

  /** Where to view the file, when Asana says. */
  public Optional<String> viewUrl() {
    return Optional.ofNullable(viewUrl);
  }
}
