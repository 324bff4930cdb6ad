package io.petal.models;

import java.util.SplittableRandom;

/**
 * Hides the hot voxels of some training samples from the masked branch, the kind of hole scoring
 * makes: scoring hides every voxel above the threshold (SUV 2.5 for PET by default), which in a
 * normal PET is the brain, the heart, the kidneys, the bladder and, in a hot liver, most of it.
 * Rectangles alone ({@link RegionMasker}) never teach the network to fill such organ-shaped holes
 * from their context, so at scoring it filled them with whatever was near, and the organs' residuals
 * outranked the lesions.
 *
 * <p>A sample is chosen with probability {@code probability}; its threshold is drawn uniformly in
 * [{@link AutoencoderConfig#HOT_THRESHOLD_LOW}, {@link AutoencoderConfig#HOT_THRESHOLD_HIGH}] ×
 * {@code threshold}, so that studies scored with other thresholds (liver-relative ones) are
 * covered too; every centre-slice voxel where one of the masked channels lies above it is hidden.
 * Scoring also grows its holes in-plane (12 mm for PET by default, the pipeline's
 * {@code io.petal.scoring.MaskDilation}); the holes drawn here are the threshold's alone, not grown.
 */
final class HotVoxelMasker {
  private final int plane;
  private final int slices;
  private final double probability;
  private final double threshold;

  /**
   * @param size slice height and width, pixels
   * @param slices slices per channel in a sample (2·neighbours + 1); the centre one is tested
   * @param probability share of samples whose hot voxels are hidden, 0 ≤ p ≤ 1
   * @param threshold masked-branch value around which thresholds are drawn, stack unit (SUV, or
   *     a multiple of the study's robust scale)
   */
  HotVoxelMasker(int size, int slices, double probability, double threshold) {
    this.plane = size * size;
    this.slices = slices;
    this.probability = probability;
    this.threshold = threshold;
  }

  /**
   * Marks the hot centre-slice voxels of one sample with 1 in {@code hidden} (size × size values
   * from {@code hiddenOffset}; voxels already hidden stay hidden), when the sample is drawn.
   *
   * @param images per input channel, [batch, slices, size, size] in stack units
   * @param masked indices of the masked branch's channels in {@code images}
   * @param sample the sample's index in the batch
   * @return the number of voxels this call hid that were not hidden before
   */
  int draw(float[][] images, int[] masked, int sample, SplittableRandom random, float[] hidden, int hiddenOffset) {
    if (probability == 0 || random.nextDouble() >= probability) {
      return 0;
    }
    double t = threshold * (AutoencoderConfig.HOT_THRESHOLD_LOW
        + random.nextDouble() * (AutoencoderConfig.HOT_THRESHOLD_HIGH - AutoencoderConfig.HOT_THRESHOLD_LOW));
    int centre = (sample * slices + slices / 2) * plane;
    int added = 0;
    for (int i = 0; i < plane; i++) {
      if (hidden[hiddenOffset + i] == 0f && isHot(images, masked, centre + i, t)) {
        hidden[hiddenOffset + i] = 1f;
        added++;
      }
    }
    return added;
  }

  private static boolean isHot(float[][] images, int[] masked, int index, double t) {
    for (int c : masked) {
      if (images[c][index] > t) {
        return true;
      }
    }
    return false;
  }
}
