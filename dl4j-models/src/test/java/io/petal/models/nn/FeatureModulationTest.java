package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureModulationTest {

  @Test
  void scalesAndShiftsEachSampleAndChannel() {
    INDArray h = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 2);
    INDArray condition = Nd4j.create(new float[] {0.5f, -1f, 2f, 3f, /* sample 1: */ 0f, 1f, -2f, 0f},
        new long[] {2, 1, 1, 4});
    INDArray y = new FeatureModulation("film", 2).forward(h, condition);
    assertEquals(h.getFloat(0, 1, 2, 0) * 1.5f + 2f, y.getFloat(0, 1, 2, 0), 1e-6);
    assertEquals(0f + 3f, y.getFloat(0, 2, 3, 1), 1e-6, "γ = −1 removes the channel, β remains");
    assertEquals(h.getFloat(1, 0, 1, 0) - 2f, y.getFloat(1, 0, 1, 0), 1e-6);
    assertEquals(h.getFloat(1, 2, 0, 1) * 2f, y.getFloat(1, 2, 0, 1), 1e-6);
  }

  @Test
  void aZeroConditionIsTheIdentity() {
    INDArray h = Nd4j.rand(DataType.FLOAT, 3, 5, 5, 4);
    INDArray y = new FeatureModulation("film", 4).forward(h, Nd4j.zeros(DataType.FLOAT, 3, 1, 1, 8));
    assertEquals(h, y);
  }

  @Test
  void rejectsAConditionOfTheWrongShape() {
    FeatureModulation film = new FeatureModulation("film", 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> film.forward(Nd4j.rand(DataType.FLOAT, 2, 3, 3, 4), Nd4j.zeros(DataType.FLOAT, 2, 1, 1, 4)));
    assertEquals("film: condition must be [2, 1, 1, 8], got [2, 1, 1, 4]", e.getMessage());
  }

  /** The input gradient of FiLM and, through a dense condition layer's parameters, dL/dγ and dL/dβ. */
  @Test
  void gradientsMatchFiniteDifferences() {
    INDArray condition = Nd4j.rand(DataType.FLOAT, 2, 1, 1, 3).subi(0.5);
    GradientCheck.check(b -> new Conditioned(condition, b), new long[] {2, 4, 3, 5}, new long[] {2, 4, 3, 5});
  }

  @Test
  void zeroInitialisedPointwiseStartsAtItsBias() {
    ParameterStore.Builder b = ParameterStore.builder();
    Pointwise head = new Pointwise("head", 4, 6, false, Parameter.Init.ZERO, b);
    b.build(1);
    assertEquals(0.0, head.weight().value().amaxNumber().doubleValue());
    INDArray y = head.forward(Nd4j.rand(DataType.FLOAT, 2, 1, 1, 4));
    assertArrayEquals(new long[] {2, 1, 1, 6}, y.shape());
    assertEquals(0.0, y.amaxNumber().doubleValue());
  }

  /** y = FiLM(x; Pointwise(c)): a one-input layer over FiLM with a fixed per-sample condition c. */
  private static final class Conditioned implements Layer {
    private final INDArray condition;
    private final Pointwise dense;
    private final FeatureModulation film = new FeatureModulation("film", 5);

    Conditioned(INDArray condition, ParameterStore.Builder b) {
      this.condition = condition;
      this.dense = new Pointwise("dense", 3, 10, false, b);
    }

    @Override
    public String name() {
      return "film";
    }

    @Override
    public int inputChannels() {
      return 5;
    }

    @Override
    public int outputChannels() {
      return 5;
    }

    @Override
    public INDArray forward(INDArray input) {
      return film.forward(input, dense.forward(condition));
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
      INDArray[] g = film.backward(gradOutput);
      dense.backward(g[1]);
      return g[0];
    }
  }
}
