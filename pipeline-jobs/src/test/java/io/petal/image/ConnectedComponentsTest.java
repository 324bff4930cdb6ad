package io.petal.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  private static final int N = 3;

  /** Two voxels in a 3x3x3 grid: the centre and one neighbour at offset (di, dj, dk). */
  @ParameterizedTest(name = "offset ({0},{1},{2}) -> {3} components under {4}")
  @CsvSource({
      "1,0,0, 1, FACE", "1,0,0, 1, EDGE", "1,0,0, 1, VERTEX",
      "1,1,0, 2, FACE", "1,1,0, 1, EDGE", "0,1,1, 1, EDGE", "1,1,0, 1, VERTEX",
      "1,1,1, 2, FACE", "1,1,1, 2, EDGE", "1,1,1, 1, VERTEX"})
  void neighbourTouchesOnlyUnderItsConnectivity(int di, int dj, int dk, int expected, Connectivity c) {
    float[] mask = new float[N * N * N];
    mask[index(1, 1, 1)] = 1;
    mask[index(1 + di, 1 + dj, 1 + dk)] = 1;
    assertEquals(expected, ConnectedComponents.of(mask, N, N, N, c).count());
  }

  @Test
  void neighbourCountsAre6And18And26() {
    assertEquals(6, Connectivity.FACE.neighbourCount());
    assertEquals(18, Connectivity.EDGE.neighbourCount());
    assertEquals(26, Connectivity.VERTEX.neighbourCount());
  }

  @Test
  void labelsFollowFirstVoxelOrderAndSizesCountVoxels() {
    // 5x1x1 row: x x . x .  then a second slice with one voxel under the gap
    byte[] mask = new byte[5 * 1 * 2];
    mask[0] = 1;
    mask[1] = 1;
    mask[3] = 1;
    mask[5 + 2] = 1; // (2,0,1): edge-touches (1,0,0) and (3,0,0)
    ConnectedComponents face = ConnectedComponents.of(mask, 5, 1, 2, Connectivity.FACE);
    assertEquals(3, face.count());
    assertArrayEquals(new int[] {1, 1, 0, 2, 0, 0, 0, 3, 0, 0}, face.labels());
    assertArrayEquals(new int[] {2, 1, 1}, face.sizes());
    ConnectedComponents edge = ConnectedComponents.of(mask, 5, 1, 2, Connectivity.EDGE);
    assertEquals(1, edge.count());
    assertEquals(4, edge.size(1));
  }

  @Test
  void emptyMaskHasNoComponents() {
    assertEquals(0, ConnectedComponents.of(new boolean[8], 2, 2, 2, Connectivity.EDGE).count());
  }

  @Test
  void wrongLengthIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ConnectedComponents.of(new float[7], 2, 2, 2, Connectivity.EDGE));
  }

  private static int index(int i, int j, int k) {
    return (k * N + j) * N + i;
  }
}
