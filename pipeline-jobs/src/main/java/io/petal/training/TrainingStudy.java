package io.petal.training;

import java.io.Serializable;

/**
 * One study on the network grid, with the centre slices it may be trained on.
 *
 * <p>{@code pet} and {@code ct} are [slices, size, size] float arrays, x fastest: PET in SUV and
 * CT in HU, every slice of the study resampled in-plane onto {@link NetworkGrid}. {@code centres}
 * lists the slice indices that the normal-slice rule accepted as training targets; their
 * neighbours (the 2.5D channels) may be any slice.
 */
public record TrainingStudy(String studyKey, int size, int slices, float[] pet, float[] ct, int[] centres)
    implements Serializable {

  public TrainingStudy {
    long plane = (long) size * size;
    if (pet.length != plane * slices || ct.length != plane * slices) {
      throw new IllegalArgumentException("study " + studyKey + ": PET/CT stacks must hold " + slices + " slices of "
          + size + "x" + size);
    }
  }

  /**
   * Copies the 2.5D window around {@code centre} (neighbours clamped at the first and last slice)
   * into {@code petOut}/{@code ctOut} at {@code offset}: [2·neighbours+1, size, size] each.
   */
  public void copyWindow(int centre, int neighbours, float[] petOut, float[] ctOut, int offset) {
    int plane = size * size;
    for (int d = -neighbours; d <= neighbours; d++) {
      int k = Math.min(slices - 1, Math.max(0, centre + d));
      int dst = offset + (d + neighbours) * plane;
      System.arraycopy(pet, k * plane, petOut, dst, plane);
      System.arraycopy(ct, k * plane, ctOut, dst, plane);
    }
  }
}
