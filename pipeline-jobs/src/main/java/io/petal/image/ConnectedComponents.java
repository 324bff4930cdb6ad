package io.petal.image;

import java.util.Arrays;

/**
 * Labels the 3D connected components of a binary mask (breadth-first flood fill, one pass).
 *
 * <p>The mask is a flat array on an {@code nx × ny × nz} grid, x fastest (the layout of
 * {@link Volume#data()} and of {@link ImageGrid#index}); a voxel is foreground when its value is
 * non-zero. Labels are 1..count in the order of each component's first voxel in that flat order,
 * so the labelling is deterministic; 0 is background.
 */
public final class ConnectedComponents {
  private final int[] labels;
  private final int[] sizes;

  private ConnectedComponents(int[] labels, int[] sizes) {
    this.labels = labels;
    this.sizes = sizes;
  }

  /** Components of the non-zero voxels of a float mask (e.g. a label volume). */
  public static ConnectedComponents of(float[] mask, int nx, int ny, int nz, Connectivity connectivity) {
    boolean[] foreground = new boolean[checkLength(mask.length, nx, ny, nz)];
    for (int v = 0; v < mask.length; v++) {
      foreground[v] = mask[v] != 0f;
    }
    return label(foreground, nx, ny, nz, connectivity);
  }

  /** Components of the non-zero voxels of a byte mask (e.g. a uint8 label tensor). */
  public static ConnectedComponents of(byte[] mask, int nx, int ny, int nz, Connectivity connectivity) {
    boolean[] foreground = new boolean[checkLength(mask.length, nx, ny, nz)];
    for (int v = 0; v < mask.length; v++) {
      foreground[v] = mask[v] != 0;
    }
    return label(foreground, nx, ny, nz, connectivity);
  }

  /** Components of the true voxels of a boolean mask. */
  public static ConnectedComponents of(boolean[] mask, int nx, int ny, int nz, Connectivity connectivity) {
    checkLength(mask.length, nx, ny, nz);
    return label(mask, nx, ny, nz, connectivity);
  }

  /** Components of the non-zero voxels of a volume. */
  public static ConnectedComponents of(Volume mask, Connectivity connectivity) {
    ImageGrid g = mask.grid();
    return of(mask.data(), g.nx(), g.ny(), g.nz(), connectivity);
  }

  /** Number of components. */
  public int count() {
    return sizes.length;
  }

  /** Per voxel: its component's label (1..count), or 0 for background. The array is shared, do not modify. */
  public int[] labels() {
    return labels;
  }

  /** Voxel count of component {@code label} (1..count). */
  public int size(int label) {
    return sizes[label - 1];
  }

  /** Voxel counts of all components, index 0 holding label 1. */
  public int[] sizes() {
    return sizes.clone();
  }

  private static ConnectedComponents label(boolean[] fg, int nx, int ny, int nz, Connectivity connectivity) {
    int[][] offsets = connectivity.offsets();
    int[] labels = new int[fg.length];
    int[] queue = new int[fg.length];
    int[] sizes = new int[16];
    int count = 0;
    int sliceSize = nx * ny;
    for (int seed = 0; seed < fg.length; seed++) {
      if (!fg[seed] || labels[seed] != 0) {
        continue;
      }
      int label = ++count;
      labels[seed] = label;
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      while (head < tail) {
        int v = queue[head++];
        int k = v / sliceSize;
        int rest = v - k * sliceSize;
        int j = rest / nx;
        int i = rest - j * nx;
        for (int[] d : offsets) {
          int ni = i + d[0];
          int nj = j + d[1];
          int nk = k + d[2];
          if (ni < 0 || nj < 0 || nk < 0 || ni >= nx || nj >= ny || nk >= nz) {
            continue;
          }
          int n = nk * sliceSize + nj * nx + ni;
          if (fg[n] && labels[n] == 0) {
            labels[n] = label;
            queue[tail++] = n;
          }
        }
      }
      if (count > sizes.length) {
        sizes = Arrays.copyOf(sizes, sizes.length * 2);
      }
      sizes[count - 1] = tail;
    }
    return new ConnectedComponents(labels, Arrays.copyOf(sizes, count));
  }

  private static int checkLength(int length, int nx, int ny, int nz) {
    if (nx <= 0 || ny <= 0 || nz <= 0) {
      throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " must be positive");
    }
    if ((long) nx * ny * nz != length) {
      throw new IllegalArgumentException("mask has " + length + " voxels, grid " + nx + "x" + ny + "x" + nz
          + " needs " + (long) nx * ny * nz);
    }
    return length;
  }
}
