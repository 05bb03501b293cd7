package dev.asanaconnector.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server that hides nothing: it answers from responses rendered before the run (headers and body in
 * one array, written with one call), does no work per request but reading the request's head and one map
 * look-up, and runs in a process of its own, one thread per connection, TCP_NODELAY. What a client takes
 * against it is the client's own cost: the sandbox, which renders every page, would hide it.
 *
 * <pre>
 * StaticServer FILE    serves the responses in FILE (see {@link #write}); prints "BENCH port=N"; ends
 *                      when its standard input does
 * </pre>
 */
public final class StaticServer {
  private static final byte[] NOT_FOUND = ("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
      + "Content-Length: 51\r\n\r\n{\"errors\":[{\"message\":\"not recorded for the bench\"}]}")
      .getBytes(StandardCharsets.US_ASCII);

  private final Map<String, byte[]> responses;

  private StaticServer(Map<String, byte[]> responses) {
    this.responses = responses;
  }

  public static void main(String[] args) throws IOException {
    ServerSocket listener = serveInBackground(Path.of(args[0]));
    System.out.println("BENCH port=" + listener.getLocalPort());
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // nothing: the parent closes our standard input to stop us
      }
    } finally {
      listener.close();
    }
    System.exit(0);
  }

  /** Serves the responses in {@code file} on a loopback port until the returned socket is closed. */
  static ServerSocket serveInBackground(Path file) throws IOException {
    StaticServer server = new StaticServer(read(file));
    ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket socket = listener.accept();
          socket.setTcpNoDelay(true);
          Thread connection = new Thread(() -> server.serve(socket), "connection-" + socket.getPort());
          connection.setDaemon(true);
          connection.start();
        }
      } catch (IOException closed) {
        // the listener was closed: stop accepting
      }
    }, "acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    return listener;
  }

  /** Answers the requests of one keep-alive connection until the client closes it. */
  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
        OutputStream out = socket.getOutputStream()) {
      for (String target = readRequestHead(in); target != null; target = readRequestHead(in)) {
        byte[] response = responses.get(key(target));
        out.write(response != null ? response : NOT_FOUND);
      }
    } catch (IOException ignored) {
      // the client went away
    }
  }

  /** Reads a request's head (GETs have no body) and returns its request target, or null at the end. */
  private static String readRequestHead(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    String requestLine = null;
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n' && previous == '\r') {
        if (line.length() == 0) {
          if (requestLine == null) {
            continue;
          }
          String[] parts = requestLine.split(" ");
          return parts.length > 1 ? parts[1] : "";
        }
        if (requestLine == null) {
          requestLine = line.toString();
        }
        line.setLength(0);
      } else if (b != '\r') {
        line.append((char) b);
      }
      previous = b;
    }
    return null;
  }

  /**
   * A request target reduced to what identifies the response: the path and the query's parameters
   * decoded and sorted, so that clients that order or escape them differently find the same answer.
   */
  static String key(String target) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    if (path.startsWith("http://")) {
      path = path.substring(path.indexOf('/', "http://".length()));
    }
    List<String> params = new ArrayList<>();
    if (question >= 0) {
      for (String pair : target.substring(question + 1).split("&")) {
        if (!pair.isEmpty()) {
          params.add(URLDecoder.decode(pair, StandardCharsets.UTF_8));
        }
      }
    }
    params.sort(null);
    return path + "?" + String.join("&", params);
  }

  /** A 200 response with {@code body}, headers and body in one array. */
  static byte[] render(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /** Writes {@code bodies} (request target → 200 body) for {@link #main} to serve. */
  static void write(Path file, Map<String, byte[]> bodies) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(bodies.size());
      for (Map.Entry<String, byte[]> entry : bodies.entrySet()) {
        out.writeUTF(key(entry.getKey()));
        out.writeInt(entry.getValue().length);
        out.write(entry.getValue());
      }
    }
  }

  private static Map<String, byte[]> read(Path file) throws IOException {
    Map<String, byte[]> responses = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String key = in.readUTF();
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        responses.put(key, render(body));
      }
    }
    return responses;
  }
}
