package io.petal.ingest.dicom;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.ingest.StudyRejectedException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The SEG's own voxel grid: its frames stacked along the slice normal (row direction × column
 * direction) on a regular slice spacing, from the lowest frame plane upwards. Frames of
 * different segments on the same plane share a slice; planes without any frame (a SEG omits empty
 * frames) are slices without segment voxels.
 *
 * <p>The slice spacing is SpacingBetweenSlices when given; else SliceThickness when every distance
 * between distinct frame planes is a whole multiple of it (contiguous slices, a SEG that omits
 * its empty planes, a single plane); else the smallest distance between two distinct frame planes
 * (overlapping slices). Every frame must lie on a slice plane (within
 * {@value #PLANE_TOLERANCE_SLICES} of the spacing) and be offset from the others only along the
 * normal (within {@value #IN_PLANE_TOLERANCE_PIXELS} of a pixel).
 *
 * @param grid the stack's grid: columns × rows × slices, LPS+ mm
 * @param sliceOfFrame slice index k of each frame, by frame index
 */
record SegStack(ImageGrid grid, int[] sliceOfFrame) {
  static final double PLANE_TOLERANCE_SLICES = 0.1;
  static final double IN_PLANE_TOLERANCE_PIXELS = 0.1;
  /** Planes closer than this (mm) are the same plane. */
  private static final double SAME_PLANE_MM = 1e-3;

  /** The stack of {@code frames}, each {@code columns} × {@code rows} pixels. */
  static SegStack of(SegFrames frames, int columns, int rows, String source)
      throws StudyRejectedException {
    if (frames.frames().isEmpty()) {
      throw new StudyRejectedException(source + ": has no frames");
    }
    double[] normal = cross(frames.rowCos(), frames.colCos());
    double[] depth = new double[frames.frames().size()];
    for (SegFrame f : frames.frames()) {
      depth[f.index()] = dot(f.positionMm(), normal);
    }
    double first = Arrays.stream(depth).min().orElseThrow();
    double spacing = sliceSpacing(frames, depth, source);
    int[] slice = new int[depth.length];
    int slices = 0;
    SegFrame lowest = null;
    for (SegFrame f : frames.frames()) {
      double k = (depth[f.index()] - first) / spacing;
      slice[f.index()] = (int) Math.round(k);
      if (Math.abs(k - slice[f.index()]) > PLANE_TOLERANCE_SLICES) {
        throw new StudyRejectedException(String.format(Locale.ROOT,
            "%s: frame %d lies %.3f mm above the lowest frame plane, between the slice planes"
                + " %.4g mm apart", source, f.index() + 1, depth[f.index()] - first, spacing));
      }
      slices = Math.max(slices, slice[f.index()] + 1);
      if (slice[f.index()] == 0 && lowest == null) {
        lowest = f;
      }
    }
    double[] origin = lowest.positionMm();
    requireStackedAlongNormal(frames, normal, depth, origin, depth[lowest.index()], source);
    Affine affine = Affine.fromDicom(frames.rowCos(), frames.colCos(), normal,
        frames.rowSpacingMm(), frames.colSpacingMm(), spacing, origin);
    return new SegStack(new ImageGrid(columns, rows, slices, affine), slice);
  }

  private static double sliceSpacing(SegFrames frames, double[] depth, String source)
      throws StudyRejectedException {
    if (frames.spacingBetweenSlicesMm() > 0) {
      return frames.spacingBetweenSlicesMm();
    }
    double[] sorted = depth.clone();
    Arrays.sort(sorted);
    double thickness = frames.sliceThicknessMm();
    double smallest = Double.POSITIVE_INFINITY;
    boolean multiplesOfThickness = thickness > 0;
    for (int i = 1; i < sorted.length; i++) {
      double gap = sorted[i] - sorted[i - 1];
      if (gap > SAME_PLANE_MM) {
        smallest = Math.min(smallest, gap);
        double slices = gap / thickness;
        multiplesOfThickness &= Math.abs(slices - Math.rint(slices)) <= PLANE_TOLERANCE_SLICES;
      }
    }
    if (multiplesOfThickness) {
      return thickness; // also for a single plane, and for frames on every n-th plane
    }
    if (Double.isFinite(smallest)) {
      return smallest;
    }
    throw new StudyRejectedException(source + ": all frames lie on one plane and neither"
        + " SpacingBetweenSlices nor SliceThickness is given; the slice spacing is unknown");
  }

  private static void requireStackedAlongNormal(SegFrames frames, double[] normal,
      double[] depth, double[] origin, double originDepth, String source)
      throws StudyRejectedException {
    double tolerance = IN_PLANE_TOLERANCE_PIXELS
        * Math.min(frames.rowSpacingMm(), frames.colSpacingMm());
    for (SegFrame f : frames.frames()) {
      double along = depth[f.index()] - originDepth;
      double offset = 0;
      for (int a = 0; a < 3; a++) {
        double d = f.positionMm()[a] - origin[a] - along * normal[a];
        offset += d * d;
      }
      if (Math.sqrt(offset) > tolerance) {
        throw new StudyRejectedException(String.format(Locale.ROOT,
            "%s: frame %d is shifted %.3g mm within its plane from the other frames; frames must"
                + " be stacked along the slice normal", source, f.index() + 1,
            Math.sqrt(offset)));
      }
    }
  }

  private static double[] cross(double[] a, double[] b) {
    double[] c = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    double n = Math.sqrt(dot(c, c));
    return new double[] {c[0] / n, c[1] / n, c[2] / n};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
