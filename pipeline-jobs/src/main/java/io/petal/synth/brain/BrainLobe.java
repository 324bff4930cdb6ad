package io.petal.synth.brain;

import io.petal.synth.Vec3;

/** Where in a hemisphere a tumour centre lies, from its position in the reference head frame. */
public enum BrainLobe {
  FRONTAL, PARIETAL, TEMPORAL, OCCIPITAL,
  /** Deep white matter and nuclei around the ventricles. */
  DEEP;

  /** Frontal in front of y = {@value #FRONTAL_Y_MM} mm, occipital behind y = {@value #OCCIPITAL_Y_MM} mm. */
  static final double FRONTAL_Y_MM = -25;
  static final double OCCIPITAL_Y_MM = 40;
  /** Parietal above z = {@value #PARIETAL_Z_MM} mm; temporal below it and lateral to |x| = {@value #TEMPORAL_X_MM} mm. */
  static final double PARIETAL_Z_MM = 15;
  static final double TEMPORAL_X_MM = 30;

  /** The lobe of head-frame point {@code q} (mm). */
  static BrainLobe of(Vec3 q) {
    if (q.y() < FRONTAL_Y_MM) {
      return FRONTAL;
    }
    if (q.y() > OCCIPITAL_Y_MM) {
      return OCCIPITAL;
    }
    if (q.z() > PARIETAL_Z_MM) {
      return PARIETAL;
    }
    return Math.abs(q.x()) > TEMPORAL_X_MM ? TEMPORAL : DEEP;
  }
}
