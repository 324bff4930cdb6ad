package io.petal.cli;

import io.petal.sql.ResultFormat;
import io.petal.sql.SqlJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code petal sql}: SQL over views of every table. */
@Command(name = "sql", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Run SQL over views of every table under W/tables (studies, slices, quarantine, masks, lesions, "
        + "lesion_summary, metrics, ...), named after the table.",
        "Tensor (binary) columns are left out unless --with-tensors is given.",
        "Example: petal sql --warehouse W \"SELECT site, count(*), avg(suv_max) FROM lesions GROUP BY site\""})
public final class SqlCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query (Spark SQL).")
  String query;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (readable, first --rows rows), csv, json (JSON Lines) or arrow (Arrow IPC file, needs --out).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the result to this file (any Hadoop path) instead of stdout.")
  String out;

  @Option(names = "--with-tensors", description = "Keep the binary tensor columns (slices.image, slices.labels, masks.*).")
  boolean withTensors;

  @Option(names = "--rows", defaultValue = "100", paramLabel = "N", description = "Rows shown by --format table.")
  int rows;

  @Override
  public Integer call() throws Exception {
    SqlJob.Options o = new SqlJob.Options(warehouse.warehouse(), query, ResultFormat.parse(format), out, withTensors,
        rows);
    SparkSession session = spark.session("petal-sql");
    long n = SqlJob.run(session, o, System.out);
    if (out != null) {
      System.out.println("sql: " + n + " rows -> " + out);
    }
    return 0;
  }
}
