package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoxelArrayPoolTest {
  @Test
  void arraysComeBackForTheNextStudyOnlyAfterReclaim() {
    VoxelArrayPool pool = new VoxelArrayPool(1 << 20);
    float[] pet = pool.apply(1000);
    float[] ct = pool.apply(1000);
    assertNotSame(pet, ct, "two volumes of one study never share an array");
    assertEquals(1000, pet.length);

    pool.reclaimAll();
    float[] a = pool.apply(1000);
    float[] b = pool.apply(1000);
    assertTrue(a == pet && b == ct || a == ct && b == pet, "the first study's two arrays serve the second");
  }

  @Test
  void anotherLengthGetsANewArray() {
    VoxelArrayPool pool = new VoxelArrayPool(1 << 20);
    float[] first = pool.apply(100);
    pool.reclaimAll();

    float[] other = pool.apply(200);

    assertEquals(200, other.length);
    assertNotSame(first, pool.apply(200));
  }

  @Test
  void keepsNoMoreThanItsBudgetBetweenStudies() {
    VoxelArrayPool pool = new VoxelArrayPool(3 * 1000 * Float.BYTES);
    for (int i = 0; i < 5; i++) {
      pool.apply(1000);
    }
    pool.reclaimAll();
    assertEquals(3 * 1000 * Float.BYTES, pool.freeBytes());

    pool.apply(5000); // larger than the whole budget: used, never kept
    pool.reclaimAll();
    assertEquals(3 * 1000 * Float.BYTES, pool.freeBytes());
  }
}
