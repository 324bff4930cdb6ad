package io.petal.io.nifti;

import io.petal.image.Affine;

/**
 * Turns a NIfTI-1 header's orientation fields into Petal's voxel-to-patient affine (LPS+, mm) and
 * back.
 *
 * <p>Reading follows the standard's order of preference: the sform when {@code sform_code > 0},
 * else the qform ({@link NiftiQform}) when {@code qform_code > 0}, else "method 1", plain scaling
 * by {@code pixdim} with the origin at voxel (0, 0, 0). Lengths in metres or micrometres
 * ({@code xyzt_units}) are converted to millimetres, then RAS+ to LPS+.
 */
public final class NiftiGeometry {
  /** The header fields an affine came from. */
  public enum Method {
    /** {@code srow_x/y/z} ("method 3"). */
    SFORM,
    /** The quaternion, {@code qoffset} and {@code pixdim} ("method 2"). */
    QFORM,
    /** {@code pixdim[1..3]} alone, no rotation or offset ("method 1"). */
    PIXDIM
  }

  private NiftiGeometry() {}

  /** Which fields {@link #lpsAffineMm} uses for this header. */
  public static Method method(NiftiHeader h) {
    if (h.sformCode() > 0) {
      return Method.SFORM;
    }
    return h.qformCode() > 0 ? Method.QFORM : Method.PIXDIM;
  }

  /**
   * The voxel-index-to-patient map of a header, in Petal's LPS+ millimetres.
   *
   * @param source file name for messages
   * @throws NiftiFormatException when the chosen sform or qform is not finite, not a rotation, or
   *     singular
   */
  public static Affine lpsAffineMm(NiftiHeader h, String source) throws NiftiFormatException {
    Affine ras = rasAffine(h, source);
    double mm = h.spatialUnit().mmPerUnit();
    double[] m = ras.rowMajor3x4();
    for (int t = 0; t < m.length; t++) {
      m[t] *= mm;
    }
    Affine lps = Affine.of(m).lpsFromRas();
    double boxVolume = lps.spacing(0) * lps.spacing(1) * lps.spacing(2);
    if (!(Math.abs(lps.determinant()) > 1e-6 * boxVolume)) {
      throw new NiftiFormatException(source, method(h) + " affine is singular (a zero or"
          + " collinear voxel axis): " + ras);
    }
    return lps;
  }

  /** The header's voxel-to-world map as stored: RAS+, in the file's spatial unit. */
  static Affine rasAffine(NiftiHeader h, String source) throws NiftiFormatException {
    Method method = method(h);
    try {
      return switch (method) {
        case SFORM -> Affine.of(toDoubles(h.srow()));
        case QFORM -> qform(h).toAffine();
        case PIXDIM -> Affine.axisAligned(h.spacing(0), h.spacing(1), h.spacing(2), 0, 0, 0);
      };
    } catch (IllegalArgumentException e) {
      String fields = method == Method.SFORM
          ? "sform (sform_code " + h.sformCode() + ")"
          : "qform (qform_code " + h.qformCode() + ")";
      throw new NiftiFormatException(source, "bad " + fields + ": " + e.getMessage(), e);
    }
  }

  /** The qform fields of a header. */
  static NiftiQform qform(NiftiHeader h) {
    float[] q = h.quatern();
    return new NiftiQform(q[0], q[1], q[2], q[3], q[4], q[5],
        h.spacing(0), h.spacing(1), h.spacing(2), h.qfac());
  }

  /** The 12 {@code srow} values (row-major 3×4, float32) of an affine. */
  static float[] srow(Affine ras) {
    return toFloats(ras.rowMajor3x4());
  }

  /** The six {@code quatern_b, c, d, qoffset_x, y, z} values (float32) of a qform. */
  static float[] quatern(NiftiQform q) {
    return toFloats(new double[] {q.b(), q.c(), q.d(), q.qx(), q.qy(), q.qz()});
  }

  /** Narrowed to float32, with −0 written as 0. */
  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int t = 0; t < d.length; t++) {
      f[t] = (float) d[t] + 0.0f;
    }
    return f;
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int t = 0; t < f.length; t++) {
      d[t] = f[t];
    }
    return d;
  }
}
