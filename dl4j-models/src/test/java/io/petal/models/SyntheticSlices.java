package io.petal.models;

import java.util.SplittableRandom;

/**
 * Seeded synthetic PET/CT slice stacks for tests: an elliptical body (soft tissue ≈ 40 HU in air
 * at −1000 HU) with a denser spine-like disc, PET background SUV ≈ 1 with a warmer organ-like
 * blob, plus mild noise. Layout [batch, slices, size, size], x fastest.
 */
final class SyntheticSlices {
  final float[] petSuv;
  final float[] ctHu;
  final int batch;
  final int slices;
  final int size;

  SyntheticSlices(int batch, int slices, int size, long seed) {
    this.batch = batch;
    this.slices = slices;
    this.size = size;
    petSuv = new float[batch * slices * size * size];
    ctHu = new float[petSuv.length];
    SplittableRandom r = new SplittableRandom(seed);
    for (int n = 0; n < batch; n++) {
      double rx = size * (0.32 + 0.08 * r.nextDouble());
      double ry = size * (0.22 + 0.08 * r.nextDouble());
      double bx = size * (0.4 + 0.2 * r.nextDouble());
      double by = size * (0.4 + 0.1 * r.nextDouble());
      for (int c = 0; c < slices; c++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            int i = ((n * slices + c) * size + y) * size + x;
            double ex = (x - size / 2.0) / rx;
            double ey = (y - size / 2.0) / ry;
            boolean body = ex * ex + ey * ey < 1;
            double spine = Math.hypot(x - size / 2.0, y - size * 0.62);
            double blob = Math.hypot(x - bx, y - by + c);
            ctHu[i] = (float) (body ? (spine < size * 0.06 ? 700 : 40) + 10 * r.nextGaussian() : -1000);
            petSuv[i] = (float) (body ? 1.0 + (blob < size * 0.1 ? 2.0 : 0) + 0.1 * r.nextGaussian() : 0.02);
          }
        }
      }
    }
  }

  /** Number of values of one centre-slice plane stack, batch × size × size. */
  int planes() {
    return batch * size * size;
  }
}
