package io.petal.training;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.models.ModelChannels;

/**
 * The grid a network sees a study on: {@code size × size} pixels of {@code pixelMm} in each
 * axial slice, the study's own slices along the third axis, in-plane axes parallel to the study's
 * and centred on the centre of the study's field of view.
 *
 * <p>Resampling a study onto this grid (and a network output back onto the study's grid) with
 * {@link io.petal.geometry.Resampler} is a pure in-plane rescale: slice k of one is slice k of the
 * other, whatever the study's spacing, matrix or orientation.
 */
public final class NetworkGrid {
  private NetworkGrid() {}

  /**
   * The network grid of {@code study} under a channel layout: {@code configuredMm} pixels (PET/CT),
   * or, when the layout fits the grid to the field of view ({@link ModelChannels#fitFieldOfView()}:
   * MRI, planar views), pixels of the study's larger in-plane extent / {@code size}, so the whole
   * slice or view lies on the grid.
   *
   * @param study the study's reference grid
   * @param size pixels per side of the network input
   * @param configuredMm the configured in-plane spacing, mm
   */
  public static ImageGrid of(ImageGrid study, int size, double configuredMm, ModelChannels layout) {
    return of(study, size, pixelMm(study, size, configuredMm, layout));
  }

  /** The in-plane pixel spacing (mm) of {@link #of(ImageGrid, int, double, ModelChannels)}'s grid. */
  public static double pixelMm(ImageGrid study, int size, double configuredMm, ModelChannels layout) {
    double widthMm = study.nx() * study.affine().spacing(0);
    double heightMm = study.ny() * study.affine().spacing(1);
    return layout.networkPixelMm(configuredMm, size, widthMm, heightMm);
  }

  /**
   * @param study the study's reference grid
   * @param size pixels per side of the network input
   * @param pixelMm in-plane spacing of the network input, mm
   */
  public static ImageGrid of(ImageGrid study, int size, double pixelMm) {
    Affine a = study.affine();
    double[] m = a.rowMajor3x4();
    double si = a.spacing(0);
    double sj = a.spacing(1);
    double ci = (study.nx() - 1) / 2.0;
    double cj = (study.ny() - 1) / 2.0;
    double half = (size - 1) / 2.0;
    double[] out = new double[12];
    for (int r = 0; r < 3; r++) {
      double u = m[r * 4] / si;      // unit vector along index axis i
      double v = m[r * 4 + 1] / sj;  // unit vector along index axis j
      double centre = m[r * 4] * ci + m[r * 4 + 1] * cj + m[r * 4 + 3];
      out[r * 4] = u * pixelMm;
      out[r * 4 + 1] = v * pixelMm;
      out[r * 4 + 2] = m[r * 4 + 2];
      out[r * 4 + 3] = centre - half * pixelMm * (u + v);
    }
    return new ImageGrid(size, size, study.nz(), Affine.of(out));
  }
}
