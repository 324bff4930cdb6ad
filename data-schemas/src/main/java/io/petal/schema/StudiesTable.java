package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code studies}: one row per ingested study — pseudonymous ids, the reference grid, channels,
 * SUV normalisation, labels and QC facts.
 *
 * <p>Geometry: {@link #AFFINE} holds the 12 entries (row-major 3×4) of the voxel-index → patient
 * LPS+ mm map of the reference grid (the PET grid for PET/CT); spacings are in mm.
 */
public final class StudiesTable extends TableDefinition {
  public static final String NAME = "studies";
  public static final int VERSION = 1;

  /** Study kind: {@code pet-ct}, {@code brain-mri}, {@code spect-bone}. */
  public static final String KIND = "kind";
  /** Where the study came from: {@code nifti}, {@code dicom}, {@code synthetic}. */
  public static final String SOURCE_FORMAT = "source_format";
  /** Channel names in tensor order, e.g. [PET, CT]. */
  public static final String CHANNELS = "channels";
  /** Channel units in tensor order, e.g. [SUV, HU]. */
  public static final String CHANNEL_UNITS = "channel_units";
  /** Grid size along index axes (voxels). */
  public static final String NX = "nx";
  public static final String NY = "ny";
  public static final String NZ = "nz";
  /** Voxel spacing along index axes, mm. */
  public static final String SPACING_X_MM = "spacing_x_mm";
  public static final String SPACING_Y_MM = "spacing_y_mm";
  public static final String SPACING_Z_MM = "spacing_z_mm";
  /** Row-major 3×4 affine, voxel index → patient LPS+ mm. */
  public static final String AFFINE = "affine";
  /** Factor that turned stored PET values into SUVbw (1.0 for data already in SUV). */
  public static final String SUV_FACTOR = "suv_factor";
  /** Which SUV rule produced the factor (units, decay correction, scan-time choice). */
  public static final String SUV_RULE = "suv_rule";
  /** Lean-body-mass SUV factor (SUL), when sex and height exist; else null. */
  public static final String SUL_FACTOR = "sul_factor";
  /** Diagnosis from the manifest; {@code NEGATIVE} marks a normal study. */
  public static final String DIAGNOSIS = "diagnosis";
  /** True when the study is normal (diagnosis NEGATIVE). */
  public static final String NORMAL = "normal";
  /** Split from the manifest ({@code train}, {@code test}, …), or null. */
  public static final String SPLIT = "split";
  /** Names of the annotation sources, in label tensor order (e.g. [seg] or [seg_a, seg_b]). */
  public static final String LABEL_SOURCES = "label_sources";
  /** Lesion voxels in the first label source (null without labels). */
  public static final String LESION_VOXELS = "lesion_voxels";
  /** Lesion volume of the first label source, mL. */
  public static final String LESION_VOLUME_ML = "lesion_volume_ml";
  /** Maximum SUV over the whole PET volume. */
  public static final String SUV_MAX = "suv_max";
  /** SHA-256 of the study's input bytes: what incremental ingest compares. */
  public static final String CONTENT_HASH = "content_hash";
  /** Free-text report (may be null). */
  public static final String REPORT = "report";
  /** Other manifest columns, kept as study metadata (never identifying columns). */
  public static final String METADATA = "metadata";
  /** When the study was ingested (UTC). */
  public static final String INGESTED_AT = "ingested_at";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(KIND, StringType, false)
      .add(SOURCE_FORMAT, StringType, false)
      .add(CHANNELS, createArrayType(StringType, false), false)
      .add(CHANNEL_UNITS, createArrayType(StringType, false), false)
      .add(NX, IntegerType, false)
      .add(NY, IntegerType, false)
      .add(NZ, IntegerType, false)
      .add(SPACING_X_MM, DoubleType, false)
      .add(SPACING_Y_MM, DoubleType, false)
      .add(SPACING_Z_MM, DoubleType, false)
      .add(AFFINE, createArrayType(DoubleType, false), false)
      .add(SUV_FACTOR, DoubleType, true)
      .add(SUV_RULE, StringType, true)
      .add(SUL_FACTOR, DoubleType, true)
      .add(DIAGNOSIS, StringType, true)
      .add(NORMAL, BooleanType, true)
      .add(SPLIT, StringType, true)
      .add(LABEL_SOURCES, createArrayType(StringType, false), false)
      .add(LESION_VOXELS, LongType, true)
      .add(LESION_VOLUME_ML, DoubleType, true)
      .add(SUV_MAX, DoubleType, true)
      .add(CONTENT_HASH, StringType, false)
      .add(REPORT, StringType, true)
      .add(METADATA, createMapType(StringType, StringType, true), false)
      .add(INGESTED_AT, TimestampType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final StudiesTable INSTANCE = new StudiesTable();

  private StudiesTable() {
    super(NAME, VERSION, SCHEMA, Columns.COHORT);
  }
}
