package io.petal.synth;

import io.petal.image.GaussianBlur;
import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;

/**
 * The shape step of the synthetic-tumour method (methods.md §4, step 3): an ellipsoid with
 * half-axes drawn from U(0.75 r, 1.25 r) in a random orientation, elastically deformed by a
 * smooth random displacement field (each component a {@link SmoothRandomField} with lattice
 * spacing {@link #ELASTIC_CELL_FRACTION}·r, scaled to standard deviation
 * σe·r = {@link #ELASTIC_STRENGTH}·r and clipped at {@link #ELASTIC_CLIP} standard deviations),
 * then Gaussian-blurred at the edges (σc = {@link #EDGE_BLUR_MM}). The result is a soft mask
 * in [0, 1] over a voxel box; its 0.5 level is the lesion's label.
 */
final class LesionShape {
  /** Half-axes relative to the nominal radius r. */
  static final Range HALF_AXIS_FACTOR = new Range(0.75, 1.25);
  /** σe: standard deviation of the elastic displacement, relative to r. */
  static final double ELASTIC_STRENGTH = 0.10;
  /** Displacement components are clipped at this many σe. */
  static final double ELASTIC_CLIP = 2.0;
  /** Lattice spacing of the displacement field, relative to r. */
  static final double ELASTIC_CELL_FRACTION = 0.7;
  /** σc: Gaussian edge blur (mm). */
  static final double EDGE_BLUR_MM = 1.0;

  private final VoxelBox box;
  private final float[] alpha;

  private LesionShape(VoxelBox box, float[] alpha) {
    this.box = box;
    this.alpha = alpha;
  }

  /** The voxel box the mask covers. */
  VoxelBox box() {
    return box;
  }

  /** The soft mask t'' in [0, 1], x-fastest over {@link #box()}. */
  float[] alpha() {
    return alpha;
  }

  /** The farthest (mm) a voxel of a lesion of nominal radius {@code r} can be from its centre. */
  static double extentMm(double r) {
    double maxShift = Math.sqrt(3) * ELASTIC_CLIP * ELASTIC_STRENGTH * r;
    return HALF_AXIS_FACTOR.hi() * r + maxShift + 2 * EDGE_BLUR_MM;
  }

  static LesionShape generate(ImageGrid grid, Vec3 centre, double r, SplittableRandom rng) {
    Vec3 semi = new Vec3(HALF_AXIS_FACTOR.draw(rng) * r, HALF_AXIS_FACTOR.draw(rng) * r,
        HALF_AXIS_FACTOR.draw(rng) * r);
    Rotation rot = Rotation.random(rng);
    double ext = extentMm(r);
    double cell = ELASTIC_CELL_FRACTION * r;
    SmoothRandomField[] disp = new SmoothRandomField[3];
    for (int a = 0; a < 3; a++) {
      disp[a] = new SmoothRandomField(rng, -ext, -ext, -ext, 2 * ext, 2 * ext, 2 * ext, cell);
    }
    double amp = ELASTIC_STRENGTH * r;
    double clip = ELASTIC_CLIP;
    double margin = 3 * EDGE_BLUR_MM + maxSpacing(grid);
    VoxelBox box = VoxelBox.around(grid, centre, ext + margin);
    float[] t = new float[box.size()];
    Affine toLps = grid.affine();
    for (int k = box.k0(); k <= box.k1(); k++) {
      for (int j = box.j0(); j <= box.j1(); j++) {
        for (int i = box.i0(); i <= box.i1(); i++) {
          double[] p = toLps.apply(i, j, k);
          double px = p[0] - centre.x();
          double py = p[1] - centre.y();
          double pz = p[2] - centre.z();
          double qx = px + amp * clipTo(disp[0].at(px, py, pz), clip);
          double qy = py + amp * clipTo(disp[1].at(px, py, pz), clip);
          double qz = pz + amp * clipTo(disp[2].at(px, py, pz), clip);
          Vec3 local = rot.applyInverse(new Vec3(qx, qy, qz));
          double e = sq(local.x() / semi.x()) + sq(local.y() / semi.y()) + sq(local.z() / semi.z());
          t[box.local(i, j, k)] = e <= 1 ? 1f : 0f;
        }
      }
    }
    GaussianBlur.blur(t, box.nx(), box.ny(), box.nz(), EDGE_BLUR_MM / grid.spacing(0),
        EDGE_BLUR_MM / grid.spacing(1), EDGE_BLUR_MM / grid.spacing(2));
    return new LesionShape(box, t);
  }

  private static double maxSpacing(ImageGrid g) {
    return Math.max(g.spacing(0), Math.max(g.spacing(1), g.spacing(2)));
  }

  private static double clipTo(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }

  private static double sq(double x) {
    return x * x;
  }
}
