package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code petal local-cluster start|stop|status}: a Spark standalone cluster on loopback. */
@Command(name = "local-cluster", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Start, stop or show a real Spark standalone cluster (master + workers as separate JVMs) on loopback.")
public final class LocalClusterCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status.")
  String action;

  @Option(names = "--workers", defaultValue = "2", description = "Number of worker JVMs.")
  int workers;

  @Override
  public Integer call() {
    return PendingStage.report("local-cluster", "start a master and workers on 127.0.0.1");
  }
}
