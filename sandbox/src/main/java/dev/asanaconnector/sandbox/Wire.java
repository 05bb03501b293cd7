package dev.asanaconnector.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ServerSocketFactory;

/**
 * The sockets under both MockWebServers.
 *
 * <p>MockWebServer (3, of OkHttp 5.5) does not set TCP_NODELAY on accepted sockets (each small response
 * would then wait ~40 ms for the client's delayed ACK), and its bodies cannot end the connection after a
 * chosen number of bytes (its disconnect effects cut at half the body), while a 256 MiB attachment must
 * be streamed, never held. It writes a response on the connection's own thread: status line and headers,
 * one flush, then the body (none here). So its server socket comes from
 * here: every accepted socket gets TCP_NODELAY, a fixed local address (no reverse DNS per request, which
 * MockWebServer's RecordedRequest would otherwise do), and an output stream with a hook. A dispatcher
 * returns a header-only MockResponse whose Content-Length is the real length and parks the body on the
 * connection's socket ({@link #park}); right after MockWebServer flushes the headers, the hook streams
 * the body from its generator — optionally cutting the connection after some bytes.
 */
final class Wire {
  private Wire() {}

  /** Writes a response body to the socket's raw stream. */
  interface BodyWriter {
    long length();

    /** Writes at most {@code max} bytes of the body. */
    void writeTo(OutputStream out, long max) throws IOException;
  }

  static final class BytesBody implements BodyWriter {
    final byte[] bytes;
    final int len;

    BytesBody(byte[] bytes, int len) {
      this.bytes = bytes;
      this.len = len;
    }

    @Override
    public long length() {
      return len;
    }

    @Override
    public void writeTo(OutputStream out, long max) throws IOException {
      out.write(bytes, 0, (int) Math.min(len, max));
    }
  }

  /** A body parked on a connection until its headers are flushed. */
  static final class Pending {
    final BodyWriter body;
    /** Bytes to send before closing the connection, or -1 to send everything. */
    final long cutAfter;
    final Runnable done;
    private boolean finished;

    Pending(BodyWriter body, long cutAfter, Runnable done) {
      this.body = body;
      this.cutAfter = cutAfter;
      this.done = done;
    }

    synchronized void finish() {
      if (!finished) {
        finished = true;
        if (done != null) {
          done.run();
        }
      }
    }
  }

  private static final ThreadLocal<HookedSocket> CURRENT = new ThreadLocal<>();

  /**
   * Parks {@code body} on the connection being served by this thread (MockWebServer reads a request,
   * dispatches and writes the response on one thread per connection). Returns false when no hooked
   * connection is known, in which case the caller must put the body into the MockResponse itself.
   */
  static boolean park(Pending pending) {
    HookedSocket s = CURRENT.get();
    if (s == null || s.isClosed()) {
      return false;
    }
    s.pending = pending;
    return true;
  }

  static final class Factory extends ServerSocketFactory {
    private final InetAddress local;

    /** @param local the bind address, created with its literal as host name (no lookups). */
    Factory(InetAddress local) {
      this.local = local;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new HookedServerSocket(local);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket s = createServerSocket();
      s.bind(new InetSocketAddress(local, port));
      return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket s = createServerSocket();
      s.bind(new InetSocketAddress(local, port), backlog);
      return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
      ServerSocket s = createServerSocket();
      s.bind(new InetSocketAddress(ifAddress, port), backlog);
      return s;
    }
  }

  static final class HookedServerSocket extends ServerSocket {
    private final InetAddress local;

    HookedServerSocket(InetAddress local) throws IOException {
      this.local = local;
    }

    @Override
    public Socket accept() throws IOException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      HookedSocket s = new HookedSocket(local);
      implAccept(s);
      s.setTcpNoDelay(true);
      return s;
    }
  }

  static final class HookedSocket extends Socket {
    private final InetAddress local;
    volatile Pending pending;
    private OutputStream out;

    HookedSocket(InetAddress local) {
      this.local = local;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      CURRENT.set(this);
      return super.getInputStream();
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new HookedOutput(this, super.getOutputStream());
      }
      return out;
    }

    @Override
    public InetAddress getLocalAddress() {
      return local;
    }

    Pending take() {
      Pending p = pending;
      pending = null;
      return p;
    }

    @Override
    public synchronized void close() throws IOException {
      try {
        super.close();
      } finally {
        Pending p = take();
        if (p != null) {
          p.finish();
        }
      }
    }
  }

  private static final class HookedOutput extends OutputStream {
    private final HookedSocket socket;
    private final OutputStream raw;
    /** Response headers held back while a body is parked, so headers and body leave in one write. */
    private byte[] held = new byte[512];
    private int heldLen;

    HookedOutput(HookedSocket socket, OutputStream raw) {
      this.socket = socket;
      this.raw = raw;
    }

    private IOException abort(IOException e) {
      heldLen = 0;
      Pending p = socket.take();
      if (p != null) {
        p.finish();
      }
      return e;
    }

    private void hold(byte[] b, int off, int len) {
      if (heldLen + len > held.length) {
        held = java.util.Arrays.copyOf(held, Math.max(held.length * 2, heldLen + len));
      }
      System.arraycopy(b, off, held, heldLen, len);
      heldLen += len;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (socket.pending != null) {
        hold(b, off, len);
        return;
      }
      try {
        raw.write(b, off, len);
      } catch (IOException e) {
        throw abort(e);
      }
    }

    @Override
    public void flush() throws IOException {
      Pending p = socket.take();
      if (p == null) {
        try {
          raw.flush();
        } catch (IOException e) {
          throw abort(e);
        }
        return;
      }
      try {
        long len = p.body.length();
        long send = p.cutAfter >= 0 && p.cutAfter < len ? p.cutAfter : len;
        if (p.body instanceof BytesBody bytes) {
          // Headers and body in a single write: one segment for small responses.
          hold(bytes.bytes, 0, (int) send);
          // The request stops counting as in flight just before the one write that delivers its whole
          // response: otherwise a client that read it and sent its next request at once could find this
          // one still counted, a race with the server's own thread that no client can avoid.
          p.finish();
          raw.write(held, 0, heldLen);
          heldLen = 0;
        } else {
          raw.write(held, 0, heldLen);
          heldLen = 0;
          p.body.writeTo(raw, send);
        }
        raw.flush();
        if (send < len) {
          socket.close();
        }
      } catch (IOException e) {
        heldLen = 0;
        throw e;
      } finally {
        if (held.length > 1 << 16) {
          held = new byte[512];
        }
        p.finish();
      }
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }
}
