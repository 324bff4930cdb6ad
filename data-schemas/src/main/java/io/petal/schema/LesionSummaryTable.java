package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code lesion_summary}: one row per study and mask source (see {@link LesionsTable}), also for
 * a mask without any lesion (count 0), so a cohort's lesion burden can be averaged over all its
 * measured studies. Written by {@code petal lesions} together with {@code lesions}.
 */
public final class LesionSummaryTable extends TableDefinition {
  public static final String NAME = "lesion_summary";
  public static final int VERSION = 1;

  /** Number of lesions (connected components). */
  public static final String LESION_COUNT = "lesion_count";
  /** Lesion voxels in all. */
  public static final String TOTAL_VOXELS = "total_voxels";
  /** Sum of the lesions' MTV, mL. */
  public static final String TOTAL_MTV_ML = "total_mtv_ml";
  /** Sum of the lesions' TLG, SUV·mL. */
  public static final String TOTAL_TLG = "total_tlg";
  /** Highest lesion SUVmax (null without lesions). */
  public static final String SUV_MAX = "suv_max";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(Columns.MASK_SOURCE, StringType, false)
      .add(LESION_COUNT, IntegerType, false)
      .add(TOTAL_VOXELS, LongType, false)
      .add(TOTAL_MTV_ML, DoubleType, false)
      .add(TOTAL_TLG, DoubleType, false)
      .add(SUV_MAX, DoubleType, true)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final LesionSummaryTable INSTANCE = new LesionSummaryTable();

  private LesionSummaryTable() {
    super(NAME, VERSION, SCHEMA, Columns.COHORT);
  }
}
