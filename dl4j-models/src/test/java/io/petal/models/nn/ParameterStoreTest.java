package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterStoreTest {
  private static ParameterStore store(long seed) {
    ParameterStore.Builder b = ParameterStore.builder();
    b.add("layer/W", new long[] {3, 3, 2, 4}, Parameter.Init.HE_UNIFORM, 18);
    b.add("layer/b", new long[] {4}, Parameter.Init.ZERO, 18);
    b.add("head/W", new long[] {4, 1}, Parameter.Init.LECUN_UNIFORM, 4);
    return b.build(seed);
  }

  @Test
  void parametersAreViewsOfOneFlatVectorInRegistrationOrder() {
    ParameterStore s = store(1);
    assertEquals(72 + 4 + 4, s.size());
    assertEquals(List.of("layer/W", "layer/b", "head/W"), s.names());
    Parameter head = s.get("head/W");
    assertEquals(76, head.offset());
    assertArrayEquals(new long[] {4, 1}, head.value().shape());
    head.value().putScalar(2, 0, 5f);
    assertEquals(5f, s.values().getFloat(78));
    s.gradients().putScalar(73, 7f);
    assertEquals(7f, s.get("layer/b").gradient().getFloat(1));
  }

  @Test
  void initialisationFollowsTheSchemeAndTheSeed() {
    ParameterStore s = store(1);
    float[] v = s.toArray();
    double heBound = Math.sqrt(6.0 / 18);
    for (int i = 0; i < 72; i++) {
      assertTrue(Math.abs(v[i]) <= heBound, "He-uniform bound");
    }
    for (int i = 72; i < 76; i++) {
      assertEquals(0f, v[i], "bias starts at zero");
    }
    assertArrayEquals(v, store(1).toArray(), "same seed, same weights");
    assertNotEquals(v[0], store(2).toArray()[0], "another seed, other weights");
  }

  @Test
  void flatCopyRoundTrips() {
    ParameterStore a = store(1);
    ParameterStore b = store(2);
    b.setFrom(a.toArray());
    assertArrayEquals(a.toArray(), b.toArray());
    assertThrows(IllegalArgumentException.class, () -> b.setFrom(new float[3]));
  }

  @Test
  void namesAreUniqueAndLookupsFailClearly() {
    ParameterStore.Builder b = ParameterStore.builder();
    b.add("x", new long[] {1}, Parameter.Init.ZERO, 1);
    assertThrows(IllegalArgumentException.class, () -> b.add("x", new long[] {1}, Parameter.Init.ZERO, 1));
    ParameterStore s = b.build(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("y"));
    assertTrue(e.getMessage().contains("y"));
  }
}
