package io.petal.models.seg;

import java.util.SplittableRandom;

/**
 * Seeded toy segmentation batches for tests, layout as {@link SegmentationModel} expects: PET and CT
 * [batch, slices, size, size], labels and prior [batch, size, size], x fastest. The whole field is
 * body (CT ≈ 40 HU).
 */
final class ToyLesionSlices {
  final int batch;
  final int slices;
  final int size;
  final float[] petSuv;
  final float[] ctHu;
  final float[] labels;
  final float[] prior;
  /** [batch, 2] report features of {@link #lesionNamedByText}: (1, 0) or (0, 1); else all 0. */
  final float[] text;

  private ToyLesionSlices(int batch, int slices, int size) {
    this.batch = batch;
    this.slices = slices;
    this.size = size;
    petSuv = new float[batch * slices * size * size];
    ctHu = new float[petSuv.length];
    labels = new float[batch * size * size];
    prior = new float[labels.length];
    text = new float[batch * 2];
  }

  /**
   * PET SUV 1 ± 0.1 with 1-3 hot discs (SUV 4, radius 2-4 px) through all slices; label = centre
   * slice SUV above 2.5, learnable from PET alone. Prior: all zero.
   */
  static ToyLesionSlices hotDiscs(int batch, int slices, int size, long seed) {
    ToyLesionSlices t = new ToyLesionSlices(batch, slices, size);
    SplittableRandom r = new SplittableRandom(seed);
    float[] discs = new float[size * size];
    for (int n = 0; n < batch; n++) {
      t.drawDiscs(r, discs);
      for (int c = 0; c < slices; c++) {
        for (int p = 0; p < size * size; p++) {
          int i = (n * slices + c) * size * size + p;
          t.petSuv[i] = (float) (1 + 3 * discs[p] + 0.1 * r.nextGaussian());
          t.ctHu[i] = (float) (40 + 10 * r.nextGaussian());
          if (c == slices / 2) {
            t.labels[n * size * size + p] = t.petSuv[i] > 2.5f ? 1f : 0f;
          }
        }
      }
    }
    return t;
  }

  /**
   * Labels are random discs that PET and CT (pure noise) know nothing about; the prior is the
   * label × {@code priorValue}: only a model that reads the prior can segment.
   */
  static ToyLesionSlices discsOnlyInThePrior(int batch, int slices, int size, float priorValue, long seed) {
    ToyLesionSlices t = new ToyLesionSlices(batch, slices, size);
    SplittableRandom r = new SplittableRandom(seed);
    float[] discs = new float[size * size];
    for (int n = 0; n < batch; n++) {
      t.drawDiscs(r, discs);
      for (int p = 0; p < size * size; p++) {
        t.labels[n * size * size + p] = discs[p];
        t.prior[n * size * size + p] = discs[p] * priorValue;
      }
      for (int c = 0; c < slices; c++) {
        for (int p = 0; p < size * size; p++) {
          int i = (n * slices + c) * size * size + p;
          t.petSuv[i] = (float) (1.5 + 0.5 * r.nextGaussian());
          t.ctHu[i] = (float) (40 + 10 * r.nextGaussian());
        }
      }
    }
    return t;
  }

  /**
   * Every sample has hot discs in PET (SUV 4 on 1) and, elsewhere, dense discs in CT (+400 HU on
   * 40); its two-term "report" (1, 0) says the PET finding is the lesion, (0, 1) the CT finding,
   * each with probability 1/2, and the label is the named finding. The images alone cannot tell
   * which finding is labelled.
   */
  static ToyLesionSlices lesionNamedByText(int batch, int size, long seed) {
    ToyLesionSlices t = new ToyLesionSlices(batch, 1, size);
    SplittableRandom r = new SplittableRandom(seed);
    float[] hot = new float[size * size];
    float[] dense = new float[size * size];
    int plane = size * size;
    for (int n = 0; n < batch; n++) {
      do {
        t.drawDiscs(r, hot);
        t.drawDiscs(r, dense);
      } while (overlap(hot, dense));
      boolean petNamed = r.nextBoolean();
      t.text[2 * n + (petNamed ? 0 : 1)] = 1f;
      for (int p = 0; p < plane; p++) {
        int i = n * plane + p;
        t.petSuv[i] = (float) (1 + 3 * hot[p] + 0.1 * r.nextGaussian());
        t.ctHu[i] = (float) (40 + 400 * dense[p] + 10 * r.nextGaussian());
        t.labels[i] = petNamed ? hot[p] : dense[p];
      }
    }
    return t;
  }

  private static boolean overlap(float[] a, float[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] > 0 && b[i] > 0) {
        return true;
      }
    }
    return false;
  }

  private void drawDiscs(SplittableRandom r, float[] discs) {
    java.util.Arrays.fill(discs, 0f);
    int count = r.nextInt(1, 4);
    for (int k = 0; k < count; k++) {
      double radius = r.nextDouble(2, 4);
      double cx = r.nextDouble(radius, size - radius);
      double cy = r.nextDouble(radius, size - radius);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (Math.hypot(x - cx, y - cy) <= radius) {
            discs[y * size + x] = 1f;
          }
        }
      }
    }
  }

  /** Dice of the probabilities thresholded at 0.5 against binary labels, over the whole batch. */
  static double dice(float[] probabilities, float[] labels) {
    double both = 0;
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean predicted = probabilities[i] >= 0.5f;
      boolean truth = labels[i] > 0.5f;
      both += predicted && truth ? 1 : 0;
      sum += (predicted ? 1 : 0) + (truth ? 1 : 0);
    }
    return sum == 0 ? 1 : 2 * both / sum;
  }
}
