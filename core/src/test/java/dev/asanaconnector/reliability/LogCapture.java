package dev.asanaconnector.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Records what the connector logs through SLF4J, end to end: every logger (the HTTP stack's
 * {@code dev.asanaconnector.http}, the OAuth session's...) at every level, formatted, with any
 * throwable rendered in full (messages and stack). Registered as this test classpath's SLF4J provider
 * (see {@code META-INF/services}); logging is off (every level disabled) unless a capture is open, so
 * other tests pay nothing.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *   ...
 *   logs.lines();
 * }
 * }</pre>
 */
final class LogCapture implements AutoCloseable {
  /** One log event. */
  record Line(String logger, Level level, String text) {
    @Override
    public String toString() {
      return level + " " + logger + ": " + text;
    }
  }

  private static final Set<LogCapture> OPEN = ConcurrentHashMap.newKeySet();

  private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();

  private LogCapture() {
  }

  /** Starts recording; fails if SLF4J is not bound to this provider (so a test can never pass by seeing nothing). */
  static LogCapture start() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof Factory)) {
      throw new IllegalStateException("SLF4J is bound to " + factory.getClass().getName()
          + ", not the test provider " + Provider.class.getName());
    }
    LogCapture capture = new LogCapture();
    OPEN.add(capture);
    return capture;
  }

  List<Line> lines() {
    return new ArrayList<>(lines);
  }

  List<String> texts(Level level) {
    return lines.stream().filter(l -> l.level() == level).map(Line::text).toList();
  }

  List<String> texts(String logger, Level level) {
    return lines.stream().filter(l -> l.level() == level && l.logger().equals(logger)).map(Line::text).toList();
  }

  @Override
  public void close() {
    OPEN.remove(this);
  }

  private static void record(String logger, Level level, String text) {
    Line line = new Line(logger, level, text);
    for (LogCapture capture : OPEN) {
      capture.lines.add(line);
    }
  }

  /** A throwable as a log binding would print it: class, message, causes and stack. */
  static String render(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** The SLF4J 2 provider for the core test classpath. */
  public static final class Provider implements SLF4JServiceProvider {
    private final Factory factory = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
      return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
      return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
      return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
      return "2.0.99";
    }

    @Override
    public void initialize() {
    }
  }

  static final class Factory implements ILoggerFactory {
    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, Recording::new);
    }
  }

  private static final class Recording extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    Recording(String name) {
      this.name = name;
    }

    private static boolean on() {
      return !OPEN.isEmpty();
    }

    @Override
    public boolean isTraceEnabled() {
      return on();
    }

    @Override
    public boolean isDebugEnabled() {
      return on();
    }

    @Override
    public boolean isInfoEnabled() {
      return on();
    }

    @Override
    public boolean isWarnEnabled() {
      return on();
    }

    @Override
    public boolean isErrorEnabled() {
      return on();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      String text = MessageFormatter.basicArrayFormat(pattern, arguments);
      if (throwable != null) {
        text += System.lineSeparator() + render(throwable);
      }
      record(name, level, text);
    }
  }
}
