package dev.asanaconnector;

import dev.asanaconnector.generated.model.AttachmentResponse;
import dev.asanaconnector.http.CallOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The second step of an attachment download: streams the file from its {@code download_url} without
 * holding it in memory. The request to the download host never carries Asana's {@code Authorization}
 * header. A download URL that has expired (403) is renewed once by fetching the attachment again; a
 * connection cut mid-file resumes with a {@code Range} request from the byte reached; the result is
 * checked against the expected length, so a file is never silently truncated.
 */
public final class AttachmentDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private static final int MAX_RESUMES = 5;

  private final OkHttpClient downloadClient;
  private final Transport transport;
  private final Supplier<AttachmentResponse> refetch;
  private final String range;
  private final CallOptions fileOptions;
  private AttachmentResponse attachment;

  AttachmentDownload(OkHttpClient downloadClient, Transport transport, AttachmentResponse attachment,
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

  /** The attachment record fetched in the first step. */
  public AttachmentResponse attachment() {
    return attachment;
  }

  /** Opens the file (or the requested range) as a stream; the caller closes it. */
  public InputStream openStream() {
    long start = 0;
    Long end = null;
    if (range != null) {
      Matcher matcher = RANGE.matcher(range);
      if (!matcher.matches()) {
        throw new InvalidParameterException("range_header", "must look like 'bytes=0-99', was '" + range + "'");
      }
      start = Long.parseLong(matcher.group(1));
      end = matcher.group(2).isEmpty() ? null : Long.parseLong(matcher.group(2));
    }
    return new ResumingStream(start, end);
  }

  /** Copies the file into {@code out} (not closed) and returns the number of bytes written. */
  public long writeTo(OutputStream out) {
    try (InputStream in = openStream()) {
      return in.transferTo(out);
    } catch (IOException e) {
      throw new NetworkException("Download of attachment " + attachment.getGid() + " failed: " + e.getMessage(), e);
    }
  }

  /** Saves the file at {@code path} (written to a temporary file first, so no partial file is left). */
  public long saveTo(Path path) {
    Path dir = path.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, ".download-", ".part");
      long bytes;
      try (OutputStream out = Files.newOutputStream(temp)) {
        bytes = writeTo(out);
      }
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + path, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temporary file is in the target folder, named .download-*.part.
        }
      }
    }
  }

  private static void requireDownloadable(AttachmentResponse attachment) {
    if (attachment.getDownloadUrl() == null) {
      throw new ExternalAttachmentException(attachment.getGid(), attachment.getHost(),
          attachment.getViewUrl() == null ? null : attachment.getViewUrl().toString());
    }
  }

  /** Opens {@code download_url} from byte {@code from}; renews the URL once on 403. */
  private Response open(long from, Long end, boolean partial) {
    boolean renewed = false;
    while (true) {
      HttpUrl url = HttpUrl.parse(attachment.getDownloadUrl().toString());
      if (url == null) {
        throw new InvalidResponseException("download_url is not an HTTP URL", 200, "", null);
      }
      Request.Builder request = new Request.Builder().url(url).get().tag(CallOptions.class, fileOptions);
      if (partial) {
        request.header("Range", "bytes=" + from + "-" + (end == null ? "" : end));
      }
      Response response;
      try {
        response = CallOptions.applyTo(downloadClient.newCall(request.build())).execute();
      } catch (IOException e) {
        throw Transport.network(request.build(), e);
      }
      if (response.code() == 403 && !renewed) {
        response.close();
        attachment = refetch.get();
        requireDownloadable(attachment);
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

  /** Reads the body and, when the connection drops, reopens it from the byte reached. */
  private final class ResumingStream extends InputStream {
    private final Long requestedEnd;
    private long position;
    private long expectedEnd = -1;
    private Response response;
    private InputStream body;
    private int resumes;
    private boolean finished;

    ResumingStream(long start, Long requestedEnd) {
      this.requestedEnd = requestedEnd;
      this.position = start;
      connect();
    }

    private void connect() {
      boolean partial = position > 0 || requestedEnd != null;
      response = open(position, requestedEnd, partial);
      long length = response.body().contentLength();
      try {
        if (response.code() == 206) {
          Matcher matcher = CONTENT_RANGE.matcher(String.valueOf(response.header("Content-Range")));
          if (!matcher.matches() || Long.parseLong(matcher.group(1)) != position) {
            throw new InvalidResponseException("Download host answered a range from byte " + position
                + " with Content-Range " + response.header("Content-Range"), 206, "", null);
          }
          expectedEnd = Long.parseLong(matcher.group(2)) + 1;
          body = response.body().byteStream();
        } else {
          // A full body: skip to the position if the host ignored the range.
          body = response.body().byteStream();
          body.skipNBytes(position);
          long total = length >= 0 ? length : -1;
          expectedEnd = total < 0 ? -1 : requestedEnd == null ? total : Math.min(total, requestedEnd + 1);
        }
      } catch (IOException e) {
        response.close();
        throw Transport.network(response.request(), e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0; // InputStream's contract; not the end of the file (readAllBytes asks for 0 bytes)
      }
      if (finished) {
        return -1;
      }
      int wanted = expectedEnd < 0 ? length : (int) Math.min(length, expectedEnd - position);
      if (wanted == 0) {
        finish();
        return -1;
      }
      while (true) {
        try {
          int n = body.read(buffer, offset, wanted);
          if (n > 0) {
            position += n;
            return n;
          }
          if (expectedEnd < 0 || position >= expectedEnd) {
            finish();
            return -1;
          }
          throw new IOException("connection closed at byte " + position + " of " + expectedEnd);
        } catch (IOException e) {
          resume(e);
        }
      }
    }

    private void resume(IOException cause) throws IOException {
      response.close();
      if (expectedEnd < 0 || ++resumes > MAX_RESUMES) {
        throw new IOException("Download of attachment " + attachment.getGid() + " cut at byte " + position
            + (expectedEnd >= 0 ? " of " + expectedEnd : "") + " and could not be resumed", cause);
      }
      try {
        connect();
      } catch (AsanaException e) {
        throw new IOException("Resuming the download at byte " + position + " failed: " + e.getMessage(), e);
      }
    }

    private void finish() {
      finished = true;
      response.close();
    }

    @Override
    public void close() {
      finished = true;
      response.close();
    }
  }
}
