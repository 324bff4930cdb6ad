package io.petal.synth.brain;

import io.petal.synth.Vec3;
import java.util.SplittableRandom;

/**
 * Where one patient's head lies in the scanner: the reference head frame (mm; x to the patient's
 * left, y posterior, z superior, origin at the brain's centre) scaled per axis, turned about the
 * vertical axis (yaw) and the left–right axis (pitch), and shifted. Drawn per patient: scale
 * 0.92–1.02, yaw ±6°, pitch ±8°, shift ±4 mm in-plane, the brain centre 4 mm below the grid
 * centre ± 3 mm, ventricles 0.8–1.4 times the reference size (they widen with age).
 */
record HeadGeometry(Vec3 centre, Vec3 scale, double yawRad, double pitchRad, double ventricleScale) {

  static HeadGeometry draw(SplittableRandom rng) {
    double s = 0.92 + 0.10 * rng.nextDouble();
    Vec3 scale = new Vec3(s * (0.97 + 0.06 * rng.nextDouble()), s * (0.97 + 0.06 * rng.nextDouble()),
        s * (0.97 + 0.06 * rng.nextDouble()));
    Vec3 centre = new Vec3(uniform(rng, 4), uniform(rng, 4), -4 + uniform(rng, 3));
    return new HeadGeometry(centre, scale, Math.toRadians(uniform(rng, 6)), Math.toRadians(uniform(rng, 8)),
        0.8 + 0.6 * rng.nextDouble());
  }

  /** A patient point (LPS mm) in the reference head frame (mm). */
  Vec3 toHead(double x, double y, double z) {
    double dx = x - centre.x();
    double dy = y - centre.y();
    double dz = z - centre.z();
    // undo yaw (about z), then pitch (about x)
    double cy = Math.cos(yawRad);
    double sy = Math.sin(yawRad);
    double ux = cy * dx + sy * dy;
    double uy = -sy * dx + cy * dy;
    double cp = Math.cos(pitchRad);
    double sp = Math.sin(pitchRad);
    double vy = cp * uy + sp * dz;
    double vz = -sp * uy + cp * dz;
    return new Vec3(ux / scale.x(), vy / scale.y(), vz / scale.z());
  }

  /** A reference head-frame point (mm) in patient LPS (mm): the inverse of {@link #toHead}. */
  Vec3 toPatient(Vec3 q) {
    double ux = q.x() * scale.x();
    double vy = q.y() * scale.y();
    double vz = q.z() * scale.z();
    double cp = Math.cos(pitchRad);
    double sp = Math.sin(pitchRad);
    double uy = cp * vy - sp * vz;
    double dz = sp * vy + cp * vz;
    double cy = Math.cos(yawRad);
    double sy = Math.sin(yawRad);
    return new Vec3(centre.x() + cy * ux - sy * uy, centre.y() + sy * ux + cy * uy, centre.z() + dz);
  }

  private static double uniform(SplittableRandom rng, double halfWidth) {
    return (2 * rng.nextDouble() - 1) * halfWidth;
  }
}
