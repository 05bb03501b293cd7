package dev.asanaconnector.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code --output FILE} target. Checked before any request (a directory that does not exist, a path
 * that is a directory, an unwritable file are bad input, exit 2); written through a temporary file in the
 * same directory that replaces FILE only once the result is complete, so a failure part-way leaves FILE
 * as it was and never a truncated document or download.
 */
final class OutputFile {
  /** FILE cannot be written: bad input (exit 2), named as {@code output}. */
  static final class Unwritable extends IOException {
    private static final long serialVersionUID = 1L;

    Unwritable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path path;
  private final Path directory;

  private OutputFile(Path path, Path directory) {
    this.path = path;
    this.directory = directory;
  }

  static OutputFile check(String given) throws Unwritable {
    if (given.isBlank()) {
      throw new Unwritable("needs a file name", null);
    }
    Path path;
    try {
      path = Path.of(given).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new Unwritable("'" + given + "' is not a valid path: " + e.getReason(), e);
    }
    if (Files.isDirectory(path)) {
      throw new Unwritable("'" + given + "' is a directory; give a file name", null);
    }
    Path directory = path.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new Unwritable("cannot write '" + given + "': no directory " + directory, null);
    }
    if (!Files.isWritable(directory)) {
      throw new Unwritable("cannot write '" + given + "': directory " + directory + " is not writable", null);
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      throw new Unwritable("cannot write '" + given + "': the file is not writable", null);
    }
    return new OutputFile(path, directory);
  }

  /** Runs {@code writer} on a temporary file, then moves it onto FILE; on any failure deletes it. */
  void write(Writer writer) throws IOException {
    Path temp;
    try {
      temp = Files.createTempFile(directory, ".asana-", ".part");
    } catch (IOException e) {
      throw new Unwritable("cannot write in " + directory + ": " + e.getMessage(), e);
    }
    boolean done = false;
    try {
      try (OutputStream file = new Guarded(Files.newOutputStream(temp))) {
        writer.writeTo(file);
      }
      try {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (Unwritable e) {
      throw e;
    } catch (IOException e) {
      if (e instanceof Output.DownloadFailed) {
        throw e;
      }
      throw new Unwritable("cannot write '" + path + "': " + e.getMessage(), e);
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Reports a failed write (a full disk...) as {@link Unwritable}, not as a download failure. */
  private static final class Guarded extends FilterOutputStream {
    Guarded(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new Unwritable("writing failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new Unwritable("writing failed: " + e.getMessage(), e);
      }
    }
  }
}
