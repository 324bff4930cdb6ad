package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MicroBatchesTest {
  @Test
  void passesCoverTheBatchInOrderWithNearEqualSizes() {
    for (int batch = 1; batch <= 40; batch++) {
      for (int limit = 1; limit <= 17; limit++) {
        MicroBatches m = new MicroBatches(batch, limit);
        int next = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int k = 0; k < m.count(); k++) {
          assertEquals(next, m.first(k));
          assertTrue(m.size(k) >= 1 && m.size(k) <= limit);
          min = Math.min(min, m.size(k));
          max = Math.max(max, m.size(k));
          next += m.size(k);
        }
        assertEquals(batch, next);
        assertTrue(max - min <= 1);
        assertEquals((batch + limit - 1) / limit, m.count());
      }
    }
  }
}
