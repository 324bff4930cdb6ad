package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code folds}: the patient-level cross-validation split of an evaluation run, written by
 * {@code petal evaluate --folds K}: one row per patient, with the fold (1..K) whose test set holds
 * the patient; every other fold trains on the patient. Partitioned by {@link #RUN}.
 */
public final class FoldsTable extends TableDefinition {
  public static final String NAME = "folds";
  public static final int VERSION = 1;

  /** The evaluation run ({@code W/reports/<run>}). */
  public static final String RUN = "run";
  /** The fold (1..{@link #FOLDS}) that holds the patient out. */
  public static final String FOLD = "fold";
  /** Number of folds K. */
  public static final String FOLDS = "folds";
  /** Seed of the assignment. */
  public static final String SEED = "seed";

  private static final StructType SCHEMA = new StructType()
      .add(RUN, StringType, false)
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(FOLD, IntegerType, false)
      .add(FOLDS, IntegerType, false)
      .add(SEED, LongType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final FoldsTable INSTANCE = new FoldsTable();

  private FoldsTable() {
    super(NAME, VERSION, SCHEMA, RUN);
  }
}
