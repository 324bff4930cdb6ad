package io.petal.models.seg;

/**
 * Shape and spacing of a 2.5D stack of square axial slices, [slices, size, size] with x fastest.
 *
 * @param slices number of slices, odd; the centre slice is {@code slices / 2}
 * @param size slice height and width, pixels
 * @param pixelSpacingXMm distance between pixel centres along x (columns), mm
 * @param pixelSpacingYMm distance between pixel centres along y (rows), mm
 * @param sliceSpacingMm distance between neighbouring slice centres, mm
 */
public record SliceStackGeometry(int slices, int size, double pixelSpacingXMm, double pixelSpacingYMm, double sliceSpacingMm) {
  public SliceStackGeometry {
    if (slices < 1 || slices % 2 == 0 || size < 1) {
      throw new IllegalArgumentException("slice stack needs an odd number of slices and a positive size, got " + slices
          + " slices of " + size + " px");
    }
    if (!(pixelSpacingXMm > 0) || !(pixelSpacingYMm > 0) || !(sliceSpacingMm > 0)
        || !Double.isFinite(pixelSpacingXMm + pixelSpacingYMm + sliceSpacingMm)) {
      throw new IllegalArgumentException("slice stack spacings must be positive and finite, got x " + pixelSpacingXMm
          + " mm, y " + pixelSpacingYMm + " mm, slices " + sliceSpacingMm + " mm");
    }
  }

  /** Index of the centre slice. */
  public int centre() {
    return slices / 2;
  }

  /** Pixels per slice, size². */
  public int plane() {
    return size * size;
  }

  /** Values of a whole stack, slices × size². */
  public int voxels() {
    return slices * plane();
  }
}
