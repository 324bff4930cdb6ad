package io.petal.synth.brain;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.schema.StudyKind;
import io.petal.synth.SyntheticCohortConfig;

/**
 * Settings of the synthetic brain MRI cohort: an isotropic grid of {@code nx}×{@code ny}×{@code nz}
 * voxels of {@code spacingMm}, centred on the head (patient LPS, x-fastest).
 *
 * @param nx voxels left–right
 * @param ny voxels anterior–posterior
 * @param nz axial slices (foot to head)
 * @param spacingMm voxel size along every axis (mm)
 */
public record BrainMriConfig(int nx, int ny, int nz, double spacingMm) implements SyntheticCohortConfig {
  /** Field of view of the presets (mm, x, y, z): the head from vertex to skull base. */
  static final double[] FIELD_OF_VIEW_MM = {192, 192, 128};

  public BrainMriConfig {
    if (nx < 16 || ny < 16 || nz < 16) {
      throw new IllegalArgumentException("brain MRI grid must be at least 16 voxels per axis, got "
          + nx + "x" + ny + "x" + nz);
    }
    if (!(spacingMm >= 0.5 && spacingMm <= 8)) {
      throw new IllegalArgumentException("brain MRI voxel spacing must be in 0.5..8 mm, got " + spacingMm);
    }
  }

  /** The grid covering the 192×192×128 mm field of view with voxels of {@code spacingMm}. */
  public static BrainMriConfig forSpacing(double spacingMm) {
    if (!(spacingMm > 0)) {
      throw new IllegalArgumentException("voxel spacing must be positive, got " + spacingMm + " mm");
    }
    return new BrainMriConfig((int) Math.round(FIELD_OF_VIEW_MM[0] / spacingMm),
        (int) Math.round(FIELD_OF_VIEW_MM[1] / spacingMm), (int) Math.round(FIELD_OF_VIEW_MM[2] / spacingMm),
        spacingMm);
  }

  /** The default grid: 96×96×64 voxels of 2 mm. */
  public static BrainMriConfig defaults() {
    return forSpacing(2.0);
  }

  /** A coarse grid for quick runs and tests: 48×48×32 voxels of 4 mm. */
  public static BrainMriConfig small() {
    return forSpacing(4.0);
  }

  /** Always {@link StudyKind#BRAIN_MRI}. */
  @Override
  public StudyKind kind() {
    return StudyKind.BRAIN_MRI;
  }

  /** The grid in patient LPS, axis-aligned, centred on (0, 0, 0) mm. */
  public ImageGrid grid() {
    return new ImageGrid(nx, ny, nz, Affine.axisAligned(spacingMm, spacingMm, spacingMm,
        -(nx - 1) / 2.0 * spacingMm, -(ny - 1) / 2.0 * spacingMm, -(nz - 1) / 2.0 * spacingMm));
  }
}
