package io.petal.baselines;

/**
 * A baseline's prediction for one study, on the study's grid ({@code nx·ny·nz} values, x fastest).
 *
 * @param probability the method's soft score mapped to [0, 1] (what {@code masks.probability} holds;
 *     each method states its mapping)
 * @param label 1 for lesion, 0 for background (what {@code masks.label} holds)
 */
public record PredictedMask(float[] probability, byte[] label) {

  public PredictedMask {
    if (probability.length != label.length) {
      throw new IllegalArgumentException("probability has " + probability.length + " voxels, label "
          + label.length);
    }
  }

  /** Number of lesion voxels. */
  public long lesionVoxels() {
    long n = 0;
    for (byte b : label) {
      n += b != 0 ? 1 : 0;
    }
    return n;
  }
}
