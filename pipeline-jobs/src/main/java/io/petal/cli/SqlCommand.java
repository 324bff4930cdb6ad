package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code petal sql}: SQL over views of every table. */
@Command(name = "sql", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Run SQL over views of every table (studies, slices, lesions, lesion_summary, metrics).")
public final class SqlCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(names = "--format", defaultValue = "table", description = "table, csv, json or arrow.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the result here instead of stdout.")
  String out;

  @Override
  public Integer call() {
    return PendingStage.report("sql", "run the query over the warehouse's tables");
  }
}
