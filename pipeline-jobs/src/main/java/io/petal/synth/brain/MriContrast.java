package io.petal.synth.brain;

import io.petal.schema.StudyKind;

/**
 * The four MRI contrasts of a BraTS study, in the channel order of {@link StudyKind#BRAIN_MRI},
 * with the scale a scanner gives each (arbitrary units per unit of relative signal; varied per
 * patient by {@link MriAcquisition}).
 */
public enum MriContrast {
  /** Native T1-weighted. */
  T1("t1", 800),
  /** T1-weighted after gadolinium. */
  T1CE("t1ce", 900),
  /** T2-weighted. */
  T2("t2", 1200),
  /** T2-weighted fluid-attenuated inversion recovery. */
  FLAIR("flair", 600);

  private final String channel;
  private final double nominalGain;

  MriContrast(String channel, double nominalGain) {
    this.channel = channel;
    this.nominalGain = nominalGain;
  }

  /** The channel name, also the BraTS file suffix ({@code <case>_<channel>.nii.gz}). */
  public String channel() {
    return channel;
  }

  /** Arbitrary units per unit of relative signal, before per-patient variation. */
  double nominalGain() {
    return nominalGain;
  }
}
