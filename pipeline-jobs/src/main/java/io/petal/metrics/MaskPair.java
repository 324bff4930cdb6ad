package io.petal.metrics;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.Objects;

/**
 * One patient's reference ("truth") and predicted lesion masks on the same grid: flat arrays of
 * {@link ImageGrid#voxelCount()} values, x fastest ({@link ImageGrid#index}); true = lesion.
 * The grid gives the voxel spacing (mm) and voxel volume (mL) that the metrics use.
 * The arrays are shared, not copied.
 *
 * @param caseId the patient or study the masks belong to, named in error messages
 */
public record MaskPair(String caseId, ImageGrid grid, boolean[] truth, boolean[] predicted) {

  public MaskPair {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(grid, "grid of " + caseId);
    requireLength(caseId, "truth", Objects.requireNonNull(truth, "truth of " + caseId).length, grid);
    requireLength(caseId, "prediction",
        Objects.requireNonNull(predicted, "prediction of " + caseId).length, grid);
  }

  /** From label volumes: every non-zero voxel is lesion. The grids must agree within 1e-3 mm. */
  public static MaskPair of(String caseId, Volume truth, Volume predicted) {
    if (!truth.grid().sameGeometry(predicted.grid(), 1e-3)) {
      throw new IllegalArgumentException(caseId + ": prediction grid " + predicted.grid()
          + " differs from the truth grid " + truth.grid());
    }
    return new MaskPair(caseId, truth.grid(), nonZero(truth.data()), nonZero(predicted.data()));
  }

  /** From uint8 masks (e.g. label tensors): every non-zero voxel is lesion. */
  public static MaskPair of(String caseId, ImageGrid grid, byte[] truth, byte[] predicted) {
    requireLength(caseId, "truth", truth.length, grid);
    requireLength(caseId, "prediction", predicted.length, grid);
    boolean[] t = new boolean[truth.length];
    boolean[] p = new boolean[predicted.length];
    for (int v = 0; v < t.length; v++) {
      t[v] = truth[v] != 0;
      p[v] = predicted[v] != 0;
    }
    return new MaskPair(caseId, grid, t, p);
  }

  /** Number of lesion voxels in the truth. */
  public long truthVoxels() {
    return count(truth);
  }

  /** Number of lesion voxels in the prediction. */
  public long predictedVoxels() {
    return count(predicted);
  }

  private static boolean[] nonZero(float[] data) {
    boolean[] mask = new boolean[data.length];
    for (int v = 0; v < data.length; v++) {
      mask[v] = data[v] != 0f;
    }
    return mask;
  }

  private static long count(boolean[] mask) {
    long n = 0;
    for (boolean b : mask) {
      n += b ? 1 : 0;
    }
    return n;
  }

  private static void requireLength(String caseId, String what, int length, ImageGrid grid) {
    if (length != grid.voxelCount()) {
      throw new IllegalArgumentException(caseId + ": " + what + " mask has " + length
          + " voxels, grid " + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + " needs "
          + grid.voxelCount());
    }
  }
}
