package io.petal.jobs;

import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.scoring.ScoringSettings;
import io.petal.synth.SynthConfig;

/**
 * Small settings under which the whole pipeline trains in seconds, for end-to-end job tests:
 * a coarse synthetic grid and small networks, one epoch each.
 */
final class TinyPipeline {
  /**
   * 40 × 40 voxels of 12.8 mm, 68 slices of 16 mm (the synthetic cohort's 512 mm × 1088 mm
   * coverage), up to 3 lesions, no brown fat.
   */
  static final SynthConfig GRID = new SynthConfig(40, 40, 68, 12.8, 16.0, 7.0, 3, 0.0);
  /** 32 × 32 network pixels of 16 mm, two levels of 4 and 8 filters. */
  static final AutoencoderConfig AUTOENCODER = AutoencoderConfig.defaults().toBuilder()
      .size(32).pixelSpacingMm(16).depth(2).baseFilters(4).latentChannels(8).maskPatchSize(8).learningRate(2e-3)
      .build();
  /** U-Net of two levels of 4 and 8 filters (on the autoencoder's grid). */
  static final SegmentationConfig SEGMENTATION = SegmentationConfig.defaults().toBuilder()
      .baseFilters(4).depth(2).learningRate(3e-3).build();
  static final int EPOCHS = 1;

  private TinyPipeline() {}

  /** {@code petal evaluate --folds K}'s trainer with these settings. */
  static PipelineFoldTrainer foldTrainer() {
    return new PipelineFoldTrainer(EPOCHS, EPOCHS, AUTOENCODER, SEGMENTATION, ScoringSettings.DEFAULT);
  }
}
