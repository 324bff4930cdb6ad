package io.petal.metrics;

import java.io.Serializable;

/**
 * When a true lesion counts as detected, from its overlap with the prediction. The default,
 * {@link #anyOverlap()}, is autoPET's: at least one predicted voxel inside the lesion.
 */
public sealed interface DetectionCriterion extends Serializable {

  /** Whether lesion {@code label} of {@code components} is detected. */
  boolean detects(LesionComponents components, int label);

  /** Detected when at least one predicted voxel lies in the lesion (autoPET). */
  static DetectionCriterion anyOverlap() {
    return new MinOverlap(1);
  }

  /** Detected when at least {@code voxels} (≥ 1) predicted voxels lie in the lesion. */
  static DetectionCriterion minOverlapVoxels(int voxels) {
    return new MinOverlap(voxels);
  }

  /**
   * Detected when the intersection over union of the lesion and the predicted components that
   * touch it exceeds {@code threshold} (in [0, 1)): {@code |L ∩ P| / |L ∪ C|}, C the union of
   * those components.
   */
  static DetectionCriterion iouAbove(double threshold) {
    return new IouAbove(threshold);
  }

  /** At least {@code voxels} predicted voxels in the lesion. */
  record MinOverlap(int voxels) implements DetectionCriterion {
    public MinOverlap {
      if (voxels < 1) {
        throw new IllegalArgumentException("minimum overlap must be >= 1 voxel, got " + voxels);
      }
    }

    @Override
    public boolean detects(LesionComponents components, int label) {
      return components.overlapVoxels(label) >= voxels;
    }
  }

  /** Intersection over union with the touching predicted components above {@code threshold}. */
  record IouAbove(double threshold) implements DetectionCriterion {
    public IouAbove {
      if (!(threshold >= 0 && threshold < 1)) {
        throw new IllegalArgumentException("IoU threshold must be in [0, 1), got " + threshold);
      }
    }

    @Override
    public boolean detects(LesionComponents components, int label) {
      long overlap = components.overlapVoxels(label);
      long union = components.lesionVoxels(label) + components.touchingPredictedVoxels(label) - overlap;
      return overlap > 0 && (double) overlap / union > threshold;
    }
  }
}
