package io.petal.ingest.dicom;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.ingest.StudyRejectedException;
import java.util.Locale;

/**
 * Places planar contours (patient LPS+ mm) on the slices of a grid: every point is mapped into the
 * grid's continuous voxel index space with the inverse affine, the contour must lie in a plane
 * parallel to the grid's slices, and it is assigned to the slice nearest to that plane.
 *
 * <p>Parallel means that the slice coordinate k of its points spans at most
 * {@value #PARALLEL_TOLERANCE_SLICES} of the slice spacing; a contour drawn on an oblique plane is
 * rejected, because drawing it on one slice would misplace most of it. The contour's plane is at
 * the mean k of its points; the nearest slice is that value rounded (a plane exactly halfway
 * between two slices goes to the higher k). A plane more than half a slice before the first slice,
 * or half a slice or more beyond the last, is outside the grid: {@link #place} returns null.
 */
final class ContourSlicer {
  /** Largest spread of a contour's slice coordinate, in slices, for it to count as parallel. */
  static final double PARALLEL_TOLERANCE_SLICES = 0.1;

  private final Affine toIndex;
  private final int slices;
  private final double planeSpacingMm;

  /** A slicer for {@code grid}. */
  ContourSlicer(ImageGrid grid) {
    this.toIndex = grid.affine().inverse();
    this.slices = grid.nz();
    this.planeSpacingMm = planeSpacingMm(toIndex);
  }

  /**
   * The polygon of {@code pointsMm} (x, y, z triplets, LPS+ mm) on its nearest slice, or null when
   * its plane lies outside the grid's slices.
   *
   * @param what names the contour (file, ROI, contour number) in the rejection message
   * @throws StudyRejectedException when the contour is not parallel to the grid's slices
   */
  SlicePolygon place(double[] pointsMm, String what) throws StudyRejectedException {
    int n = pointsMm.length / 3;
    double[] x = new double[n];
    double[] y = new double[n];
    double kMin = Double.POSITIVE_INFINITY;
    double kMax = Double.NEGATIVE_INFINITY;
    double kSum = 0;
    for (int p = 0; p < n; p++) {
      double[] ijk = toIndex.apply(pointsMm[3 * p], pointsMm[3 * p + 1], pointsMm[3 * p + 2]);
      x[p] = ijk[0];
      y[p] = ijk[1];
      kMin = Math.min(kMin, ijk[2]);
      kMax = Math.max(kMax, ijk[2]);
      kSum += ijk[2];
    }
    if (kMax - kMin > PARALLEL_TOLERANCE_SLICES) {
      throw new StudyRejectedException(String.format(Locale.ROOT,
          "%s is not parallel to the image slices: its points span %.3g slices (%.3g mm) across"
              + " the slice direction; oblique contours cannot be drawn on this grid", what,
          kMax - kMin, (kMax - kMin) * planeSpacingMm));
    }
    double plane = kSum / n;
    if (plane < -0.5 || plane >= slices - 0.5) {
      return null;
    }
    return new SlicePolygon((int) Math.round(plane), x, y);
  }

  /** Distance between slice planes in mm: 1 / the norm of the inverse affine's k row. */
  private static double planeSpacingMm(Affine toIndex) {
    double a = toIndex.get(2, 0);
    double b = toIndex.get(2, 1);
    double c = toIndex.get(2, 2);
    return 1 / Math.sqrt(a * a + b * b + c * c);
  }
}
