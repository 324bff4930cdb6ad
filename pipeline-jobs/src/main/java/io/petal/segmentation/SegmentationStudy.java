package io.petal.segmentation;

import io.petal.models.ModelChannels;
import io.petal.training.NetworkStack;
import java.io.Serializable;

/**
 * One study prepared for the segmentation network: its channels on the network grid, its label
 * values there ([slices, size, size] floats of the label values 0..255, nearest-neighbour from the
 * study grid; all zero for normal studies), the threshold its anomaly prior hides above, and its
 * training samples.
 *
 * @param pixelMm the in-plane pixel spacing of the network grid, mm
 * @param threshold the masked-branch threshold of the study's prior ({@link io.petal.scoring.MaskThreshold})
 * @param samples centre slices trained on
 * @param synthetic whether lesions are inserted into this study's samples (normal PET/CT studies
 *     under {@link LabelSource#SYNTHETIC} or {@link LabelSource#BOTH})
 */
public record SegmentationStudy(String studyKey, String patientKey, NetworkStack stack, double pixelMm, float[] label,
    double threshold, int[] samples, boolean synthetic) implements Serializable {

  /**
   * The region targets of slice {@code k} ({@link ModelChannels#regionTargets}), copied into
   * {@code out} at {@code offset}: [regions, size, size] of 0/1.
   */
  public void copyLabels(int k, ModelChannels layout, float[] out, int offset) {
    int plane = stack.grid().sliceSize();
    layout.regionTargets(label, k * plane, plane, out, offset);
  }
}
