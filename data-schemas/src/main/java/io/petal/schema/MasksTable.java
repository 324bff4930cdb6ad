package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code masks}: a segmentation model's predicted lesion mask, one row per axial slice (or planar
 * view) of a study and model, on the study's reference grid (the grid of {@code slices}), written
 * by {@code petal segment predict} and read by {@code petal lesions} and {@code petal evaluate}.
 *
 * <p>Tensors (see {@link TensorCodec}), x (width) fastest:
 * <ul>
 *   <li>{@link #PROBABILITY}: float32 little-endian, shape [{@link #HEIGHT}, {@link #WIDTH}], the
 *       model's probability in [0, 1] of its first output region (the lesion; brain MRI: the
 *       whole tumour).</li>
 *   <li>{@link #LABEL}: uint8, shape [{@link #HEIGHT}, {@link #WIDTH}], the thresholded mask:
 *       0 background, non-zero lesion; a multi-region model writes the label map rebuilt from
 *       its regions (brain MRI: the BraTS values 2, 1, 4 of {@link BratsLabels}).</li>
 * </ul>
 * A study's prediction by one model is complete: every slice index 0..nz-1 of the study has one row.
 * Partitioned by cohort and model, so a job that re-predicts with one model replaces only that
 * model's partitions (Spark's dynamic partition overwrite).
 */
public final class MasksTable extends TableDefinition {
  public static final String NAME = "masks";
  public static final int VERSION = 1;

  /** Name of the model that predicted the mask (e.g. {@code unet-2024-05}); part of the mask source. */
  public static final String MODEL = "model";
  /** Slice index k along the study grid's third axis (0-based), as in {@code slices}. */
  public static final String SLICE_INDEX = SlicesTable.SLICE_INDEX;
  /** Width (nx) and height (ny) of the slice, voxels. */
  public static final String WIDTH = SlicesTable.WIDTH;
  public static final String HEIGHT = SlicesTable.HEIGHT;
  /** float32 LE tensor [H, W]: lesion probability. */
  public static final String PROBABILITY = "probability";
  /** uint8 tensor [H, W]: 0 background, non-zero lesion. */
  public static final String LABEL = "label";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(MODEL, StringType, false)
      .add(SLICE_INDEX, IntegerType, false)
      .add(WIDTH, IntegerType, false)
      .add(HEIGHT, IntegerType, false)
      .add(PROBABILITY, BinaryType, false)
      .add(LABEL, BinaryType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final MasksTable INSTANCE = new MasksTable();

  private MasksTable() {
    super(NAME, VERSION, SCHEMA, Columns.COHORT, MODEL);
  }
}
