package io.petal.synth;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.schema.StudyKind;

/**
 * Settings of the synthetic cohort: the study grid (axial slices of {@code nx}×{@code ny}
 * voxels of {@code inPlaneSpacingMm}, {@code nz} slices {@code sliceSpacingMm} apart, the top
 * slice just above the vertex), the PET scanner's resolution and the lesion count limit.
 * Per-patient anatomy and physiology vary within the ranges documented in
 * {@link Physiology} and the generator's classes, not here.
 *
 * @param nx voxels per row (left–right)
 * @param ny rows per slice (anterior–posterior)
 * @param nz axial slices (head to feet)
 * @param inPlaneSpacingMm voxel size within a slice (mm)
 * @param sliceSpacingMm distance between slices (mm)
 * @param psfFwhmMm full width at half maximum of the PET point-spread function (mm)
 * @param maxLesions an abnormal patient gets 1..maxLesions lesions
 * @param brownFatProbability the share of patients with activated brown fat
 */
public record SynthConfig(int nx, int ny, int nz, double inPlaneSpacingMm, double sliceSpacingMm,
    double psfFwhmMm, int maxLesions, double brownFatProbability) implements SyntheticCohortConfig {

  public SynthConfig {
    if (nx < 16 || ny < 16 || nz < 16) {
      throw new IllegalArgumentException("synthetic grid must be at least 16 voxels per axis, got "
          + nx + "x" + ny + "x" + nz);
    }
    if (!(inPlaneSpacingMm > 0 && sliceSpacingMm > 0 && psfFwhmMm >= 0)) {
      throw new IllegalArgumentException("spacings must be positive and the PSF FWHM >= 0 (mm), got "
          + inPlaneSpacingMm + ", " + sliceSpacingMm + ", " + psfFwhmMm);
    }
    if (maxLesions < 1 || maxLesions > 100) {
      throw new IllegalArgumentException("maxLesions must be in 1..100, got " + maxLesions);
    }
    if (!(brownFatProbability >= 0 && brownFatProbability <= 1)) {
      throw new IllegalArgumentException("brownFatProbability must be in [0, 1], got "
          + brownFatProbability);
    }
  }

  /**
   * The demo grid: 4 mm isotropic voxels, 128×128 per slice (512 mm field of view), 270 slices
   * (1080 mm: vertex to upper thighs even for the tallest patients); PSF 7 mm FWHM, up to 5
   * lesions, brown fat in a quarter of patients.
   */
  public static SynthConfig defaults() {
    return new SynthConfig(128, 128, 270, 4.0, 4.0, 7.0, 5, 0.25);
  }

  /**
   * A coarse grid for tests: 80×80 voxels of 6.4 mm, 135 slices of 8 mm (the same 512 mm by
   * 1080 mm coverage), otherwise as {@link #defaults()}.
   */
  public static SynthConfig small() {
    return new SynthConfig(80, 80, 135, 6.4, 8.0, 7.0, 5, 0.25);
  }

  /** Always {@link StudyKind#PET_CT}. */
  @Override
  public StudyKind kind() {
    return StudyKind.PET_CT;
  }

  /** The same settings with another lesion limit. */
  public SynthConfig withMaxLesions(int max) {
    return new SynthConfig(nx, ny, nz, inPlaneSpacingMm, sliceSpacingMm, psfFwhmMm, max,
        brownFatProbability);
  }

  /** The same settings with another brown-fat probability. */
  public SynthConfig withBrownFatProbability(double p) {
    return new SynthConfig(nx, ny, nz, inPlaneSpacingMm, sliceSpacingMm, psfFwhmMm, maxLesions, p);
  }

  /**
   * The study grid in patient LPS: i to the patient's left, j posterior, k superior; centred
   * left–right and front–back on 0, the top slice at z = 0 mm.
   */
  public ImageGrid grid() {
    double ox = -(nx - 1) / 2.0 * inPlaneSpacingMm;
    double oy = -(ny - 1) / 2.0 * inPlaneSpacingMm;
    double oz = -(nz - 1) * sliceSpacingMm;
    return new ImageGrid(nx, ny, nz, Affine.axisAligned(inPlaneSpacingMm, inPlaneSpacingMm,
        sliceSpacingMm, ox, oy, oz));
  }
}
