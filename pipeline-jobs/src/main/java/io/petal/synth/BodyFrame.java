package io.petal.synth;

/**
 * Places the reference body in patient space. The anatomy is drawn in a reference frame of an
 * average adult (mm): u to the patient's left, v posterior, w downwards from the vertex of the
 * skull. A patient is that body scaled by {@code scaleU}, {@code scaleV}, {@code scaleW} and
 * moved so that u = v = 0 lies at LPS ({@code originX}, {@code originY}) and the vertex at LPS
 * z = {@code vertexZ}:
 * <pre>x = originX + u·scaleU,  y = originY + v·scaleV,  z = vertexZ − w·scaleW   (mm, LPS)</pre>
 */
record BodyFrame(double originX, double originY, double vertexZ, double scaleU, double scaleV,
    double scaleW) {

  BodyFrame {
    if (!(scaleU > 0 && scaleV > 0 && scaleW > 0)) {
      throw new IllegalArgumentException("body scales must be positive: " + scaleU + ", "
          + scaleV + ", " + scaleW);
    }
  }

  /** Patient LPS (mm) of a reference point. */
  Vec3 toLps(double u, double v, double w) {
    return new Vec3(originX + u * scaleU, originY + v * scaleV, vertexZ - w * scaleW);
  }

  /** Reference coordinates of a patient LPS point (mm). */
  Vec3 toReference(Vec3 lps) {
    return new Vec3((lps.x() - originX) / scaleU, (lps.y() - originY) / scaleV,
        (vertexZ - lps.z()) / scaleW);
  }
}
