package io.petal.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Voxel arrays (float32, one per volume) that one thread reuses from study to study, so that an
 * ingest task does not allocate — and the JVM zero, and the collector reclaim — a fresh array per
 * volume of every study (about 50 MB per PET/CT study on the default grid).
 *
 * <p>{@link #apply(int)} hands out an array of exactly the requested length whose old content is
 * left in place (the caller overwrites every value, as the NIfTI reader does); {@link #reclaimAll()}
 * takes back every array handed out since its last call, once nothing refers to them any more.
 * Between studies the pool keeps at most {@code maxBytes} of arrays (the most recent ones), so the
 * memory it holds does not grow with the cohort. Not thread-safe: one pool per thread.
 */
final class VoxelArrayPool implements IntFunction<float[]> {
  private final long maxBytes;
  private final List<float[]> free = new ArrayList<>();
  private final List<float[]> lent = new ArrayList<>();

  /** @param maxBytes the most array memory (bytes) kept between studies */
  VoxelArrayPool(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** An array of exactly {@code length} values, reused when a free one fits; its content is unspecified. */
  @Override
  public float[] apply(int length) {
    float[] a = null;
    for (Iterator<float[]> it = free.iterator(); it.hasNext(); ) {
      float[] f = it.next();
      if (f.length == length) {
        it.remove();
        a = f;
        break;
      }
    }
    if (a == null) {
      a = new float[length];
    }
    lent.add(a);
    return a;
  }

  /**
   * Makes every array handed out since the last call free again, keeping the most recently lent
   * ones up to {@code maxBytes}; the caller must no longer use any of them.
   */
  void reclaimAll() {
    List<float[]> all = new ArrayList<>(lent);
    all.addAll(free);
    lent.clear();
    free.clear();
    long bytes = 0;
    for (float[] a : all) {
      long b = (long) a.length * Float.BYTES;
      if (bytes + b <= maxBytes) {
        free.add(a);
        bytes += b;
      }
    }
  }

  /** Bytes of arrays kept for reuse. */
  long freeBytes() {
    return free.stream().mapToLong(a -> (long) a.length * Float.BYTES).sum();
  }
}
