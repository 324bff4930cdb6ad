package io.petal.ingest.dicom;

import io.petal.image.Affine;
import io.petal.ingest.StudyRejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The planes of one series arranged as a regular 3D stack, with the checks that make it one.
 *
 * <p>Every plane must share the first plane's orientation (within {@value #COSINE_TOLERANCE}),
 * Rows, Columns and PixelSpacing (within {@value #PIXEL_SPACING_TOLERANCE_MM} mm). Planes are
 * ordered by their position along the slice normal (row cosines × column cosines), the "z" of
 * every message (patient z for axial slices) — never by file name or InstanceNumber. Neighbouring
 * planes must be equally spaced within {@link #tolerance} (the larger of
 * {@value #SLICE_SPACING_TOLERANCE_MM} mm and {@value #SLICE_SPACING_TOLERANCE_FRACTION} of the
 * spacing); duplicate positions, gaps (missing slices), uneven spacing and positions off the line
 * through the first and last plane are rejected with the files and positions involved.
 *
 * <p>The affine maps voxel (i = column, j = row, k = index in this order) to patient LPS mm; the
 * slice axis runs from the first to the last plane's ImagePositionPatient, so a tilted-gantry stack
 * keeps its shear.
 */
public final class SliceStack {
  /** Direction cosines of two planes may differ by this much and still be one orientation. */
  static final double COSINE_TOLERANCE = 1e-3;
  /** PixelSpacing of two planes may differ by this much (mm). */
  static final double PIXEL_SPACING_TOLERANCE_MM = 1e-3;
  /** Absolute slice spacing tolerance (mm). */
  static final double SLICE_SPACING_TOLERANCE_MM = 0.05;
  /** Relative slice spacing tolerance (fraction of the spacing). */
  static final double SLICE_SPACING_TOLERANCE_FRACTION = 0.01;

  private final List<SlicePlane> planes;
  private final Affine affine;

  private SliceStack(List<SlicePlane> planes, Affine affine) {
    this.planes = List.copyOf(planes);
    this.affine = affine;
  }

  /**
   * Orders and checks {@code planes}.
   *
   * @param singlePlaneSpacingMm slice spacing (mm) used when there is a single plane (its
   *     SpacingBetweenSlices or SliceThickness); ignored otherwise
   * @throws StudyRejectedException when the planes are not one regular stack
   */
  public static SliceStack of(List<SlicePlane> planes, double singlePlaneSpacingMm) throws StudyRejectedException {
    if (planes.isEmpty()) {
      throw new StudyRejectedException("no image plane in the series");
    }
    SlicePlane first = planes.get(0);
    for (SlicePlane p : planes) {
      requireSameLayout(first, p);
    }
    double[] normal = first.normal();
    List<SlicePlane> sorted = new ArrayList<>(planes);
    sorted.sort(Comparator.comparingDouble(p -> p.along(normal)));
    double[] z = sorted.stream().mapToDouble(p -> p.along(normal)).toArray();
    int n = sorted.size();
    if (n == 1) {
      if (!(singlePlaneSpacingMm > 0) || !Double.isFinite(singlePlaneSpacingMm)) {
        throw new StudyRejectedException(first.source() + " is a single slice with zero slice spacing: neither "
            + "SpacingBetweenSlices nor SliceThickness is positive");
      }
      return new SliceStack(sorted, affine(first, normal, singlePlaneSpacingMm));
    }
    if (z[n - 1] - z[0] <= SLICE_SPACING_TOLERANCE_MM) {
      throw new StudyRejectedException(String.format(Locale.ROOT, "zero slice spacing: all %d slices lie at z = %.2f"
          + " mm (files %s and %s, ...)", n, z[0], sorted.get(0).source(), sorted.get(1).source()));
    }
    double spacing = medianStep(z);
    double tol = tolerance(spacing);
    requireNoDuplicates(sorted, z, tol);
    requireUniformSpacing(sorted, z, spacing, tol);
    double[] step = new double[3];
    for (int a = 0; a < 3; a++) {
      step[a] = (sorted.get(n - 1).position()[a] - sorted.get(0).position()[a]) / (n - 1);
    }
    requireCollinear(sorted, step, tol);
    double length = Math.sqrt(step[0] * step[0] + step[1] * step[1] + step[2] * step[2]);
    double[] direction = {step[0] / length, step[1] / length, step[2] / length};
    SlicePlane origin = sorted.get(0);
    return new SliceStack(sorted, Affine.fromDicom(origin.rowCosines(), origin.columnCosines(), direction,
        origin.rowSpacingMm(), origin.columnSpacingMm(), length, origin.position()));
  }

  /** Planes in slice order (k = 0 first). */
  public List<SlicePlane> planes() {
    return planes;
  }

  /** Voxel index (i = column, j = row, k = slice) to patient LPS mm. */
  public Affine affine() {
    return affine;
  }

  /** Columns of every plane (grid nx). */
  public int columns() {
    return planes.get(0).columns();
  }

  /** Rows of every plane (grid ny). */
  public int rows() {
    return planes.get(0).rows();
  }

  /** Slice spacing tolerance (mm) for a nominal spacing of {@code spacingMm}. */
  static double tolerance(double spacingMm) {
    return Math.max(SLICE_SPACING_TOLERANCE_MM, SLICE_SPACING_TOLERANCE_FRACTION * spacingMm);
  }

  private static Affine affine(SlicePlane p, double[] normal, double spacingMm) {
    return Affine.fromDicom(p.rowCosines(), p.columnCosines(), normal, p.rowSpacingMm(), p.columnSpacingMm(),
        spacingMm, p.position());
  }

  private static void requireSameLayout(SlicePlane a, SlicePlane b) throws StudyRejectedException {
    if (a.rows() != b.rows() || a.columns() != b.columns()) {
      throw new StudyRejectedException(String.format(Locale.ROOT, "slices differ in size: %s is %dx%d "
          + "(columns x rows), %s is %dx%d", a.source(), a.columns(), a.rows(), b.source(), b.columns(), b.rows()));
    }
    if (Math.abs(a.rowSpacingMm() - b.rowSpacingMm()) > PIXEL_SPACING_TOLERANCE_MM
        || Math.abs(a.columnSpacingMm() - b.columnSpacingMm()) > PIXEL_SPACING_TOLERANCE_MM) {
      throw new StudyRejectedException(String.format(Locale.ROOT, "slices differ in PixelSpacing: %s has %.4f\\%.4f"
          + " mm, %s has %.4f\\%.4f mm", a.source(), a.rowSpacingMm(), a.columnSpacingMm(), b.source(),
          b.rowSpacingMm(), b.columnSpacingMm()));
    }
    for (int c = 0; c < 3; c++) {
      if (Math.abs(a.rowCosines()[c] - b.rowCosines()[c]) > COSINE_TOLERANCE
          || Math.abs(a.columnCosines()[c] - b.columnCosines()[c]) > COSINE_TOLERANCE) {
        throw new StudyRejectedException(String.format(Locale.ROOT, "slices differ in ImageOrientationPatient: %s has "
            + "%s %s, %s has %s %s", a.source(), Arrays.toString(a.rowCosines()), Arrays.toString(a.columnCosines()),
            b.source(), Arrays.toString(b.rowCosines()), Arrays.toString(b.columnCosines())));
      }
    }
  }

  /** The median distance between neighbouring positions: the nominal spacing, robust to a few gaps. */
  private static double medianStep(double[] z) {
    double[] d = new double[z.length - 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = z[i + 1] - z[i];
    }
    Arrays.sort(d);
    return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }

  private static void requireNoDuplicates(List<SlicePlane> sorted, double[] z, double tol)
      throws StudyRejectedException {
    for (int i = 0; i + 1 < z.length; i++) {
      if (z[i + 1] - z[i] <= tol) {
        throw new StudyRejectedException(String.format(Locale.ROOT, "duplicate slices at z = %.2f mm: files %s and "
            + "%s", z[i], sorted.get(i).source(), sorted.get(i + 1).source()));
      }
    }
  }

  private static void requireUniformSpacing(List<SlicePlane> sorted, double[] z, double spacing, double tol)
      throws StudyRejectedException {
    for (int i = 0; i + 1 < z.length; i++) {
      double d = z[i + 1] - z[i];
      if (Math.abs(d - spacing) <= tol) {
        continue;
      }
      long steps = Math.round(d / spacing);
      if (steps >= 2 && Math.abs(d - steps * spacing) <= tol * steps) {
        StringBuilder missing = new StringBuilder();
        for (int m = 1; m < steps && m <= 5; m++) {
          missing.append(m == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[i] + m * spacing));
        }
        throw new StudyRejectedException(String.format(Locale.ROOT, "missing slice%s at z = %s%s mm: gap of %.2f mm "
            + "between %s (z = %.2f mm) and %s (z = %.2f mm) where the slice spacing is %.2f mm",
            steps > 2 ? "s" : "", missing, steps > 6 ? ", ..." : "", d, sorted.get(i).source(), z[i],
            sorted.get(i + 1).source(), z[i + 1], spacing));
      }
      throw new StudyRejectedException(String.format(Locale.ROOT, "uneven slice spacing: %.2f mm between %s (z = "
          + "%.2f mm) and %s (z = %.2f mm) where the spacing is %.2f mm", d, sorted.get(i).source(), z[i],
          sorted.get(i + 1).source(), z[i + 1], spacing));
    }
  }

  /** Every position must lie on the line from the first to the last plane, one step apart. */
  private static void requireCollinear(List<SlicePlane> sorted, double[] step, double tol)
      throws StudyRejectedException {
    double[] p0 = sorted.get(0).position();
    for (int k = 1; k < sorted.size() - 1; k++) {
      double[] p = sorted.get(k).position();
      double off = 0;
      for (int a = 0; a < 3; a++) {
        double e = p[a] - (p0[a] + k * step[a]);
        off += e * e;
      }
      off = Math.sqrt(off);
      if (off > tol) {
        throw new StudyRejectedException(String.format(Locale.ROOT, "slice %s lies %.2f mm off the line through the "
            + "first and last slice (ImagePositionPatient %s): the slices are not one regular stack",
            sorted.get(k).source(), off, Arrays.toString(p)));
      }
    }
  }
}
