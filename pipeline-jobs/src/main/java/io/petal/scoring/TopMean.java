package io.petal.scoring;

/**
 * The slice score: the mean of the {@code k} largest values of a run of an array, found by
 * selection (one pass keeping the k largest in order) instead of sorting the whole slice.
 *
 * <p>Values are ordered as {@link Float#compare} orders them (NaN above every number, −0 below
 * +0), exactly as {@link java.util.Arrays#sort(float[])} does, and the k largest are summed in
 * double precision in ascending order, so the result equals that of sorting the run and averaging
 * its last k entries, bit for bit.
 */
public final class TopMean {
  private TopMean() {}

  /**
   * Mean of the {@code min(k, count)} largest of {@code values[offset .. offset + count)}.
   *
   * @param k how many values, at least 1
   */
  public static float of(float[] values, int offset, int count, int k) {
    if (k < 1 || count < 1) {
      throw new IllegalArgumentException("need k >= 1 and a non-empty run, got k " + k + ", " + count + " values");
    }
    int n = Math.min(k, count);
    float[] top = new float[n]; // the largest seen so far, ascending; top[0] is the smallest kept
    int kept = 0;
    for (int v = offset; v < offset + count; v++) {
      float x = values[v];
      if (kept < n) {
        int i = kept++;
        for (; i > 0 && Float.compare(top[i - 1], x) > 0; i--) {
          top[i] = top[i - 1];
        }
        top[i] = x;
      } else if (Float.compare(x, top[0]) > 0) {
        int i = 0; // drop top[0], move the smaller kept values down, put x above them
        for (; i + 1 < n && Float.compare(top[i + 1], x) < 0; i++) {
          top[i] = top[i + 1];
        }
        top[i] = x;
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += top[i];
    }
    return (float) (sum / n);
  }
}
