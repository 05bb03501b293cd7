package dev.asanaconnector.http;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A response body that runs an action once, when it is closed or read to its end, whichever comes
 * first: a request stays "in flight" for the rate limiter until its body has been read, as it does for
 * Asana, which counts a request until its response has been sent.
 */
final class ReleasingOnCloseBody extends ResponseBody {
  private final ResponseBody delegate;
  private final BufferedSource source;

  ReleasingOnCloseBody(ResponseBody delegate, Runnable release) {
    this.delegate = delegate;
    AtomicBoolean released = new AtomicBoolean();
    Runnable once = () -> {
      if (released.compareAndSet(false, true)) {
        release.run();
      }
    };
    this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read == -1) {
          once.run();
        }
        return read;
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          once.run();
        }
      }
    });
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }
}
