package dev.asanaconnector;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A download's bytes could not be written where the caller asked: a local file that cannot be created,
 * written or moved into place ({@link #path()} names it), or the caller's {@code OutputStream} failing.
 * Asana and the download host were not at fault; no partial file is left at the path.
 */
public class DownloadWriteException extends AsanaException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /** Writing the download to {@code path} (null: the caller's stream) failed with {@code cause}. */
  public DownloadWriteException(String message, Path path, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** The local file that could not be written; empty when the caller's {@code OutputStream} failed. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }
}
