package io.petal.sql;

import io.petal.schema.AnomalyTable;
import io.petal.schema.FoldsTable;
import io.petal.schema.LesionSummaryTable;
import io.petal.schema.LesionsTable;
import io.petal.schema.MasksTable;
import io.petal.schema.PatientMetricsTable;
import io.petal.schema.QuarantineTable;
import io.petal.schema.RankingMetricsTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a Spark temporary view for every table of a warehouse: each folder under
 * {@code W/tables/} (studies, slices, quarantine, anomaly, masks, lesions, lesion_summary, and any
 * table a later stage adds, such as metrics), named after the folder, with the {@code cohort} partition
 * as a column.
 *
 * <p>Tensor columns (every {@code binary} column: {@code slices.image}, {@code slices.labels},
 * {@code masks.probability}, {@code masks.label}, the anomaly maps) are left out unless asked for: they are large
 * and unreadable as text. A table folder without rows yet becomes an empty view with its
 * contract's schema when Petal knows the table, and is skipped otherwise. Folders whose names
 * start with {@code _} or {@code .} are not tables.
 */
public final class WarehouseViews {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseViews.class);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** The contracts Petal knows, by table name (for empty tables). */
  private static final Map<String, TableContract> KNOWN = Stream.<TableContract>of(StudiesTable.INSTANCE, SlicesTable.INSTANCE,
          QuarantineTable.INSTANCE, AnomalyTable.INSTANCE, MasksTable.INSTANCE, LesionsTable.INSTANCE,
          LesionSummaryTable.INSTANCE, PatientMetricsTable.INSTANCE, RankingMetricsTable.INSTANCE, FoldsTable.INSTANCE)
      .collect(Collectors.toMap(TableContract::name, Function.identity()));

  private WarehouseViews() {}

  /**
   * Registers the views and returns their names, sorted.
   *
   * @param withTensors keep the {@code binary} tensor columns
   * @throws IllegalArgumentException when the warehouse has no {@code tables} folder
   */
  public static List<String> register(SparkSession spark, Warehouse w, boolean withTensors) {
    List<String> names = new ArrayList<>();
    for (Path folder : tableFolders(spark, w)) {
      String name = folder.getName();
      if (!IDENTIFIER.matcher(name).matches()) {
        LOG.warn("sql: {} is not a valid view name; the table is not registered", folder);
        continue;
      }
      Dataset<Row> table = read(spark, folder.toString(), name);
      if (table == null) {
        continue;
      }
      (withTensors ? table : withoutTensors(table)).createOrReplaceTempView(name);
      names.add(name);
    }
    names.sort(null);
    LOG.info("sql: views {}", names);
    return names;
  }

  /** {@code table} without its {@code binary} columns. */
  public static Dataset<Row> withoutTensors(Dataset<Row> table) {
    String[] binary = Arrays.stream(table.schema().fields())
        .filter(f -> f.dataType() instanceof BinaryType).map(StructField::name).toArray(String[]::new);
    return binary.length == 0 ? table : table.drop(binary);
  }

  private static List<Path> tableFolders(SparkSession spark, Warehouse w) {
    Path tables = new Path(w.root(), "tables");
    try {
      FileSystem fs = tables.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isDirectory(tables)) {
        throw new IllegalArgumentException("no tables under " + w + " (" + tables
            + " does not exist): run petal ingest first, or check --warehouse");
      }
      return Arrays.stream(fs.listStatus(tables)).filter(FileStatus::isDirectory).map(FileStatus::getPath)
          .filter(p -> !p.getName().startsWith("_") && !p.getName().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tables, e);
    }
  }

  private static Dataset<Row> read(SparkSession spark, String path, String name) {
    try {
      return spark.read().parquet(path);
    } catch (Exception e) { // Spark's AnalysisException is checked but undeclared
      if (!String.valueOf(e.getMessage()).contains("UNABLE_TO_INFER_SCHEMA")) {
        throw e;
      }
      TableContract known = KNOWN.get(name);
      if (known == null) {
        LOG.warn("sql: table {} has no rows and no known schema; not registered", name);
        return null;
      }
      return spark.createDataFrame(List.of(), known.schema());
    }
  }
}
