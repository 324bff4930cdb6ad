package io.petal.segmentation;

import io.petal.training.NetworkStack;
import java.io.Serializable;

/**
 * One study prepared for the segmentation network: PET and CT on the network grid, its lesion
 * label there (0/1 floats [slices, size, size], nearest-neighbour from the study grid; all zero
 * for normal studies), the SUV threshold its anomaly prior uses, and its training samples.
 *
 * @param samples centre slices trained on
 * @param synthetic whether lesions are inserted into this study's samples (normal studies under
 *     {@link LabelSource#SYNTHETIC} or {@link LabelSource#BOTH})
 */
public record SegmentationStudy(String studyKey, String patientKey, NetworkStack stack, float[] label,
    double thresholdSuv, int[] samples, boolean synthetic) implements Serializable {

  /** The label of slice {@code k}, copied into {@code out} at {@code offset} ([size, size]). */
  public void copyLabel(int k, float[] out, int offset) {
    int plane = stack.grid().sliceSize();
    System.arraycopy(label, k * plane, out, offset, plane);
  }
}
