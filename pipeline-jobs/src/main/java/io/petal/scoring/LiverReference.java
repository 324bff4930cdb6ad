package io.petal.scoring;

import io.petal.image.ImageGrid;
import io.petal.tables.StudyImages;
import java.util.Arrays;

/**
 * An automatic liver reference (SUVmean) for liver-relative thresholds, from CT and PET alone.
 *
 * <p>Heuristic, stated so that it can be checked: the liver is the largest soft-tissue organ on
 * the patient's right. Candidate voxels are CT 30–80 HU (unenhanced liver parenchyma) on the
 * patient's right of the body's centre (LPS x below the body voxels' mean x in that slice). The
 * axial slice with the most candidate voxels, and the two slices on each side, form the
 * reference region; the liver SUVmean is the mean SUV of its candidates between their 25th and
 * 75th percentile (an interquartile mean, robust to muscle, vessels and lesions in the region).
 * Studies with fewer than {@link #MIN_VOXELS} candidates fail with a reason naming the study.
 */
public final class LiverReference {
  /** Fewest candidate voxels that make a reference. */
  public static final int MIN_VOXELS = 50;
  static final float SOFT_TISSUE_MIN_HU = 30;
  static final float SOFT_TISSUE_MAX_HU = 80;
  static final float BODY_MIN_HU = -500;
  private static final int HALF_SLAB = 2;

  private LiverReference() {}

  /** Liver SUVmean of the study (needs PET and CT channels). */
  public static double meanSuv(StudyImages study) {
    ImageGrid g = study.grid();
    float[] pet = study.channel("PET").data();
    float[] ct = study.channel("CT").data();
    boolean[] candidate = new boolean[g.voxelCount()];
    int[] perSlice = new int[g.nz()];
    for (int k = 0; k < g.nz(); k++) {
      perSlice[k] = markRightSoftTissue(g, ct, k, candidate);
    }
    int best = 0;
    for (int k = 1; k < g.nz(); k++) {
      if (perSlice[k] > perSlice[best]) {
        best = k;
      }
    }
    int n = 0;
    for (int k = Math.max(0, best - HALF_SLAB); k <= Math.min(g.nz() - 1, best + HALF_SLAB); k++) {
      n += perSlice[k];
    }
    if (n < MIN_VOXELS) {
      throw new IllegalArgumentException("study " + study.info().studyKey() + ": no liver reference found (" + n
          + " soft-tissue voxels on the patient's right); use a fixed --suv-threshold");
    }
    float[] values = new float[n];
    int i = 0;
    int plane = g.sliceSize();
    for (int k = Math.max(0, best - HALF_SLAB); k <= Math.min(g.nz() - 1, best + HALF_SLAB); k++) {
      for (int v = k * plane; v < (k + 1) * plane; v++) {
        if (candidate[v]) {
          values[i++] = pet[v];
        }
      }
    }
    Arrays.sort(values);
    double sum = 0;
    int from = n / 4;
    int to = Math.max(from + 1, (3 * n) / 4);
    for (int j = from; j < to; j++) {
      sum += values[j];
    }
    return sum / (to - from);
  }

  /** Marks slice k's soft-tissue voxels right of the body centre; returns how many. */
  private static int markRightSoftTissue(ImageGrid g, float[] ct, int k, boolean[] candidate) {
    double[] m = g.affine().rowMajor3x4();
    double sumX = 0;
    int body = 0;
    for (int j = 0; j < g.ny(); j++) {
      for (int i = 0; i < g.nx(); i++) {
        if (ct[g.index(i, j, k)] > BODY_MIN_HU) {
          sumX += m[0] * i + m[1] * j + m[2] * k + m[3];
          body++;
        }
      }
    }
    if (body == 0) {
      return 0;
    }
    double centreX = sumX / body;
    int count = 0;
    for (int j = 0; j < g.ny(); j++) {
      for (int i = 0; i < g.nx(); i++) {
        int v = g.index(i, j, k);
        double x = m[0] * i + m[1] * j + m[2] * k + m[3];
        if (ct[v] >= SOFT_TISSUE_MIN_HU && ct[v] <= SOFT_TISSUE_MAX_HU && x < centreX) {
          candidate[v] = true;
          count++;
        }
      }
    }
    return count;
  }
}
