package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code lesions}: one row per lesion, a 3D connected component (18-connectivity: voxels sharing a
 * face or an edge) of the non-zero voxels of one mask of a study, written by {@code petal lesions}.
 *
 * <p>{@link Columns#MASK_SOURCE} says which mask: {@code truth:<label source>} for an annotation
 * ingested into {@code slices.labels}, {@code predicted:<model>} for a model's mask in
 * {@code masks}. Statistics use the study's PET channel (SUV, body weight) and CT channel (HU, on
 * the PET grid):
 * <ul>
 *   <li>{@link #SUV_MAX}, {@link #SUV_MEAN}: maximum and mean SUV over the lesion's voxels.</li>
 *   <li>{@link #SUV_PEAK}: the highest mean SUV of a 1 mL sphere (radius 6.2035 mm) centred on a
 *       voxel of the lesion; the sphere's mean is over the voxels of the image whose centres lie
 *       within the radius (distances in patient mm through the grid's affine), whether or not they
 *       belong to the lesion (PERCIST-style); no partial-voxel weighting.</li>
 *   <li>{@link #VOLUME_ML}: voxels × voxel volume (mL); {@link #MTV_ML}, the metabolic tumour
 *       volume, is the same number: no SUV threshold is applied inside the mask.</li>
 *   <li>{@link #TLG}: total lesion glycolysis = SUVmean × MTV (SUV·mL).</li>
 *   <li>Centroid: the mean of the voxel centres in patient LPS+ mm. Bounding box: inclusive voxel
 *       indices (i, j, k) on the study's grid ({@code studies.affine} maps them to mm); extents
 *       are the box's size along each index axis in mm (voxel count × spacing).</li>
 * </ul>
 */
public final class LesionsTable extends TableDefinition {
  public static final String NAME = "lesions";
  public static final int VERSION = 1;

  /** Lesion number within (study, mask source): 1.. in the order of each lesion's first voxel, x fastest. */
  public static final String LESION_ID = "lesion_id";
  /** Number of voxels. */
  public static final String VOXELS = "voxels";
  /** Volume, mL. */
  public static final String VOLUME_ML = "volume_ml";
  /** Metabolic tumour volume, mL (= {@link #VOLUME_ML}). */
  public static final String MTV_ML = "mtv_ml";
  /** Maximum SUV. */
  public static final String SUV_MAX = "suv_max";
  /** Mean SUV. */
  public static final String SUV_MEAN = "suv_mean";
  /** SUVpeak (1 mL sphere, see the class comment). */
  public static final String SUV_PEAK = "suv_peak";
  /** Total lesion glycolysis, SUV·mL. */
  public static final String TLG = "tlg";
  /** Mean CT value over the lesion, HU (null when the study has no CT channel). */
  public static final String CT_MEAN_HU = "ct_mean_hu";
  /** Centroid, patient LPS+ mm. */
  public static final String CENTROID_X_MM = "centroid_x_mm";
  public static final String CENTROID_Y_MM = "centroid_y_mm";
  public static final String CENTROID_Z_MM = "centroid_z_mm";
  /** Bounding box, inclusive voxel indices along the grid's axes i, j, k. */
  public static final String BBOX_I_MIN = "bbox_i_min";
  public static final String BBOX_I_MAX = "bbox_i_max";
  public static final String BBOX_J_MIN = "bbox_j_min";
  public static final String BBOX_J_MAX = "bbox_j_max";
  public static final String BBOX_K_MIN = "bbox_k_min";
  public static final String BBOX_K_MAX = "bbox_k_max";
  /** Size of the bounding box along index axes i, j, k, mm. */
  public static final String EXTENT_I_MM = "extent_i_mm";
  public static final String EXTENT_J_MM = "extent_j_mm";
  public static final String EXTENT_K_MM = "extent_k_mm";
  /** Anatomical site (e.g. {@code thorax}, or a manifest's site text), null when not determinable. */
  public static final String SITE = "site";
  /** How the site was found: {@code metadata:<column>} or {@code body-region:lungs}; null with the site. */
  public static final String SITE_METHOD = "site_method";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(Columns.PATIENT_KEY, StringType, false)
      .add(Columns.STUDY_KEY, StringType, false)
      .add(Columns.MASK_SOURCE, StringType, false)
      .add(LESION_ID, IntegerType, false)
      .add(VOXELS, IntegerType, false)
      .add(VOLUME_ML, DoubleType, false)
      .add(MTV_ML, DoubleType, false)
      .add(SUV_MAX, DoubleType, false)
      .add(SUV_MEAN, DoubleType, false)
      .add(SUV_PEAK, DoubleType, false)
      .add(TLG, DoubleType, false)
      .add(CT_MEAN_HU, DoubleType, true)
      .add(CENTROID_X_MM, DoubleType, false)
      .add(CENTROID_Y_MM, DoubleType, false)
      .add(CENTROID_Z_MM, DoubleType, false)
      .add(BBOX_I_MIN, IntegerType, false)
      .add(BBOX_I_MAX, IntegerType, false)
      .add(BBOX_J_MIN, IntegerType, false)
      .add(BBOX_J_MAX, IntegerType, false)
      .add(BBOX_K_MIN, IntegerType, false)
      .add(BBOX_K_MAX, IntegerType, false)
      .add(EXTENT_I_MM, DoubleType, false)
      .add(EXTENT_J_MM, DoubleType, false)
      .add(EXTENT_K_MM, DoubleType, false)
      .add(SITE, StringType, true)
      .add(SITE_METHOD, StringType, true)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final LesionsTable INSTANCE = new LesionsTable();

  private LesionsTable() {
    super(NAME, VERSION, SCHEMA, Columns.COHORT);
  }
}
