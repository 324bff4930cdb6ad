package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code patient_metrics}: written by {@code petal evaluate}, one row per evaluation run, study,
 * segmentation model, output region and annotation source the model's mask was scored against
 * (autoPET definitions, 3D, 18-connectivity; planar views in 2D, side by side). The first region
 * of the study's kind ({@code lesion}; brain MRI {@code WT}) is scored against every annotation
 * source, the other regions ({@code TC}, {@code ET}) against the first source. Partitioned by
 * {@link #RUN}: re-running a run name replaces its rows.
 *
 * <p>Volumes are mL (voxel count × voxel volume from the study's affine; for planar views an area
 * in cm², a view counted 10 mm deep). {@link #DICE} and
 * {@link #SURFACE_DICE} are null where undefined (a study without true lesions, see
 * {@code io.petal.metrics.EmptyMaskPolicy}).
 */
public final class PatientMetricsTable extends TableDefinition {
  public static final String NAME = "patient_metrics";
  public static final int VERSION = 2;

  /** The evaluation run ({@code W/reports/<run>}). */
  public static final String RUN = "run";
  /** Split of the study ({@code studies.split}), or null. */
  public static final String SPLIT = StudiesTable.SPLIT;
  /** True for a normal study (diagnosis NEGATIVE), null when unknown. */
  public static final String NORMAL = StudiesTable.NORMAL;
  /** The segmentation model ({@code masks.model}). */
  public static final String MODEL = MasksTable.MODEL;
  /** The annotation source scored against ({@code studies.label_sources}); see {@link #PRIMARY_SOURCE}. */
  public static final String LABEL_SOURCE = "label_source";
  /** True for the study's first annotation source, the one the report's per-model figures use. */
  public static final String PRIMARY_SOURCE = "primary_source";
  /**
   * The output region the masks were reduced to, from the label values of truth and prediction:
   * {@code lesion} (label above 0), or for brain MRI {@code WT} (1, 2, 4), {@code TC} (1, 4),
   * {@code ET} (4).
   */
  public static final String REGION = "region";
  /** Dice of the whole 3D masks; null when undefined. */
  public static final String DICE = "dice";
  /** Surface Dice at the evaluator's tolerance (2 mm); null when undefined. */
  public static final String SURFACE_DICE = "surface_dice";
  /** False-positive volume: predicted components touching no true lesion, mL. */
  public static final String FPV_ML = "fpv_ml";
  /** False-negative volume: true lesions touched by no predicted voxel, mL. */
  public static final String FNV_ML = "fnv_ml";
  public static final String TRUTH_VOLUME_ML = "truth_volume_ml";
  public static final String PREDICTED_VOLUME_ML = "predicted_volume_ml";
  /** True lesions (connected components of the truth). */
  public static final String LESIONS = "lesions";
  /** True lesions touched by the prediction. */
  public static final String DETECTED_LESIONS = "detected_lesions";
  /** Predicted components touching no true lesion. */
  public static final String FALSE_POSITIVE_COMPONENTS = "false_positive_components";

  private static final StructType SCHEMA = new StructType()
      .add(RUN, StringType, false)
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(SPLIT, StringType, true)
      .add(NORMAL, BooleanType, true)
      .add(MODEL, StringType, false)
      .add(LABEL_SOURCE, StringType, false)
      .add(PRIMARY_SOURCE, BooleanType, false)
      .add(REGION, StringType, false)
      .add(DICE, DoubleType, true)
      .add(SURFACE_DICE, DoubleType, true)
      .add(FPV_ML, DoubleType, false)
      .add(FNV_ML, DoubleType, false)
      .add(TRUTH_VOLUME_ML, DoubleType, false)
      .add(PREDICTED_VOLUME_ML, DoubleType, false)
      .add(LESIONS, LongType, false)
      .add(DETECTED_LESIONS, LongType, false)
      .add(FALSE_POSITIVE_COMPONENTS, LongType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final PatientMetricsTable INSTANCE = new PatientMetricsTable();

  private PatientMetricsTable() {
    super(NAME, VERSION, SCHEMA, RUN);
  }
}
