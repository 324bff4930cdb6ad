package io.petal.segmentation;

import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.training.NetworkStack;

/**
 * Region probabilities of chosen slices of a prepared study, in batches: 2.5D windows of every
 * channel, the prior (when the model uses one), the study's report features (when the model has a
 * text path), {@link SegmentationModel#predict}.
 */
final class SlicePredictor {
  private final SegmentationModel model;
  private final PriorMaps priors;
  private final ReportFeatures text;
  private final int batchSize;

  /** @param text the studies' report features; null exactly when the model has no text path */
  SlicePredictor(SegmentationModel model, PriorMaps priors, ReportFeatures text, int batchSize) {
    this.model = model;
    this.priors = priors;
    this.text = text;
    this.batchSize = batchSize;
  }

  /** Probabilities [slices.length, regions, size, size] (0..1) of the given centre slices. */
  float[] predict(SegmentationStudy study, int[] slices) {
    SegmentationConfig c = model.config();
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    int perSlice = c.regions() * plane;
    float[] out = new float[slices.length * perSlice];
    for (int first = 0; first < slices.length; first += batchSize) {
      int n = Math.min(batchSize, slices.length - first);
      float[][] images = NetworkStack.windows(c.channels().count(), n, c.slices(), c.size());
      double[] thresholds = new double[n];
      double[] pixelMm = new double[n];
      for (int j = 0; j < n; j++) {
        study.stack().copyWindow(slices[first + j], c.neighbours(), images, j * window);
        thresholds[j] = study.threshold();
        pixelMm[j] = study.pixelMm();
      }
      float[] prior = c.usePrior() ? priors.of(images, n, thresholds, pixelMm, plane) : null;
      System.arraycopy(model.predict(images, prior, text == null ? null : text.repeated(study.studyKey(), n), n), 0, out, first * perSlice, n * perSlice);
    }
    return out;
  }
}
