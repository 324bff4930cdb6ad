package io.petal.metrics;

import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import java.util.HashSet;
import java.util.Set;

/**
 * The connected components of a patient's truth and predicted masks and how they touch: the
 * basis of the false-positive and false-negative volumes and of lesion-wise detection.
 *
 * <p>Components use {@link Connectivity#EDGE} (18-connectivity, autoPET) unless chosen
 * otherwise: voxels sharing a face or an edge belong together, voxels sharing only a corner do
 * not. Truth components ("lesions") are labelled 1..{@link #lesionCount()} and predicted
 * components 1..{@link #predictedComponentCount()}, each in the order of its first voxel in
 * x-fastest order ({@link ConnectedComponents}), so a caller can attach attributes (site, size
 * level) to lesion labels, e.g. via {@link #lesionLabelAt}. Components are labelled on the
 * bounding box of both masks, so memory follows the lesions' extent rather than the body's.
 */
public final class LesionComponents {
  private final MaskPair masks;
  /** The bounding box of both masks: components are labelled there, not on the whole body. */
  private final VoxelBox box;
  private final ConnectedComponents truth;
  private final ConnectedComponents predicted;
  /** Per lesion label (index 0 unused): its voxels that are predicted. */
  private final long[] overlapVoxels;
  /** Per lesion label (index 0 unused): total voxels of the predicted components touching it. */
  private final long[] touchingPredictedVoxels;
  /** Per predicted label (index 0 unused): whether it touches a lesion. */
  private final boolean[] predictedTouchesTruth;

  private LesionComponents(MaskPair masks, Connectivity connectivity) {
    this.masks = masks;
    ImageGrid grid = masks.grid();
    VoxelBox around = VoxelBox.around(grid, masks.truth(), masks.predicted());
    // both masks empty: one background voxel stands for the (component-free) grid
    this.box = around != null ? around : new VoxelBox(0, 0, 0, 1, 1, 1);
    this.truth = ConnectedComponents.of(box.crop(masks.truth(), grid), box.nx(), box.ny(), box.nz(), connectivity);
    this.predicted = ConnectedComponents.of(box.crop(masks.predicted(), grid), box.nx(), box.ny(), box.nz(),
        connectivity);
    this.overlapVoxels = new long[truth.count() + 1];
    this.touchingPredictedVoxels = new long[truth.count() + 1];
    this.predictedTouchesTruth = new boolean[predicted.count() + 1];
    int[] t = truth.labels();
    int[] p = predicted.labels();
    Set<Long> touchingPairs = new HashSet<>();
    for (int v = 0; v < t.length; v++) {
      if (t[v] != 0 && p[v] != 0) {
        overlapVoxels[t[v]]++;
        predictedTouchesTruth[p[v]] = true;
        if (touchingPairs.add(((long) t[v] << 32) | p[v])) {
          touchingPredictedVoxels[t[v]] += predicted.size(p[v]);
        }
      }
    }
  }

  /** Components with 18-connectivity (autoPET). */
  public static LesionComponents of(MaskPair masks) {
    return of(masks, Connectivity.EDGE);
  }

  /** Components with the given connectivity. */
  public static LesionComponents of(MaskPair masks, Connectivity connectivity) {
    return new LesionComponents(masks, connectivity);
  }

  /** The masks these components came from. */
  public MaskPair masks() {
    return masks;
  }

  /** Number of true lesions (truth components). */
  public int lesionCount() {
    return truth.count();
  }

  /** Number of predicted components. */
  public int predictedComponentCount() {
    return predicted.count();
  }

  /** The lesion label (1..lesionCount) of voxel {@code index} of the grid (x fastest), or 0. */
  public int lesionLabelAt(int index) {
    ImageGrid grid = masks.grid();
    if (index < 0 || index >= grid.voxelCount()) {
      throw new IllegalArgumentException(masks.caseId() + ": voxel " + index + " is outside the "
          + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + " grid");
    }
    int k = index / grid.sliceSize() - box.k0();
    int j = index % grid.sliceSize() / grid.nx() - box.j0();
    int i = index % grid.nx() - box.i0();
    boolean inside = i >= 0 && j >= 0 && k >= 0 && i < box.nx() && j < box.ny() && k < box.nz();
    return inside ? truth.labels()[i + box.nx() * (j + box.ny() * k)] : 0;
  }

  /**
   * Per voxel of the grid, x fastest: its lesion label (1..lesionCount) or 0. A new array of
   * {@link ImageGrid#voxelCount()} ints on every call; prefer {@link #lesionLabelAt}.
   */
  public int[] lesionLabels() {
    ImageGrid grid = masks.grid();
    int[] out = new int[grid.voxelCount()];
    int[] inBox = truth.labels();
    for (int k = 0; k < box.nz(); k++) {
      for (int j = 0; j < box.ny(); j++) {
        System.arraycopy(inBox, box.nx() * (j + box.ny() * k), out,
            grid.index(box.i0(), box.j0() + j, box.k0() + k), box.nx());
      }
    }
    return out;
  }

  /** Voxel count of lesion {@code label}. */
  public int lesionVoxels(int label) {
    return truth.size(checkLesion(label));
  }

  /** Volume of lesion {@code label} in mL. */
  public double lesionVolumeMl(int label) {
    return truth.size(checkLesion(label)) * masks.grid().voxelVolumeMl();
  }

  /** Voxels of lesion {@code label} that are predicted (the overlap). */
  public long overlapVoxels(int label) {
    return overlapVoxels[checkLesion(label)];
  }

  /** Total voxels of the predicted components that touch lesion {@code label} (0 if none do). */
  public long touchingPredictedVoxels(int label) {
    return touchingPredictedVoxels[checkLesion(label)];
  }

  /** Whether predicted component {@code label} touches no lesion voxel. */
  public boolean isFalsePositive(int predictedLabel) {
    if (predictedLabel < 1 || predictedLabel > predicted.count()) {
      throw new IllegalArgumentException(masks.caseId() + ": no predicted component "
          + predictedLabel + " (have " + predicted.count() + ")");
    }
    return !predictedTouchesTruth[predictedLabel];
  }

  /** Number of predicted components that touch no lesion voxel. */
  public int falsePositiveComponentCount() {
    int n = 0;
    for (int c = 1; c <= predicted.count(); c++) {
      n += predictedTouchesTruth[c] ? 0 : 1;
    }
    return n;
  }

  /**
   * False-positive volume (autoPET) in mL: the total volume of predicted components that touch
   * no true-lesion voxel. 0 when there is no prediction.
   */
  public double falsePositiveVolumeMl() {
    long voxels = 0;
    for (int c = 1; c <= predicted.count(); c++) {
      voxels += predictedTouchesTruth[c] ? 0 : predicted.size(c);
    }
    return voxels * masks.grid().voxelVolumeMl();
  }

  /**
   * False-negative volume (autoPET) in mL: the total volume of true lesions that no predicted
   * voxel touches. 0 when there is no lesion.
   */
  public double falseNegativeVolumeMl() {
    long voxels = 0;
    for (int c = 1; c <= truth.count(); c++) {
      voxels += overlapVoxels[c] > 0 ? 0 : truth.size(c);
    }
    return voxels * masks.grid().voxelVolumeMl();
  }

  private int checkLesion(int label) {
    if (label < 1 || label > truth.count()) {
      throw new IllegalArgumentException(masks.caseId() + ": no lesion " + label
          + " (have " + truth.count() + ")");
    }
    return label;
  }
}
