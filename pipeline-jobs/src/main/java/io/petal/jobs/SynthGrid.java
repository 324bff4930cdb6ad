package io.petal.jobs;

import io.petal.schema.StudyKind;
import io.petal.synth.SynthConfig;
import io.petal.synth.SyntheticCohortConfig;
import io.petal.synth.bone.BoneScanConfig;
import io.petal.synth.brain.BrainMriConfig;

/**
 * Named image grids for {@code petal synth --grid} and {@code petal demo --grid}, per study kind:
 * the standard one for real runs, a small one for quick runs and tests.
 */
public enum SynthGrid {
  /**
   * PET/CT: 4 mm voxels over 512 mm × 1 m ({@link SynthConfig#defaults()}); brain MRI: 96×96×64
   * voxels of 2 mm; bone scans: 128 × 512 pixels of 4 mm.
   */
  standard(SynthConfig.defaults(), BrainMriConfig.defaults(), BoneScanConfig.defaults()),
  /**
   * PET/CT: 6.4 × 6.4 × 8 mm ({@link SynthConfig#small()}); brain MRI: 48×48×32 voxels of 4 mm;
   * bone scans: 64 × 256 pixels of 8 mm.
   */
  small(SynthConfig.small(), BrainMriConfig.small(), BoneScanConfig.small());

  private final SynthConfig config;
  private final BrainMriConfig brain;
  private final BoneScanConfig bone;

  SynthGrid(SynthConfig config, BrainMriConfig brain, BoneScanConfig bone) {
    this.config = config;
    this.brain = brain;
    this.bone = bone;
  }

  /** The PET/CT settings of this grid. */
  public SynthConfig config() {
    return config;
  }

  /**
   * The settings of {@code kind} on this grid; for brain MRI and bone scans {@code spacingMm}, when
   * not null, replaces the voxel or pixel size (the field of view stays).
   *
   * @throws IllegalArgumentException for a spacing with PET/CT, whose grids are fixed presets
   */
  public SyntheticCohortConfig config(StudyKind kind, Double spacingMm) {
    return switch (kind) {
      case PET_CT -> {
        if (spacingMm != null) {
          throw new IllegalArgumentException("--spacing applies to brain-mri and spect-bone; PET/CT uses --grid");
        }
        yield config;
      }
      case BRAIN_MRI -> spacingMm == null ? brain : BrainMriConfig.forSpacing(spacingMm);
      case SPECT_BONE -> spacingMm == null ? bone : BoneScanConfig.forSpacing(spacingMm);
    };
  }
}
