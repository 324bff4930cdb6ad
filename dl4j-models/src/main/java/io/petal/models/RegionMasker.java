package io.petal.models;

import java.util.SplittableRandom;

/**
 * Draws the regions hidden from the PET branch during training: axis-aligned rectangles centred on
 * random body pixels, added until the requested fraction of the body is hidden.
 *
 * <p>Rectangle sides are drawn uniformly in [max(1, patch/2), patch] pixels and clipped at the
 * slice border. Training on such holes is what lets scoring hide hot voxels (SUV above a
 * threshold) and ask the network what normal uptake would look like there. A slice without body
 * pixels is treated as all body.
 */
final class RegionMasker {
  private static final int MAX_RECTANGLES = 10_000;

  private final int size;
  private final double fraction;
  private final int minSide;
  private final int maxSide;
  private final int[] candidates;

  /**
   * @param size slice height and width, pixels
   * @param fraction share of body pixels to hide, 0 ≤ f < 1
   * @param patchSize largest rectangle side, pixels
   */
  RegionMasker(int size, double fraction, int patchSize) {
    this.size = size;
    this.fraction = fraction;
    this.maxSide = patchSize;
    this.minSide = Math.max(1, patchSize / 2);
    this.candidates = new int[size * size];
  }

  /**
   * Marks one slice's hidden pixels with 1 in {@code hidden} (size × size values from
   * {@code hiddenOffset}, x fastest; other values set to 0).
   *
   * @param body 0/1 body mask of the slice, size × size values from {@code bodyOffset}
   * @return the number of hidden body pixels
   */
  int draw(float[] body, int bodyOffset, SplittableRandom random, float[] hidden, int hiddenOffset) {
    int plane = size * size;
    java.util.Arrays.fill(hidden, hiddenOffset, hiddenOffset + plane, 0f);
    int count = 0;
    for (int i = 0; i < plane; i++) {
      if (body[bodyOffset + i] > 0) {
        candidates[count++] = i;
      }
    }
    boolean wholeSlice = count == 0;
    if (wholeSlice) {
      for (int i = 0; i < plane; i++) {
        candidates[i] = i;
      }
      count = plane;
    }
    long target = (long) Math.ceil(fraction * count);
    long hiddenBody = 0;
    for (int r = 0; r < MAX_RECTANGLES && hiddenBody < target; r++) {
      int centre = candidates[random.nextInt(count)];
      int h = random.nextInt(minSide, maxSide + 1);
      int w = random.nextInt(minSide, maxSide + 1);
      int y0 = Math.max(0, centre / size - h / 2);
      int x0 = Math.max(0, centre % size - w / 2);
      int y1 = Math.min(size, y0 + h);
      int x1 = Math.min(size, x0 + w);
      for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
          int i = y * size + x;
          if (hidden[hiddenOffset + i] == 0f) {
            hidden[hiddenOffset + i] = 1f;
            if (wholeSlice || body[bodyOffset + i] > 0) {
              hiddenBody++;
            }
          }
        }
      }
    }
    return (int) hiddenBody;
  }
}
