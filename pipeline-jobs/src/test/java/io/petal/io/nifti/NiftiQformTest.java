package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quaternion ↔ affine conversion. Rotations are built from elementary axis rotations, not from
 * the quaternion formula under test.
 */
class NiftiQformTest {

  /** Row-major 3×3 rotation about axis 0 (x), 1 (y) or 2 (z) by {@code angle} radians. */
  private static double[] rotation(int axis, double angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    return switch (axis) {
      case 0 -> new double[] {1, 0, 0, 0, c, -s, 0, s, c};
      case 1 -> new double[] {c, 0, s, 0, 1, 0, -s, 0, c};
      default -> new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
    };
  }

  private static double[] multiply(double[] a, double[] b) {
    double[] r = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int t = 0; t < 3; t++) {
          r[i * 3 + j] += a[i * 3 + t] * b[t * 3 + j];
        }
      }
    }
    return r;
  }

  /** The affine R · diag(spacing) + offset. */
  private static Affine affine(double[] r, double[] spacing, double[] offset) {
    double[] m = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row * 4 + col] = r[row * 3 + col] * spacing[col];
      }
      m[row * 4 + 3] = offset[row];
    }
    return Affine.of(m);
  }

  @Test
  void ninetyDegreesAboutZIsQuaternionSinFortyFiveOnD() {
    NiftiQform q = NiftiQform.fromAffine(
        affine(rotation(2, Math.PI / 2), new double[] {2, 3, 4}, new double[] {10, 20, 30}));
    assertArrayEquals(new double[] {0, 0, Math.sqrt(0.5)}, new double[] {q.b(), q.c(), q.d()},
        1e-12);
    assertArrayEquals(new double[] {2, 3, 4, 1}, new double[] {q.dx(), q.dy(), q.dz(), q.qfac()},
        1e-12);
    assertArrayEquals(new double[] {10, 20, 30}, new double[] {q.qx(), q.qy(), q.qz()}, 1e-12);
  }

  @Test
  void leftHandedAffineGetsQfacMinusOne() {
    double[] flipK = {1, 0, 0, 0, 1, 0, 0, 0, -1};
    Affine a = affine(multiply(rotation(0, 0.3), flipK), new double[] {1, 1, 2.5},
        new double[] {0, 0, 0});
    NiftiQform q = NiftiQform.fromAffine(a);
    assertEquals(-1, q.qfac());
    assertEquals(2.5, q.dz(), 1e-12);
    assertTrue(q.toAffine().approximatelyEquals(a, 1e-12), q.toAffine()::toString);
  }

  @Test
  void roundTripsRandomRotationsSpacingsAndHandedness() {
    Random random = new Random(42);
    for (int trial = 0; trial < 500; trial++) {
      double[] r = multiply(rotation(2, random.nextDouble() * 2 * Math.PI),
          multiply(rotation(1, random.nextDouble() * 2 * Math.PI),
              rotation(0, random.nextDouble() * 2 * Math.PI)));
      if (random.nextBoolean()) {
        r = multiply(r, new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1});
      }
      Affine a = affine(r, new double[] {0.5 + random.nextDouble() * 5,
          0.5 + random.nextDouble() * 5, 0.5 + random.nextDouble() * 5},
          new double[] {random.nextGaussian() * 100, random.nextGaussian() * 100,
              random.nextGaussian() * 100});
      NiftiQform q = NiftiQform.fromAffine(a);
      assertTrue(q.b() * q.b() + q.c() * q.c() + q.d() * q.d() <= 1 + 1e-12);
      assertTrue(q.toAffine().approximatelyEquals(a, 1e-9), "trial " + trial + ": " + a);
    }
  }

  @Test
  void roundTripsHalfTurnsWhereTheScalarPartIsZero() {
    double[][] halfTurns = {
      rotation(0, Math.PI), rotation(1, Math.PI), rotation(2, Math.PI),
      multiply(rotation(2, Math.PI / 4), multiply(rotation(0, Math.PI), rotation(2, -Math.PI / 4))),
      multiply(rotation(0, Math.PI / 3), multiply(rotation(1, Math.PI), rotation(0, -Math.PI / 3)))
    };
    for (double[] r : halfTurns) {
      Affine a = affine(r, new double[] {1, 2, 3}, new double[] {4, 5, 6});
      NiftiQform q = NiftiQform.fromAffine(a);
      assertEquals(1, q.b() * q.b() + q.c() * q.c() + q.d() * q.d(), 1e-12);
      assertTrue(q.toAffine().approximatelyEquals(a, 1e-12), a::toString);
    }
  }

  @Test
  void aShearedAffineGetsTheNearestRotationAndExactColumnLengths() {
    double[] sheared = {1, 0.05, 0, 0, 1, 0, 0, 0, 1};
    Affine a = affine(multiply(rotation(1, 0.4), sheared), new double[] {2, 2, 3},
        new double[] {0, 0, 0});
    Affine approx = NiftiQform.fromAffine(a).toAffine();
    for (int axis = 0; axis < 3; axis++) {
      assertEquals(a.spacing(axis), approx.spacing(axis), 1e-12);
    }
    double dot01 = approx.get(0, 0) * approx.get(0, 1) + approx.get(1, 0) * approx.get(1, 1)
        + approx.get(2, 0) * approx.get(2, 1);
    assertEquals(0, dot01, 1e-12); // the qform cannot shear
    assertTrue(approx.approximatelyEquals(a, 0.1), approx::toString);
  }

  @Test
  void rejectsASingularAffineAndANonUnitQuaternion() {
    assertThrows(IllegalArgumentException.class, () -> NiftiQform.fromAffine(
        Affine.of(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0})));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NiftiQform(0.8, 0.8, 0, 0, 0, 0, 1, 1, 1, 1).toAffine());
    assertTrue(e.getMessage().contains("not a rotation"), e.getMessage());
  }
}
