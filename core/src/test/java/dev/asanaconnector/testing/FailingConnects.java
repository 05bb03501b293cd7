package dev.asanaconnector.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * A socket factory whose first {@code failures} sockets fail to connect (refused, or timed out at once),
 * and whose later sockets are plain ones. Records how many sockets were made and the connect timeout
 * each was given, so tests can see how often and how patiently a client tried.
 */
public final class FailingConnects extends SocketFactory {
  /** Sockets made so far, failed ones included. */
  public final AtomicInteger created = new AtomicInteger();
  /** The connect timeout, in milliseconds, each failing socket was given. */
  public final List<Integer> timeouts = new CopyOnWriteArrayList<>();
  private final int failures;
  private final Supplier<IOException> failure;

  private FailingConnects(int failures, Supplier<IOException> failure) {
    this.failures = failures;
    this.failure = failure;
  }

  /** The first {@code refusals} connections are refused, as by a host with nothing listening. */
  public static FailingConnects refusing(int refusals) {
    return new FailingConnects(refusals, () -> new ConnectException("Connection refused"));
  }

  /** Every connection times out at once, as to a host that drops every packet. */
  public static FailingConnects timingOut() {
    return new FailingConnects(Integer.MAX_VALUE, () -> new SocketTimeoutException("connect timed out"));
  }

  @Override
  public Socket createSocket() {
    if (created.incrementAndGet() > failures) {
      return new Socket();
    }
    return new Socket() {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        timeouts.add(timeout);
        throw failure.get();
      }
    };
  }

  // OkHttp makes unconnected sockets only; the connected variants are never called.
  @Override
  public Socket createSocket(String host, int port) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw new UnsupportedOperationException();
  }
}
