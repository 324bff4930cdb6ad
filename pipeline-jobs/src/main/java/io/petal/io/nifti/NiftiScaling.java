package io.petal.io.nifti;

/**
 * The linear voxel scaling of a NIfTI-1 file: stored value {@code raw} means {@code raw · slope +
 * inter} (in the image's own unit, e.g. HU or SUV).
 *
 * @param slope multiplier, finite and non-zero
 * @param inter offset, finite
 */
public record NiftiScaling(double slope, double inter) {
  /** No scaling. */
  public static final NiftiScaling IDENTITY = new NiftiScaling(1, 0);

  public NiftiScaling {
    if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(inter)) {
      throw new IllegalArgumentException("scaling needs a finite non-zero slope and a finite"
          + " intercept, got " + slope + " and " + inter);
    }
  }

  /**
   * The scaling a header's {@code scl_slope} and {@code scl_inter} stand for. Per the standard a
   * slope of 0 means "no scaling"; a non-finite slope is treated the same (as nibabel does), and a
   * non-finite intercept as 0.
   */
  public static NiftiScaling fromHeader(float sclSlope, float sclInter) {
    if (sclSlope == 0 || !Float.isFinite(sclSlope)) {
      return IDENTITY;
    }
    return new NiftiScaling(sclSlope, Float.isFinite(sclInter) ? sclInter : 0);
  }

  /** True when values are stored as they are. */
  public boolean isIdentity() {
    return slope == 1 && inter == 0;
  }
}
