package io.petal.translate;

import java.io.Serializable;

/**
 * One study prepared for translation pretraining: its source and target channels on the network
 * grid as normalised network values ([slices, size, size] each, x fastest), and the centre slices
 * trained on (those with body). No label: every study of the training patients can be used,
 * normal or abnormal.
 *
 * @param sources one array per source channel, in the translator's source order
 * @param targets one array per target channel, in the translator's target order
 * @param centres slice indices trained on
 */
public record TranslationStudy(String studyKey, String patientKey, int size, float[][] sources, float[][] targets,
    int[] centres) implements Serializable {

  /** Number of slices. */
  public int slices() {
    return sources[0].length / (size * size);
  }

  /**
   * Copies the source window around {@code centre} into {@code out} at {@code offset}, laid out as
   * the translator reads it: [sources × (2·neighbours + 1), size, size], channel by channel, the
   * neighbouring slices of each in order (clamped at the first and last slice).
   */
  public void copySources(int centre, int neighbours, float[] out, int offset) {
    int plane = size * size;
    int at = offset;
    for (float[] channel : sources) {
      for (int d = -neighbours; d <= neighbours; d++) {
        int k = Math.min(slices() - 1, Math.max(0, centre + d));
        System.arraycopy(channel, k * plane, out, at, plane);
        at += plane;
      }
    }
  }

  /** Copies slice {@code centre} of every target channel into {@code out} at {@code offset}: [targets, size, size]. */
  public void copyTargets(int centre, float[] out, int offset) {
    int plane = size * size;
    for (int t = 0; t < targets.length; t++) {
      System.arraycopy(targets[t], centre * plane, out, offset + t * plane, plane);
    }
  }
}
