package io.petal.image;

import java.util.Arrays;

/**
 * A 3D affine map from voxel indices (i, j, k) to patient coordinates in millimetres.
 *
 * <p>Petal's patient coordinate system is DICOM's LPS+: x grows to the patient's Left, y to
 * Posterior, z to Superior (head). NIfTI files store RAS+ world coordinates; their readers and
 * writers convert by negating the first two rows ({@link #lpsFromRas}).
 *
 * <p>The map is {@code p = M · [i, j, k, 1]ᵀ} with the 3×4 upper part of a 4×4 matrix held
 * row-major. Immutable.
 */
public final class Affine implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] m; // 12 values: rows 0..2 of the 4x4 matrix, row-major

  private Affine(double[] m12) {
    this.m = m12;
    for (double v : m12) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("affine has a non-finite entry: " + Arrays.toString(m12));
      }
    }
  }

  /** From the 12 entries of the upper 3×4 part, row-major. */
  public static Affine of(double[] rowMajor3x4) {
    if (rowMajor3x4.length != 12) {
      throw new IllegalArgumentException("need 12 entries, got " + rowMajor3x4.length);
    }
    return new Affine(rowMajor3x4.clone());
  }

  /** Axis-aligned grid: voxel (i,j,k) at origin + (i·sx, j·sy, k·sz) mm, in LPS. */
  public static Affine axisAligned(double sx, double sy, double sz, double ox, double oy, double oz) {
    return new Affine(new double[] {sx, 0, 0, ox, 0, sy, 0, oy, 0, 0, sz, oz});
  }

  /**
   * From DICOM geometry: the row and column direction cosines (ImageOrientationPatient), the
   * slice direction (unit vector from the first to the last slice), pixel spacing (row spacing =
   * distance between rows, column spacing, mm), slice spacing (mm) and the first slice's
   * ImagePositionPatient. Index i runs along a row (columns), j down the columns (rows), k over slices.
   */
  public static Affine fromDicom(double[] rowCos, double[] colCos, double[] sliceDir,
      double rowSpacingMm, double colSpacingMm, double sliceSpacingMm, double[] firstPosition) {
    double[] r = new double[12];
    for (int a = 0; a < 3; a++) {
      r[a * 4] = rowCos[a] * colSpacingMm;
      r[a * 4 + 1] = colCos[a] * rowSpacingMm;
      r[a * 4 + 2] = sliceDir[a] * sliceSpacingMm;
      r[a * 4 + 3] = firstPosition[a];
    }
    return new Affine(r);
  }

  /** The same geometry with the x and y axes flipped: RAS+ ↔ LPS+ (its own inverse). */
  public Affine lpsFromRas() {
    double[] r = m.clone();
    for (int c = 0; c < 4; c++) {
      r[c] = -r[c];
      r[4 + c] = -r[4 + c];
    }
    return new Affine(r);
  }

  /** Entry (row, col) of the 4×4 matrix; row 3 is (0, 0, 0, 1). */
  public double get(int row, int col) {
    if (row == 3) {
      return col == 3 ? 1 : 0;
    }
    return m[row * 4 + col];
  }

  /** The upper 3×4 part, row-major (a copy). */
  public double[] rowMajor3x4() {
    return m.clone();
  }

  /** Patient coordinates (mm) of a possibly fractional voxel index. */
  public double[] apply(double i, double j, double k) {
    return new double[] {
      m[0] * i + m[1] * j + m[2] * k + m[3],
      m[4] * i + m[5] * j + m[6] * k + m[7],
      m[8] * i + m[9] * j + m[10] * k + m[11]
    };
  }

  /** Voxel spacing along index axis 0, 1, 2 in mm (the column norms of the linear part). */
  public double spacing(int axis) {
    return Math.sqrt(m[axis] * m[axis] + m[4 + axis] * m[4 + axis] + m[8 + axis] * m[8 + axis]);
  }

  /** Determinant of the 3×3 linear part (mm³ per voxel, signed by handedness). */
  public double determinant() {
    return m[0] * (m[5] * m[10] - m[6] * m[9])
        - m[1] * (m[4] * m[10] - m[6] * m[8])
        + m[2] * (m[4] * m[9] - m[5] * m[8]);
  }

  /** The inverse map, patient mm → voxel index. Fails on a singular (e.g. zero-spacing) affine. */
  public Affine inverse() {
    double det = determinant();
    if (Math.abs(det) < 1e-12) {
      throw new IllegalArgumentException("affine is singular (zero or collinear voxel spacing)");
    }
    double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], k = m[10];
    double[] inv = new double[12];
    inv[0] = (e * k - f * h) / det;
    inv[1] = (c * h - b * k) / det;
    inv[2] = (b * f - c * e) / det;
    inv[4] = (f * g - d * k) / det;
    inv[5] = (a * k - c * g) / det;
    inv[6] = (c * d - a * f) / det;
    inv[8] = (d * h - e * g) / det;
    inv[9] = (b * g - a * h) / det;
    inv[10] = (a * e - b * d) / det;
    for (int r = 0; r < 3; r++) {
      inv[r * 4 + 3] = -(inv[r * 4] * m[3] + inv[r * 4 + 1] * m[7] + inv[r * 4 + 2] * m[11]);
    }
    return new Affine(inv);
  }

  /** Composition {@code this ∘ other}: first {@code other}, then this. */
  public Affine compose(Affine other) {
    double[] r = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 4; col++) {
        double s = 0;
        for (int t = 0; t < 3; t++) {
          s += m[row * 4 + t] * other.m[t * 4 + col];
        }
        if (col == 3) {
          s += m[row * 4 + 3];
        }
        r[row * 4 + col] = s;
      }
    }
    return new Affine(r);
  }

  /** True when every entry differs by at most {@code tol}. */
  public boolean approximatelyEquals(Affine o, double tol) {
    for (int t = 0; t < 12; t++) {
      if (Math.abs(m[t] - o.m[t]) > tol) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Affine a && Arrays.equals(m, a.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    return "Affine" + Arrays.toString(m);
  }
}
