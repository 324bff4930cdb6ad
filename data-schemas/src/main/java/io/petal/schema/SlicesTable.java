package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code slices}: one row per axial slice (or planar view) of a study, with all its channels on
 * the study's reference grid.
 *
 * <p>Tensors (see {@link TensorCodec}):
 * <ul>
 *   <li>{@link #IMAGE}: float32 little-endian, shape [channels, height, width] =
 *       [{@link #CHANNEL_COUNT}, {@link #HEIGHT}, {@link #WIDTH}], x (width) fastest; channel
 *       order and units as in {@code studies.channels}/{@code channel_units} (PET in SUV, CT in HU).</li>
 *   <li>{@link #LABELS}: uint8, shape [label sources, height, width]; null for unlabelled studies.
 *       Value 0 is background; 1.. are lesion classes (binary masks use 1; brain MRI keeps the
 *       BraTS values of {@link BratsLabels}).</li>
 * </ul>
 */
public final class SlicesTable extends TableDefinition {
  public static final String NAME = "slices";
  public static final int VERSION = 1;

  /** Slice index k along the reference grid's third axis (0-based). */
  public static final String SLICE_INDEX = "slice_index";
  /** Patient z (LPS+, mm) of the slice centre. */
  public static final String Z_MM = "z_mm";
  /** {@code axial} for tomographic slices, or a planar view name ({@code anterior}, {@code posterior}). */
  public static final String VIEW = "view";
  /** {@link #VIEW} of a tomographic (axial) slice. */
  public static final String AXIAL = "axial";
  /** {@link #VIEW} of a planar view taken from the front, as seen from the front. */
  public static final String ANTERIOR = "anterior";
  /** {@link #VIEW} of a planar view taken from behind (mirrored at ingest to the anterior orientation). */
  public static final String POSTERIOR = "posterior";
  /** Width (nx) and height (ny) of the slice, voxels. */
  public static final String WIDTH = "width";
  public static final String HEIGHT = "height";
  /** Number of image channels C. */
  public static final String CHANNEL_COUNT = "channel_count";
  /** float32 LE tensor [C, H, W]. */
  public static final String IMAGE = "image";
  /** Number of label sources L (0 without labels). */
  public static final String LABEL_COUNT = "label_count";
  /** uint8 tensor [L, H, W], or null. */
  public static final String LABELS = "labels";
  /** Lesion voxels of the first label source in this slice (0 when unlabelled). */
  public static final String LESION_VOXELS = "lesion_voxels";
  /** Maximum of channel 0 (SUV for PET/CT) in the slice. */
  public static final String CHANNEL0_MAX = "channel0_max";
  /** Maximum of channel 0 inside the first label source (null when no lesion voxel). */
  public static final String LESION_CHANNEL0_MAX = "lesion_channel0_max";
  /** Split copied from the study (for filtering without a join). */
  public static final String SPLIT = "split";
  /** Kind of the study ({@link StudyKind#id()}: {@code pet-ct}, {@code brain-mri}, {@code spect-bone}). */
  public static final String KIND = "kind";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(KIND, StringType, false)
      .add(SPLIT, StringType, true)
      .add(SLICE_INDEX, IntegerType, false)
      .add(Z_MM, DoubleType, false)
      .add(VIEW, StringType, false)
      .add(WIDTH, IntegerType, false)
      .add(HEIGHT, IntegerType, false)
      .add(CHANNEL_COUNT, IntegerType, false)
      .add(IMAGE, BinaryType, false)
      .add(LABEL_COUNT, IntegerType, false)
      .add(LABELS, BinaryType, true)
      .add(LESION_VOXELS, IntegerType, false)
      .add(CHANNEL0_MAX, FloatType, false)
      .add(LESION_CHANNEL0_MAX, FloatType, true)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final SlicesTable INSTANCE = new SlicesTable();

  private SlicesTable() {
    super(NAME, VERSION, SCHEMA, Columns.COHORT);
  }
}
