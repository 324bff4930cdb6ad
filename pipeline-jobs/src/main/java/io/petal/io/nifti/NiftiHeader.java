package io.petal.io.nifti;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The facts of a NIfTI-1 header that Petal uses, as stored in the file (lengths in the file's
 * spatial unit, see {@link #spatialUnit()}; world coordinates in NIfTI's RAS+).
 *
 * <p>Arrays are copied in and out. {@link NiftiHeaderCodec} reads and writes the binary layout and
 * validates what it reads; {@link NiftiGeometry} turns the orientation fields into an affine.
 *
 * @param byteOrder order of the header and the voxel data
 * @param dim {@code dim[0..7]}: dim[0] the number of dimensions, dim[1..3] the voxel counts along
 *     i, j, k, dim[4] the number of volumes (time points)
 * @param dataType voxel type
 * @param pixdim {@code pixdim[0..7]}: pixdim[0] the qform's qfac (−1 or 1), pixdim[1..3] voxel
 *     spacing along i, j, k (spatial unit), pixdim[4] time step (time unit)
 * @param voxOffset byte offset of the voxel data from the start of the file (≥ 352)
 * @param sclSlope {@code scl_slope} as stored (0 means no scaling, see {@link #scaling()})
 * @param sclInter {@code scl_inter} as stored
 * @param xyztUnits {@code xyzt_units}: spatial unit in bits 0..2, time unit in bits 3..5
 * @param intentCode {@code intent_code} (0 none, 1002 label, 2001 and up statistics, ...)
 * @param intentName {@code intent_name} (≤ 16 ASCII bytes)
 * @param descrip {@code descrip} free text (≤ 80 ASCII bytes)
 * @param qformCode {@code qform_code} (0 unknown, 1 scanner anat, 2 aligned, 3 Talairach, 4 MNI)
 * @param quatern {@code quatern_b, quatern_c, quatern_d, qoffset_x, qoffset_y, qoffset_z}
 * @param sformCode {@code sform_code}, same codes as qform_code
 * @param srow {@code srow_x[0..3], srow_y[0..3], srow_z[0..3]}: the sform's 3×4 rows
 */
public record NiftiHeader(
    ByteOrder byteOrder,
    int[] dim,
    NiftiDataType dataType,
    float[] pixdim,
    long voxOffset,
    float sclSlope,
    float sclInter,
    int xyztUnits,
    int intentCode,
    String intentName,
    String descrip,
    int qformCode,
    float[] quatern,
    int sformCode,
    float[] srow) {

  /** The smallest {@code vox_offset} of a single-file NIfTI-1: 348 header + 4 extension bytes. */
  public static final int MIN_VOX_OFFSET = 352;

  public NiftiHeader {
    Objects.requireNonNull(byteOrder, "byteOrder");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(intentName, "intentName");
    Objects.requireNonNull(descrip, "descrip");
    dim = copy(dim, 8, "dim");
    pixdim = copy(pixdim, 8, "pixdim");
    quatern = copy(quatern, 6, "quatern");
    srow = copy(srow, 12, "srow");
  }

  private static int[] copy(int[] a, int n, String name) {
    if (a == null || a.length != n) {
      throw new IllegalArgumentException(name + " needs " + n + " entries");
    }
    return a.clone();
  }

  private static float[] copy(float[] a, int n, String name) {
    if (a == null || a.length != n) {
      throw new IllegalArgumentException(name + " needs " + n + " entries");
    }
    return a.clone();
  }

  @Override
  public int[] dim() {
    return dim.clone();
  }

  @Override
  public float[] pixdim() {
    return pixdim.clone();
  }

  @Override
  public float[] quatern() {
    return quatern.clone();
  }

  @Override
  public float[] srow() {
    return srow.clone();
  }

  /** Number of dimensions, {@code dim[0]}. */
  public int rank() {
    return dim[0];
  }

  /** Voxel count along index axis {@code axis} (0 = i, 1 = j, 2 = k); 1 beyond the rank. */
  public int size(int axis) {
    return axis < dim[0] ? dim[axis + 1] : 1;
  }

  /** Number of 3D volumes (dim[4]; 1 for a 2D or 3D image). */
  public int volumeCount() {
    return dim[0] >= 4 ? dim[4] : 1;
  }

  /** Voxels in one 3D volume, {@code dim[1]·dim[2]·dim[3]}. */
  public long voxelsPerVolume() {
    return (long) size(0) * size(1) * size(2);
  }

  /** Bytes of one 3D volume's voxel data. */
  public long bytesPerVolume() {
    return voxelsPerVolume() * dataType.bytesPerVoxel();
  }

  /**
   * Voxel spacing along index axis 0, 1, 2 ({@code pixdim[axis+1]}) in the file's spatial unit. An
   * axis beyond the rank (the k axis of a 2D image) whose pixdim is not a positive number counts
   * as 1.
   */
  public double spacing(int axis) {
    double s = pixdim[axis + 1];
    boolean valid = Double.isFinite(s) && s > 0;
    return (axis >= dim[0] && !valid) ? 1.0 : s;
  }

  /** The qform's handedness factor: −1 when {@code pixdim[0]} is −1, else 1 (per the standard). */
  public double qfac() {
    return pixdim[0] == -1f ? -1 : 1;
  }

  /** Spatial unit of {@link #spacing}, the qform offsets and the sform. */
  public NiftiSpatialUnit spatialUnit() {
    return NiftiSpatialUnit.fromXyztUnits(xyztUnits);
  }

  /** Voxel value scaling from {@code scl_slope} and {@code scl_inter}. */
  public NiftiScaling scaling() {
    return NiftiScaling.fromHeader(sclSlope, sclInter);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NiftiHeader h
        && byteOrder.equals(h.byteOrder) && Arrays.equals(dim, h.dim) && dataType == h.dataType
        && Arrays.equals(pixdim, h.pixdim) && voxOffset == h.voxOffset
        && Float.compare(sclSlope, h.sclSlope) == 0 && Float.compare(sclInter, h.sclInter) == 0
        && xyztUnits == h.xyztUnits && intentCode == h.intentCode
        && intentName.equals(h.intentName) && descrip.equals(h.descrip)
        && qformCode == h.qformCode && Arrays.equals(quatern, h.quatern)
        && sformCode == h.sformCode && Arrays.equals(srow, h.srow);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(dim), dataType, Arrays.hashCode(pixdim), voxOffset,
        qformCode, sformCode, Arrays.hashCode(srow));
  }

  @Override
  public String toString() {
    return "NiftiHeader[" + byteOrder + ", dim=" + Arrays.toString(dim) + ", " + dataType
        + ", pixdim=" + Arrays.toString(pixdim) + ", voxOffset=" + voxOffset
        + ", scl=" + sclSlope + "/" + sclInter + ", units=" + spatialUnit()
        + ", intent=" + intentCode + (intentName.isEmpty() ? "" : " " + intentName)
        + ", qform_code=" + qformCode + ", quatern=" + Arrays.toString(quatern)
        + ", sform_code=" + sformCode + ", srow=" + Arrays.toString(srow)
        + (descrip.isEmpty() ? "" : ", descrip='" + descrip + "'") + "]";
  }
}
