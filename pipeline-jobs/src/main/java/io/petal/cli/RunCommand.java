package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal run}: The whole pipeline (what the nightly job calls): ingest, train, score, segment, evaluate, lesions, report. */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "The whole pipeline (what the nightly job calls): ingest, train, score, segment, evaluate, lesions, report.")
public final class RunCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "Study manifest (CSV or Parquet).")
  String manifest;

  @Override
  public Integer call() {
    return PendingStage.report("run", "run every stage in order on the manifest");
  }
}
