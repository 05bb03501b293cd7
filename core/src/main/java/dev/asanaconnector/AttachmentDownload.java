package dev.asanaconnector;

import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.http.CallOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The second step of an attachment download: streams the file from its {@code download_url} without
 * holding it in memory. The request to the download host never carries Asana's {@code Authorization}
 * header. A download URL that has expired (403) is renewed once by fetching the attachment again; a
 * connection cut mid-file resumes with a {@code Range} request from the byte reached.
 *
 * <p>A download is complete when its size is known and matched: the size is the {@code Content-Length} of
 * a full answer, else the total of a {@code Content-Range}, else the attachment record's {@code size}
 * (sources that disagree are an {@link InvalidResponseException}). A body ending before that size is
 * resumed, and when it cannot be, the download fails; a file is never silently truncated. When nothing gives
 * the size, the download delivers what the host sent and {@link #sizeVerified()} says it was not checked.
 */
public final class AttachmentDownload {
  // At most 18 digits: every such number fits in a long, so parsing never overflows.
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
  private static final Pattern CONTENT_LENGTH = Pattern.compile("\\d{1,18}");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");
  private static final int MAX_RESUMES = 5;
  private static final int BUFFER_BYTES = 8192;

  private final Call.Factory downloadClient;
  private final Transport transport;
  private final Supplier<AttachmentResponse> refetch;
  private final String range;
  private final CallOptions fileOptions;
  private volatile AttachmentResponse attachment;
  private volatile boolean sizeVerified;

  AttachmentDownload(Call.Factory downloadClient, Transport transport, AttachmentResponse attachment,
      Supplier<AttachmentResponse> refetch, String range, CallOptions options) {
    this.downloadClient = downloadClient;
    this.transport = transport;
    this.attachment = attachment;
    this.refetch = refetch;
    this.range = range;
    this.fileOptions = fileOptions(options);
    requireDownloadable(attachment);
  }

  /**
   * The options for requests to the download host: the caller's, if any. A large file may take longer
   * than the client's whole-call timeout, so that one does not apply (a stall is caught by the read
   * timeout); a whole-call timeout given for this call does.
   */
  private static CallOptions fileOptions(CallOptions options) {
    CallOptions.Builder file = CallOptions.builder().callTimeout(Duration.ZERO);
    if (options != null) {
      options.retryPolicy().ifPresent(file::retryPolicy);
      options.connectTimeout().ifPresent(file::connectTimeout);
      options.readTimeout().ifPresent(file::readTimeout);
      options.writeTimeout().ifPresent(file::writeTimeout);
      options.callTimeout().ifPresent(file::callTimeout);
    }
    return file.build();
  }

  /** The attachment record fetched in the first step (or again, when the download URL was renewed). */
  public AttachmentResponse attachment() {
    return attachment;
  }

  /**
   * Whether the last transfer through this handle that reached its end ({@link #writeTo}, {@link #saveTo},
   * or a stream from {@link #openStream} read to its end) was checked against a known size: the
   * {@code Content-Length}, the {@code Content-Range} total, the record's {@code size}, or the length of
   * the range asked for. False before any such transfer, and when none of these was known: the bytes are
   * then all the host sent before it closed the connection, which cannot be told apart from a cut.
   */
  public boolean sizeVerified() {
    return sizeVerified;
  }

  /**
   * Opens the file (or the requested range) as a stream; the caller closes it. A failure to resume reads
   * as an {@code IOException}; an answer the download host should not give (a wrong {@code Content-Range},
   * a malformed {@code Content-Length}) as an {@link InvalidResponseException} here or, on a resume, as the
   * cause of that {@code IOException}.
   */
  public InputStream openStream() {
    return stream();
  }

  /**
   * Copies the file into {@code out} (not closed) and returns the number of bytes written. A download that
   * cannot be completed is a {@link NetworkException} (or the answer's own exception); {@code out} failing
   * is a {@link DownloadWriteException}.
   */
  public long writeTo(OutputStream out) {
    Objects.requireNonNull(out, "out");
    return copy(out, null);
  }

  /**
   * Saves the file at {@code path} and returns its size in bytes. It is written to a temporary file in the
   * same folder first and moved into place only once complete, so no partial file is ever left at
   * {@code path}. A file that cannot be created, written or moved is a {@link DownloadWriteException}
   * naming {@code path}.
   */
  public long saveTo(Path path) {
    Path dir = path.toAbsolutePath().getParent();
    if (dir == null) {
      throw new DownloadWriteException("Cannot save a download as " + path + ": it is not a file in a folder", path,
          null);
    }
    Path temp;
    try {
      temp = Files.createTempFile(dir, ".download-", ".part");
    } catch (IOException e) {
      throw writeFailure(path, e);
    }
    try {
      long bytes;
      try (OutputStream out = Files.newOutputStream(temp)) {
        bytes = copy(out, path);
      } catch (IOException e) {
        throw writeFailure(path, e); // opening or closing (flushing) the temporary file
      }
      try {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw writeFailure(path, e);
      }
      return bytes;
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Best effort: the temporary file is in the target folder, named .download-*.part.
      }
    }
  }

  /** Copies the download into {@code out}, telling a read failure (network) from a write failure (local). */
  private long copy(OutputStream out, Path file) {
    try (ResumingStream in = stream()) {
      byte[] buffer = new byte[BUFFER_BYTES];
      long total = 0;
      while (true) {
        int n;
        try {
          n = in.read(buffer, 0, buffer.length);
        } catch (IOException e) {
          throw new NetworkException("Download of attachment " + attachment.getGid() + " failed: " + e.getMessage(),
              e);
        }
        if (n < 0) {
          return total;
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw writeFailure(file, e);
        }
        total += n;
      }
    }
  }

  private DownloadWriteException writeFailure(Path file, IOException cause) {
    String target = file == null ? "the given OutputStream" : file.toString();
    return new DownloadWriteException("Could not write attachment " + attachment.getGid() + " to " + target + ": "
        + cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : ""), file,
        cause);
  }

  private ResumingStream stream() {
    if (range == null) {
      return new ResumingStream(0, -1);
    }
    Matcher matcher = RANGE.matcher(range);
    if (!matcher.matches()) {
      throw new InvalidParameterException("range_header", "must look like 'bytes=0-99' (at most 18 digits each), "
          + "was '" + ParamType.printable(range) + "'");
    }
    long start = Long.parseLong(matcher.group(1));
    long end = matcher.group(2).isEmpty() ? -1 : Long.parseLong(matcher.group(2)) + 1;
    return new ResumingStream(start, end);
  }

  private static void requireDownloadable(AttachmentResponse attachment) {
    if (attachment.getDownloadUrl() == null) {
      throw new ExternalAttachmentException(attachment.getGid(), attachment.getHost(),
          attachment.getViewUrl() == null ? null : attachment.getViewUrl().toString());
    }
  }

  /** Opens {@code download_url} from byte {@code from} to {@code end} (exclusive; -1: the end); renews the URL once on 403. */
  private Response open(long from, long end, boolean partial) {
    boolean renewed = false;
    while (true) {
      HttpUrl url = HttpUrl.parse(attachment.getDownloadUrl().toString());
      if (url == null) {
        throw new InvalidResponseException("download_url is not an HTTP URL", 200, "", null);
      }
      Request.Builder request = new Request.Builder().url(url).get().tag(CallOptions.class, fileOptions);
      if (partial) {
        request.header("Range", "bytes=" + from + "-" + (end < 0 ? "" : String.valueOf(end - 1)));
      }
      Response response;
      try {
        response = CallOptions.applyTo(downloadClient.newCall(request.build())).execute();
      } catch (IOException e) {
        throw Transport.network(request.build(), e);
      }
      if (response.code() == 403 && !renewed) {
        response.close();
        AttachmentResponse fresh = refetch.get();
        requireDownloadable(fresh);
        attachment = fresh;
        renewed = true;
        continue;
      }
      if (!response.isSuccessful()) {
        try (response) {
          throw transport.errorFor(response);
        }
      }
      return response;
    }
  }

  /**
   * Reads the body and, when it ends before the file's known size or the connection drops, reopens it from
   * the byte reached.
   */
  private final class ResumingStream extends InputStream {
    /** The exclusive end of the range asked for, or -1 for the end of the file. */
    private final long requestedEnd;
    private long position;
    /** The whole file's size once known, and what said so. */
    private long fileSize = -1;
    private String fileSizeSource;
    /** Where the current answer's body ends (exclusive), when it declares it; -1 for a close-delimited body. */
    private long responseEnd;
    /** The position when the current answer was opened. */
    private long openedAt;
    private Response response;
    private InputStream body;
    private int resumes;
    private boolean finished;

    ResumingStream(long start, long requestedEnd) {
      this.requestedEnd = requestedEnd;
      this.position = start;
      Integer size = attachment.getSize();
      if (size != null && size >= 0) {
        fileSize = size;
        fileSizeSource = "the attachment record's size";
      }
      connect();
    }

    /** Opens the file from {@link #position}; the answer is closed if it cannot be used. */
    private void connect() {
      boolean partial = position > 0 || requestedEnd >= 0;
      Response opened = open(position, requestedEnd, partial);
      try {
        accept(opened);
      } catch (IOException e) {
        opened.close();
        throw Transport.network(opened.request(), e);
      } catch (RuntimeException e) {
        opened.close();
        throw e;
      }
    }

    private void accept(Response opened) throws IOException {
      long length = contentLength(opened);
      InputStream stream = opened.body().byteStream();
      if (opened.code() == 206) {
        String header = opened.header("Content-Range");
        Matcher matcher = header == null ? null : CONTENT_RANGE.matcher(header);
        if (matcher == null || !matcher.matches() || Long.parseLong(matcher.group(1)) != position
            || Long.parseLong(matcher.group(2)) < position) {
          throw invalid(opened, "answered a range from byte " + position + " with Content-Range " + header);
        }
        long end = Long.parseLong(matcher.group(2)) + 1;
        if (length >= 0 && length != end - position) {
          throw invalid(opened, "sent Content-Length " + length + " with Content-Range " + header);
        }
        if (!matcher.group(3).equals("*")) {
          long total = Long.parseLong(matcher.group(3));
          if (end > total) {
            throw invalid(opened, "sent Content-Range " + header + ", beyond its own total");
          }
          learnFileSize(total, "the Content-Range total", opened);
        }
        responseEnd = end;
      } else {
        // A full body, the host having ignored the range or none asked for: skip to the position.
        if (length >= 0) {
          learnFileSize(length, "the Content-Length", opened);
        }
        stream.skipNBytes(position);
        responseEnd = length;
      }
      response = opened;
      body = stream;
      openedAt = position;
    }

    /** The declared Content-Length, or -1 when there is none; a malformed one invalidates the answer (RFC 9112 6.3). */
    private long contentLength(Response opened) {
      String header = opened.header("Content-Length");
      if (header == null) {
        return -1;
      }
      if (!CONTENT_LENGTH.matcher(header.strip()).matches()) {
        throw invalid(opened, "sent a malformed Content-Length '" + ParamType.printable(header) + "'");
      }
      return Long.parseLong(header.strip());
    }

    private void learnFileSize(long size, String source, Response opened) {
      if (fileSize >= 0 && fileSize != size) {
        throw invalid(opened, "gives the file " + size + " bytes (" + source + ") but " + fileSizeSource + " is "
            + fileSize);
      }
      fileSize = size;
      fileSizeSource = source;
    }

    private InvalidResponseException invalid(Response opened, String problem) {
      Request request = opened.request();
      return new InvalidResponseException("Download host of attachment " + attachment.getGid() + " " + problem,
          opened.code(), "", request.method(), request.url().encodedPath(), null);
    }

    /** The exclusive end of what this stream delivers, or -1 while unknown. */
    private long target() {
      if (fileSize < 0) {
        return requestedEnd;
      }
      return requestedEnd < 0 ? fileSize : Math.min(fileSize, requestedEnd);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0; // InputStream's contract; not the end of the file (readAllBytes asks for 0 bytes)
      }
      if (finished) {
        return -1;
      }
      while (true) {
        long target = target();
        if (target >= 0 && position >= target) {
          // Everything asked for arrived, and its size was known: the file's, or the range's length.
          requireEndOfBody();
          finish(true);
          return -1;
        }
        int wanted = target < 0 ? length : (int) Math.min(length, target - position);
        int n;
        try {
          n = body.read(buffer, offset, wanted);
        } catch (IOException e) {
          reconnect(e, true);
          continue;
        }
        if (n > 0) {
          position += n;
          return n;
        }
        if (!bodyEnded()) {
          return -1;
        }
      }
    }

    /**
     * A close-delimited body of the whole file must end where the record's size says: more bytes mean that
     * size is wrong, and stopping there would cut the file short.
     */
    private void requireEndOfBody() throws IOException {
      if (responseEnd < 0 && requestedEnd < 0 && body.read() != -1) {
        response.close();
        finished = true;
        throw new IOException("Download of attachment " + attachment.getGid() + " goes on past byte " + position
            + ", the size given by " + fileSizeSource);
      }
    }

    /**
     * The answer's body ended before the target: reconnects and returns true, or, when nothing tells
     * how long the file is, finishes unverified and returns false.
     */
    private boolean bodyEnded() throws IOException {
      if (responseEnd >= 0 && position < responseEnd) {
        reconnect(new IOException("connection closed at byte " + position + " of " + responseEnd), true);
      } else if (fileSize >= 0) {
        // A clean end of a declared range shorter than the rest (hosts may send less than asked, RFC 9110
        // 14.2) is continued; a close-delimited body ending early is a cut. An answer bringing nothing is
        // a failure either way, so a host that keeps doing that cannot loop forever.
        boolean cleanShortRange = responseEnd >= 0 && position == responseEnd && position > openedAt;
        reconnect(new IOException("the body ended at byte " + position + " of " + target()), !cleanShortRange);
      } else {
        // No size from the host or the record: the host's closing the connection is all there is to go by.
        finish(false);
        return false;
      }
      return true;
    }

    private void reconnect(IOException cause, boolean failure) throws IOException {
      response.close();
      if (failure && ++resumes > MAX_RESUMES) {
        long target = target();
        throw new IOException("Download of attachment " + attachment.getGid() + " cut at byte " + position
            + (target >= 0 ? " of " + target : "") + " and could not be resumed", cause);
      }
      try {
        connect();
      } catch (AsanaException e) {
        throw new IOException("Resuming the download at byte " + position + " failed: " + e.getMessage(), e);
      }
    }

    private void finish(boolean verified) {
      finished = true;
      sizeVerified = verified;
      response.close();
    }

    @Override
    public void close() {
      finished = true;
      response.close();
    }
  }
}
