package io.petal.models.translate;

import java.util.SplittableRandom;

/**
 * Seeded toy translation batches for tests, in {@link TranslationModel}'s layout: two source
 * channels of smooth random blobs (values 0..1, one slice each) and one target channel that is a
 * fixed function of them, y = ½·a + ½·(1 − b), so a generator can learn it exactly.
 */
final class ToyTranslationPairs {
  final float[] source;
  final float[] target;

  private ToyTranslationPairs(int batch, int size) {
    source = new float[batch * 2 * size * size];
    target = new float[batch * size * size];
  }

  static ToyTranslationPairs of(int batch, int size, long seed) {
    ToyTranslationPairs t = new ToyTranslationPairs(batch, size);
    SplittableRandom r = new SplittableRandom(seed);
    int plane = size * size;
    for (int n = 0; n < batch; n++) {
      float[] a = blobs(r, size);
      float[] b = blobs(r, size);
      System.arraycopy(a, 0, t.source, (2 * n) * plane, plane);
      System.arraycopy(b, 0, t.source, (2 * n + 1) * plane, plane);
      for (int p = 0; p < plane; p++) {
        t.target[n * plane + p] = 0.5f * a[p] + 0.5f * (1 - b[p]);
      }
    }
    return t;
  }

  /** 1-3 Gaussian blobs (σ 1.5-4 px, peak 0.5-1) on a 0.1 background, clipped at 1. */
  private static float[] blobs(SplittableRandom r, int size) {
    float[] image = new float[size * size];
    java.util.Arrays.fill(image, 0.1f);
    int count = 1 + r.nextInt(3);
    for (int k = 0; k < count; k++) {
      double cx = r.nextDouble(size);
      double cy = r.nextDouble(size);
      double sigma = r.nextDouble(1.5, 4);
      double peak = r.nextDouble(0.5, 1);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
          image[y * size + x] = (float) Math.min(1, image[y * size + x] + peak * Math.exp(-d2 / (2 * sigma * sigma)));
        }
      }
    }
    return image;
  }

  /** Mean absolute difference of two equally long arrays. */
  static double meanAbsoluteError(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length;
  }
}
