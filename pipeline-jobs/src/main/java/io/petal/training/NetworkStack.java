package io.petal.training;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.ImageGrid;
import io.petal.tables.StudyImages;
import java.io.Serializable;

/**
 * A study's PET and CT on the network grid ({@link NetworkGrid}): [slices, size, size] float
 * arrays, x fastest, PET in SUV and CT in HU; outside the study's field of view PET is 0 and CT
 * is air (−1000 HU).
 */
public record NetworkStack(ImageGrid grid, float[] pet, float[] ct) implements Serializable {
  /** PET value outside the study's field of view, SUV. */
  public static final float PET_OUTSIDE = 0f;
  /** CT value outside the study's field of view, HU (air). */
  public static final float CT_OUTSIDE = -1000f;

  public NetworkStack {
    if (pet.length != grid.voxelCount() || ct.length != grid.voxelCount()) {
      throw new IllegalArgumentException("PET/CT stacks must hold " + grid.nz() + " slices of " + grid.nx() + "x"
          + grid.ny());
    }
  }

  /** The study's PET and CT channels resampled in-plane onto {@code size × size} pixels of {@code pixelMm}. */
  public static NetworkStack of(StudyImages study, int size, double pixelMm) {
    ImageGrid target = NetworkGrid.of(study.grid(), size, pixelMm);
    return new NetworkStack(target,
        Resampler.resample(study.channel("PET"), target, Interpolation.LINEAR, PET_OUTSIDE).data(),
        Resampler.resample(study.channel("CT"), target, Interpolation.LINEAR, CT_OUTSIDE).data());
  }

  /** Pixels per side. */
  public int size() {
    return grid.nx();
  }

  /** Number of slices. */
  public int slices() {
    return grid.nz();
  }

  /**
   * Copies the 2.5D window around {@code centre} (neighbours clamped at the first and last slice)
   * into {@code petOut}/{@code ctOut} at {@code offset}: [2·neighbours+1, size, size] each.
   */
  public void copyWindow(int centre, int neighbours, float[] petOut, float[] ctOut, int offset) {
    int plane = grid.sliceSize();
    for (int d = -neighbours; d <= neighbours; d++) {
      int k = Math.min(slices() - 1, Math.max(0, centre + d));
      int dst = offset + (d + neighbours) * plane;
      System.arraycopy(pet, k * plane, petOut, dst, plane);
      System.arraycopy(ct, k * plane, ctOut, dst, plane);
    }
  }
}
