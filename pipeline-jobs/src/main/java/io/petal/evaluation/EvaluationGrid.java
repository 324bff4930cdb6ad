package io.petal.evaluation;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.schema.StudyKind;
import io.petal.tables.StudyInfo;
import java.io.Serializable;

/**
 * The grid a study's masks are measured on. A volume (PET/CT, MRI) is measured on its own grid. A
 * study of planar views (bone scans) is measured in 2D: its views are laid side by side in one
 * plane, one empty column apart, so connected components (lesions) never join across views and
 * Dice pools both views; the plane counts {@value #PLANAR_DEPTH_MM} mm deep, so its "volumes" in mL
 * are areas in cm².
 *
 * @param study the study's grid (views along the third axis for planar studies)
 * @param grid the measuring grid
 * @param planar whether the views are laid side by side
 */
record EvaluationGrid(ImageGrid study, ImageGrid grid, boolean planar) implements Serializable {
  /** Depth a planar view counts for in volumes, mm (1 mL = 1 cm² of view). */
  static final double PLANAR_DEPTH_MM = 10;

  /** The measuring grid of {@code info}'s study. */
  static EvaluationGrid of(StudyInfo info) {
    ImageGrid g = info.grid();
    if (!StudyKind.of(info.kind()).planar()) {
      return new EvaluationGrid(g, g, false);
    }
    int width = g.nz() * g.nx() + g.nz() - 1;
    ImageGrid side = new ImageGrid(width, g.ny(), 1,
        Affine.axisAligned(g.spacing(0), g.spacing(1), PLANAR_DEPTH_MM, 0, 0, 0));
    return new EvaluationGrid(g, side, true);
  }

  /** A label or mask of the study's grid ({@code nx·ny·nz}, x fastest) on the measuring grid. */
  byte[] arrange(byte[] values) {
    if (!planar) {
      return values;
    }
    byte[] out = new byte[grid.voxelCount()];
    int nx = study.nx();
    for (int k = 0; k < study.nz(); k++) {
      for (int y = 0; y < study.ny(); y++) {
        System.arraycopy(values, (k * study.ny() + y) * nx, out, y * grid.nx() + k * (nx + 1), nx);
      }
    }
    return out;
  }
}
