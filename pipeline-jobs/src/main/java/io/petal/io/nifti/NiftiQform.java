package io.petal.io.nifti;

import io.petal.image.Affine;

/**
 * NIfTI-1's "method 2" orientation: a rotation quaternion, voxel spacings, a handedness factor and
 * an offset, in RAS+ world coordinates and the file's spatial unit.
 *
 * <p>The voxel-to-world map is
 * {@code [x y z]ᵀ = R · diag(dx, dy, qfac·dz) · [i j k]ᵀ + [qx qy qz]ᵀ} where R is the
 * rotation of the unit quaternion (a, b, c, d) with {@code a = √(1 − b² − c² − d²)} (nifti1.h,
 * "METHOD 2").
 *
 * @param b quaternion component b
 * @param c quaternion component c
 * @param d quaternion component d
 * @param qx offset x (qoffset_x), world coordinate of voxel (0, 0, 0)
 * @param qy offset y (qoffset_y)
 * @param qz offset z (qoffset_z)
 * @param dx spacing along i (pixdim[1]), positive
 * @param dy spacing along j (pixdim[2]), positive
 * @param dz spacing along k (pixdim[3]), positive
 * @param qfac +1 for a right-handed voxel frame, −1 to flip the k axis (pixdim[0])
 */
public record NiftiQform(double b, double c, double d, double qx, double qy, double qz,
    double dx, double dy, double dz, double qfac) {

  /** How far b² + c² + d² may exceed 1 (float32 rounding) before the quaternion is invalid. */
  private static final double NORM_TOLERANCE = 1e-4;

  /**
   * The voxel-to-world affine (RAS+, file units).
   *
   * @throws IllegalArgumentException when b² + c² + d² is clearly above 1 (not a unit quaternion)
   */
  public Affine toAffine() {
    double sumSq = b * b + c * c + d * d;
    if (sumSq > 1 + NORM_TOLERANCE) {
      throw new IllegalArgumentException("quaternion (b, c, d) = (" + b + ", " + c + ", " + d
          + ") has norm " + Math.sqrt(sumSq) + " > 1: not a rotation");
    }
    double qb = b;
    double qc = c;
    double qd = d;
    double a;
    if (1 - sumSq < 1e-7) { // a 180° rotation: a = 0, renormalise (b, c, d) as nifti1_io does
      double n = Math.sqrt(sumSq);
      qb /= n;
      qc /= n;
      qd /= n;
      a = 0;
    } else {
      a = Math.sqrt(1 - sumSq);
    }
    double[] r = {
      a * a + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - a * qd), 2 * (qb * qd + a * qc),
      2 * (qb * qc + a * qd), a * a + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - a * qb),
      2 * (qb * qd - a * qc), 2 * (qc * qd + a * qb), a * a + qd * qd - qc * qc - qb * qb
    };
    double[] scale = {dx, dy, qfac * dz};
    double[] offset = {qx, qy, qz};
    double[] m = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row * 4 + col] = r[row * 3 + col] * scale[col];
      }
      m[row * 4 + 3] = offset[row];
    }
    return Affine.of(m);
  }

  /**
   * The qform closest to an affine (RAS+, file units): spacings are the column norms, qfac the
   * sign of the determinant, and the rotation the orthogonal polar factor of the normalised
   * columns (exact for an affine without shear, as from DICOM; the nearest rotation otherwise).
   * The quaternion has a ≥ 0, as the standard requires.
   *
   * @throws IllegalArgumentException for a singular affine
   */
  public static NiftiQform fromAffine(Affine ras) {
    double[] spacing = {ras.spacing(0), ras.spacing(1), ras.spacing(2)};
    double det = ras.determinant();
    if (Math.abs(det) < 1e-12 || spacing[0] == 0 || spacing[1] == 0 || spacing[2] == 0) {
      throw new IllegalArgumentException("affine is singular: " + ras);
    }
    double qfac = det < 0 ? -1 : 1;
    double[] m = new double[9]; // row-major 3x3, columns normalised, k column flipped when qfac < 0
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row * 3 + col] = ras.get(row, col) / spacing[col] * (col == 2 ? qfac : 1);
      }
    }
    double[] q = quaternion(Matrix3.nearestRotation(m));
    return new NiftiQform(q[0], q[1], q[2], ras.get(0, 3), ras.get(1, 3), ras.get(2, 3),
        spacing[0], spacing[1], spacing[2], qfac);
  }

  /** (b, c, d) of the unit quaternion with a ≥ 0 for rotation {@code r} (row-major 3×3). */
  private static double[] quaternion(double[] r) {
    double r11 = r[0], r12 = r[1], r13 = r[2];
    double r21 = r[3], r22 = r[4], r23 = r[5];
    double r31 = r[6], r32 = r[7], r33 = r[8];
    double a = r11 + r22 + r33 + 1;
    double b;
    double c;
    double d;
    if (a > 0.5) { // the numerically safe branch depends on which component is largest
      a = 0.5 * Math.sqrt(a);
      b = 0.25 * (r32 - r23) / a;
      c = 0.25 * (r13 - r31) / a;
      d = 0.25 * (r21 - r12) / a;
    } else {
      double xd = 1 + r11 - (r22 + r33);
      double yd = 1 + r22 - (r11 + r33);
      double zd = 1 + r33 - (r11 + r22);
      if (xd > 1) {
        b = 0.5 * Math.sqrt(xd);
        c = 0.25 * (r12 + r21) / b;
        d = 0.25 * (r13 + r31) / b;
        a = 0.25 * (r32 - r23) / b;
      } else if (yd > 1) {
        c = 0.5 * Math.sqrt(yd);
        b = 0.25 * (r12 + r21) / c;
        d = 0.25 * (r23 + r32) / c;
        a = 0.25 * (r13 - r31) / c;
      } else {
        d = 0.5 * Math.sqrt(zd);
        b = 0.25 * (r13 + r31) / d;
        c = 0.25 * (r23 + r32) / d;
        a = 0.25 * (r21 - r12) / d;
      }
      if (a < 0) {
        b = -b;
        c = -c;
        d = -d;
      }
    }
    return new double[] {b, c, d};
  }

  /** Row-major 3×3 helpers for the polar decomposition. */
  private static final class Matrix3 {
    private Matrix3() {}

    /**
     * The orthogonal factor of the polar decomposition of a non-singular matrix with positive
     * determinant, by Newton's iteration {@code X ← (X + X⁻ᵀ) / 2}.
     */
    static double[] nearestRotation(double[] m) {
      double[] x = m.clone();
      for (int iter = 0; iter < 100; iter++) {
        double[] invT = inverseTranspose(x);
        double change = 0;
        for (int t = 0; t < 9; t++) {
          double next = 0.5 * (x[t] + invT[t]);
          change = Math.max(change, Math.abs(next - x[t]));
          x[t] = next;
        }
        if (change < 1e-14) {
          break;
        }
      }
      return x;
    }

    private static double[] inverseTranspose(double[] m) {
      double det = m[0] * (m[4] * m[8] - m[5] * m[7])
          - m[1] * (m[3] * m[8] - m[5] * m[6])
          + m[2] * (m[3] * m[7] - m[4] * m[6]);
      // the cofactor matrix divided by the determinant is the inverse transposed
      return new double[] {
        (m[4] * m[8] - m[5] * m[7]) / det, -(m[3] * m[8] - m[5] * m[6]) / det,
        (m[3] * m[7] - m[4] * m[6]) / det,
        -(m[1] * m[8] - m[2] * m[7]) / det, (m[0] * m[8] - m[2] * m[6]) / det,
        -(m[0] * m[7] - m[1] * m[6]) / det,
        (m[1] * m[5] - m[2] * m[4]) / det, -(m[0] * m[5] - m[2] * m[3]) / det,
        (m[0] * m[4] - m[1] * m[3]) / det
      };
    }
  }
}
