package io.petal.image;

/**
 * Which of a voxel's 26 neighbours touch it, for 3D connected components.
 *
 * <p>autoPET's metrics and Petal's lesion tables use {@link #EDGE} (18-connectivity): voxels
 * that share a face or an edge are connected, voxels that share only a corner are not.
 */
public enum Connectivity {
  /** 6 neighbours: shared face. */
  FACE(1),
  /** 18 neighbours: shared face or edge. */
  EDGE(2),
  /** 26 neighbours: shared face, edge or corner. */
  VERTEX(3);

  private final int maxNonZeroOffsets;

  Connectivity(int maxNonZeroOffsets) {
    this.maxNonZeroOffsets = maxNonZeroOffsets;
  }

  /** Number of neighbours (6, 18 or 26). */
  public int neighbourCount() {
    return offsets().length;
  }

  /**
   * The neighbour offsets {di, dj, dk}, each in -1..1, excluding {0,0,0}: those with at most
   * 1 (face), 2 (edge) or 3 (vertex) non-zero components.
   */
  public int[][] offsets() {
    int[][] all = new int[26][];
    int n = 0;
    for (int dk = -1; dk <= 1; dk++) {
      for (int dj = -1; dj <= 1; dj++) {
        for (int di = -1; di <= 1; di++) {
          int nonZero = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
          if (nonZero > 0 && nonZero <= maxNonZeroOffsets) {
            all[n++] = new int[] {di, dj, dk};
          }
        }
      }
    }
    return java.util.Arrays.copyOf(all, n);
  }
}
