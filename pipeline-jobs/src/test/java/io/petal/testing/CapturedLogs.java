package io.petal.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the formatted messages that {@code io.petal} loggers emit (through SLF4J to Log4j 2,
 * the test binding) while open, from every thread, including Spark tasks of a local session.
 */
public final class CapturedLogs implements AutoCloseable {
  private static final String PETAL = "io.petal";

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final LoggerConfig petal;
  private final AbstractAppender appender;

  /** Starts capturing at {@code level} and above. */
  public CapturedLogs(Level level) {
    appender = new AbstractAppender("captured-" + System.identityHashCode(this), null, null, true,
        Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        if (event.getLoggerName().startsWith(PETAL)) {
          lines.add(event.getMessage().getFormattedMessage());
        }
      }
    };
    appender.start();
    petal = context.getConfiguration().getLoggerConfig(PETAL);
    petal.addAppender(appender, level, null);
    context.updateLoggers();
  }

  /** The messages captured so far, in order. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    petal.removeAppender(appender.getName());
    appender.stop();
    context.updateLoggers();
  }
}
