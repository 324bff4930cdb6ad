package io.petal.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on stderr (the cause chain's messages) and exit code 1;
 * the stack trace goes to the debug log only.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    StringBuilder msg = new StringBuilder();
    for (Throwable t = ex; t != null; t = t.getCause()) {
      String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (msg.indexOf(m) < 0) {
        msg.append(msg.length() == 0 ? "" : ": ").append(m);
      }
    }
    cmd.getErr().println("petal " + cmd.getCommandName() + ": error: " + msg);
    LOG.debug("stack trace", ex);
    return 1;
  }
}
