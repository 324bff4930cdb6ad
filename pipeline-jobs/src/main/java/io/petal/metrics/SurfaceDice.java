package io.petal.metrics;

import io.petal.image.DistanceMap;
import io.petal.image.ImageGrid;

/**
 * Normalised surface Dice at a tolerance τ (Nikolov et al., 2021), voxel version: the fraction of
 * both masks' surface voxels that lie within τ mm of the other mask's surface,
 * {@code (|{p ∈ S_P : d(p, S_T) ≤ τ}| + |{t ∈ S_T : d(t, S_P) ≤ τ}|) / (|S_P| + |S_T|)}.
 *
 * <ul>
 *   <li>Surface voxels: foreground voxels with at least one background 6-neighbour; outside the
 *       grid counts as background, so a mask touching the grid border has a surface there.
 *   <li>Distances: Euclidean between voxel centres in mm with the grid's (anisotropic) spacing,
 *       exact ({@link DistanceMap}, computed on the masks' bounding box only). A distance within
 *       a relative 1e-6 of τ counts as within (float rounding of the transform).
 *   <li>Each surface voxel has weight 1 (no surfel areas, unlike the original mesh version).
 *   <li>Empty masks follow the {@link EmptyMaskPolicy}; one empty mask gives 0.
 * </ul>
 */
public final class SurfaceDice {
  private SurfaceDice() {}

  /** The autoPET-style default tolerance, 2 mm. */
  public static final double DEFAULT_TOLERANCE_MM = 2.0;

  private static final double RELATIVE_SLACK = 1e-6;

  /** Surface Dice at {@link #DEFAULT_TOLERANCE_MM} under {@link EmptyMaskPolicy#DEFAULT}. */
  public static double of(MaskPair masks) {
    return of(masks, DEFAULT_TOLERANCE_MM, EmptyMaskPolicy.DEFAULT);
  }

  /** Surface Dice at tolerance {@code toleranceMm} (≥ 0), NaN where {@code policy} leaves it undefined. */
  public static double of(MaskPair masks, double toleranceMm, EmptyMaskPolicy policy) {
    if (!(toleranceMm >= 0) || Double.isInfinite(toleranceMm)) {
      throw new IllegalArgumentException(masks.caseId() + ": surface tolerance must be a finite "
          + "number of mm >= 0, got " + toleranceMm);
    }
    Double fixed = policy.fixedValue(masks.truthVoxels(), masks.predictedVoxels());
    if (fixed != null) {
      return fixed;
    }
    ImageGrid whole = masks.grid();
    VoxelBox box = VoxelBox.around(whole, masks.truth(), masks.predicted());
    ImageGrid grid = box.grid(whole);
    boolean[] truthSurface = surface(box.crop(masks.truth(), whole), grid);
    boolean[] predictedSurface = surface(box.crop(masks.predicted(), whole), grid);
    float[] toTruth = DistanceMap.distanceMm(truthSurface, grid);
    float[] toPrediction = DistanceMap.distanceMm(predictedSurface, grid);
    double limit = toleranceMm * (1 + RELATIVE_SLACK);
    long surfaceVoxels = 0;
    long within = 0;
    for (int v = 0; v < truthSurface.length; v++) {
      if (truthSurface[v]) {
        surfaceVoxels++;
        within += toPrediction[v] <= limit ? 1 : 0;
      }
      if (predictedSurface[v]) {
        surfaceVoxels++;
        within += toTruth[v] <= limit ? 1 : 0;
      }
    }
    return (double) within / surfaceVoxels;
  }

  /** Foreground voxels with a background (or out-of-grid) 6-neighbour. */
  static boolean[] surface(boolean[] mask, ImageGrid grid) {
    int nx = grid.nx();
    int ny = grid.ny();
    int nz = grid.nz();
    boolean[] out = new boolean[mask.length];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          int v = grid.index(i, j, k);
          out[v] = mask[v] && (i == 0 || !mask[v - 1] || i == nx - 1 || !mask[v + 1]
              || j == 0 || !mask[v - nx] || j == ny - 1 || !mask[v + nx]
              || k == 0 || !mask[v - nx * ny] || k == nz - 1 || !mask[v + nx * ny]);
        }
      }
    }
    return out;
  }
}
