package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code ranking_metrics}: written by {@code petal evaluate}, one row per evaluation run, ranked
 * score and level: how well an anomaly map, or a segmentation model's probability, ranks lesion
 * voxels ({@code pixel}: voxel value vs voxel is lesion) and lesion slices ({@code slice}: slice
 * score — a probability's highest voxel in the slice — vs slice has a lesion voxel) above the
 * rest, over the run's evaluated studies. Partitioned by {@link #RUN}.
 *
 * <p>The AUROC comes from a mergeable histogram of the scores; the exact AUROC lies within
 * {@link #AUROC} ± {@link #AUROC_ERROR_BOUND}. Null where undefined (no positive or no negative).
 */
public final class RankingMetricsTable extends TableDefinition {
  public static final String NAME = "ranking_metrics";
  public static final int VERSION = 1;

  /** The evaluation run ({@code W/reports/<run>}). */
  public static final String RUN = "run";
  /** The method as the report names it, e.g. {@code anomaly map (autoencoder)}. */
  public static final String METHOD = "method";
  /** The model whose scores were ranked (the autoencoder of {@code anomaly}, or {@code masks.model}). */
  public static final String MODEL = AnomalyTable.MODEL;
  /** {@code slice} or {@code pixel}. */
  public static final String LEVEL = "level";
  public static final String AUROC = "auroc";
  /** Half-width of the interval guaranteed to hold the exact AUROC. */
  public static final String AUROC_ERROR_BOUND = "auroc_error_bound";
  /** Average precision (area under the precision-recall curve). */
  public static final String AUPRC = "auprc";
  /** Positive (lesion) and negative scores ranked. */
  public static final String POSITIVES = "positives";
  public static final String NEGATIVES = "negatives";

  private static final StructType SCHEMA = new StructType()
      .add(RUN, StringType, false)
      .add(METHOD, StringType, false)
      .add(MODEL, StringType, false)
      .add(LEVEL, StringType, false)
      .add(AUROC, DoubleType, true)
      .add(AUROC_ERROR_BOUND, DoubleType, true)
      .add(AUPRC, DoubleType, true)
      .add(POSITIVES, LongType, false)
      .add(NEGATIVES, LongType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final RankingMetricsTable INSTANCE = new RankingMetricsTable();

  private RankingMetricsTable() {
    super(NAME, VERSION, SCHEMA, RUN);
  }
}
