package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code anomaly}: one row per slice and autoencoder, written by {@code petal score}.
 *
 * <p>{@link #ANOMALY} is a float32 little-endian tensor [{@link #HEIGHT}, {@link #WIDTH}], x
 * fastest, on the study's reference grid (the grid of the {@code slices} table), in the unit of
 * the autoencoder's masked channels: for PET/CT in SUV, the positive part of (PET −
 * reconstruction) with voxels above {@link #THRESHOLD_SUV} hidden from the network; for brain MRI
 * (T2, FLAIR) and bone scans (counts) in multiples of the study's robust intensity scale, the
 * largest positive residual of the masked channels, with voxels above that many times the scale
 * hidden; zero outside the body, smoothed. {@link #SCORE} is the slice score: the mean of the
 * slice's largest anomaly values (see {@code io.petal.scoring.SliceScore}). Partitioned by cohort
 * and model, so re-scoring with one model replaces only its rows.
 */
public final class AnomalyTable extends TableDefinition {
  public static final String NAME = "anomaly";
  public static final int VERSION = 1;

  /** Autoencoder name (folder under W/models). */
  public static final String MODEL = "model";
  public static final String SLICE_INDEX = SlicesTable.SLICE_INDEX;
  public static final String WIDTH = SlicesTable.WIDTH;
  public static final String HEIGHT = SlicesTable.HEIGHT;
  /** float32 LE tensor [H, W], SUV (PET/CT) or multiples of the study's robust scale. */
  public static final String ANOMALY = "anomaly";
  /** Slice score, in the unit of {@link #ANOMALY}. */
  public static final String SCORE = "score";
  /**
   * The threshold above which voxels were hidden from the network for this study: SUV for PET/CT,
   * multiples of the study's robust scale otherwise (the column keeps its name).
   */
  public static final String THRESHOLD_SUV = "threshold_suv";
  /** Fraction of the slice's body pixels hidden (on the network grid). */
  public static final String HIDDEN_FRACTION = "hidden_fraction";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(MODEL, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(SLICE_INDEX, IntegerType, false)
      .add(WIDTH, IntegerType, false)
      .add(HEIGHT, IntegerType, false)
      .add(ANOMALY, BinaryType, false)
      .add(SCORE, FloatType, false)
      .add(THRESHOLD_SUV, DoubleType, false)
      .add(HIDDEN_FRACTION, FloatType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final AnomalyTable INSTANCE = new AnomalyTable();

  private AnomalyTable() {
    super(NAME, VERSION, SCHEMA, Columns.COHORT, MODEL);
  }
}
