package io.petal.synth;

import io.petal.image.ImageGrid;
import java.util.SplittableRandom;

/**
 * Builds one patient's tissue map: places the scaled reference body in the grid, then runs the
 * painters in an order where later structures may cover earlier ones (body, head, chest, bowel,
 * abdominal organs, great vessels, skeleton, lymph nodes, brown fat).
 */
final class AnatomyBuilder {
  private AnatomyBuilder() {}

  /** Left–right and anterior–posterior position jitter of the body in the grid (mm). */
  private static final double BODY_JITTER_MM = 12;
  /** Gap between the top of the grid and the vertex (mm). */
  private static final Range VERTEX_GAP_MM = new Range(8, 25);
  /** Reference v of the trunk's centre, put at the grid's centre before jitter. */
  private static final double TRUNK_CENTRE_V = 12;

  static TissueCanvas build(ImageGrid grid, AnatomyParams p, SplittableRandom rng) {
    TissueCanvas c = new TissueCanvas(grid, placeBody(grid, p, rng));
    BodyPainter.paint(c, p);
    HeadPainter.paint(c);
    ThoraxPainter.paint(c, p, rng);
    BowelPainter.paint(c, p, rng);
    AbdomenPainter.paint(c, p, rng);
    VesselPainter.paint(c);
    SkeletonPainter.paint(c);
    LymphNodePainter.paint(c, rng);
    if (p.brownFat()) {
      BrownFatPainter.paint(c, rng);
    }
    return c;
  }

  /** The frame that puts the body's axis near the grid's centre and the vertex near its top. */
  private static BodyFrame placeBody(ImageGrid grid, AnatomyParams p, SplittableRandom rng) {
    double cx = 0;
    double cy = 0;
    double top = Double.NEGATIVE_INFINITY;
    for (int corner = 0; corner < 8; corner++) {
      double[] q = grid.affine().apply((corner & 1) * (grid.nx() - 1),
          ((corner >> 1) & 1) * (grid.ny() - 1), ((corner >> 2) & 1) * (grid.nz() - 1));
      cx += q[0] / 8;
      cy += q[1] / 8;
      top = Math.max(top, q[2]);
    }
    double jx = (rng.nextDouble() * 2 - 1) * BODY_JITTER_MM;
    double jy = (rng.nextDouble() * 2 - 1) * BODY_JITTER_MM;
    return new BodyFrame(cx + jx, cy + jy - TRUNK_CENTRE_V * p.depthScale(),
        top - VERTEX_GAP_MM.draw(rng), p.widthScale(), p.depthScale(), p.heightScale());
  }
}
