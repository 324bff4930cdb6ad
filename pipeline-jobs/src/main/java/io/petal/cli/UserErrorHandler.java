package io.petal.cli;

import io.petal.errors.CauseChain;
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
    cmd.getErr().println("petal " + cmd.getCommandName() + ": error: " + CauseChain.describe(ex));
    LOG.debug("stack trace", ex);
    return 1;
  }
}
