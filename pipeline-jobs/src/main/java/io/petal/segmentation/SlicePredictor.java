package io.petal.segmentation;

import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;

/**
 * Lesion probabilities of chosen slices of a prepared study, in batches: 2.5D windows, the prior
 * (when the model uses one), {@link SegmentationModel#predict}.
 */
final class SlicePredictor {
  private final SegmentationModel model;
  private final PriorMaps priors;
  private final int batchSize;

  SlicePredictor(SegmentationModel model, PriorMaps priors, int batchSize) {
    this.model = model;
    this.priors = priors;
    this.batchSize = batchSize;
  }

  /** Probabilities [slices.length, size, size] (0..1) of the given centre slices. */
  float[] predict(SegmentationStudy study, int[] slices) {
    SegmentationConfig c = model.config();
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    float[] out = new float[slices.length * plane];
    for (int first = 0; first < slices.length; first += batchSize) {
      int n = Math.min(batchSize, slices.length - first);
      float[] pet = new float[n * window];
      float[] ct = new float[n * window];
      double[] thresholds = new double[n];
      for (int j = 0; j < n; j++) {
        study.stack().copyWindow(slices[first + j], c.neighbours(), pet, ct, j * window);
        thresholds[j] = study.thresholdSuv();
      }
      float[] prior = c.usePrior() ? priors.of(pet, ct, n, thresholds, plane) : null;
      System.arraycopy(model.predict(pet, ct, prior, n), 0, out, first * plane, n * plane);
    }
    return out;
  }
}
