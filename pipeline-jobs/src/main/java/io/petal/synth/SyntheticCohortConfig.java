package io.petal.synth;

import io.petal.schema.StudyKind;
import java.io.Serializable;

/**
 * The settings of one kind's synthetic cohort generator ({@link SynthConfig} for PET/CT,
 * {@link io.petal.synth.brain.BrainMriConfig}, {@link io.petal.synth.bone.BoneScanConfig}): what
 * {@code petal synth --kind} hands to the job, which picks the kind's study writer by
 * {@link #kind()}.
 */
public interface SyntheticCohortConfig extends Serializable {
  /** The kind of study these settings generate. */
  StudyKind kind();
}
