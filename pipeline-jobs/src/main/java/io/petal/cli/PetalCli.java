package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code petal}: the one front door. {@code main} only parses arguments and dispatches to a
 * subcommand; each subcommand calls a job method that takes a SparkSession.
 */
@Command(name = "petal", mixinStandardHelpOptions = true, versionProvider = PetalVersion.class,
    description = "Petal (PET/CT Anomaly Learning): cohort ingest, anomaly scoring, lesion "
        + "segmentation and statistics on Apache Spark.",
    subcommands = {
        SynthCommand.class, IngestCommand.class, TrainAeCommand.class, PretrainCommand.class, ScoreCommand.class,
        SegmentCommand.class, EvaluateCommand.class, LesionsCommand.class, SqlCommand.class,
        ExportNiftiCommand.class, RunCommand.class, DemoCommand.class, LocalClusterCommand.class,
        CommandLine.HelpCommand.class})
public final class PetalCli implements Callable<Integer> {

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return 2;
  }

  /** The configured command line (tests use it; {@code main} calls {@link #run}). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new PetalCli());
    cl.setExecutionExceptionHandler(new UserErrorHandler());
    return cl;
  }

  /** Runs {@code args} and returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
