package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference checks of every layer's backward pass ({@link GradientCheck}). */
class LayerGradientTest {

  @Test
  void conv3x3Stride1WithRelu() {
    GradientCheck.check(b -> new Conv2d("c", 3, 4, 3, 1, true, b), new long[] {2, 6, 6, 3}, new long[] {2, 6, 6, 4});
  }

  @Test
  void conv3x3Stride2Linear() {
    GradientCheck.check(b -> new Conv2d("c", 3, 5, 3, 2, false, b), new long[] {2, 6, 6, 3}, new long[] {2, 3, 3, 5});
  }

  @Test
  void upConvDoublesSize() {
    GradientCheck.check(b -> new UpConv2x2("u", 4, 3, true, b), new long[] {2, 3, 3, 4}, new long[] {2, 6, 6, 3});
  }

  @Test
  void pointwiseWithRelu() {
    GradientCheck.check(b -> new Pointwise("p", 5, 2, true, b), new long[] {3, 4, 4, 5}, new long[] {3, 4, 4, 2});
  }

  @Test
  void chainOfLayers() {
    GradientCheck.check(b -> new LayerChain("chain", java.util.List.of(new Conv2d("a", 2, 3, 3, 2, true, b),
        new UpConv2x2("b", 3, 3, true, b), new Pointwise("c", 3, 1, false, b))),
        new long[] {2, 4, 4, 2}, new long[] {2, 4, 4, 1});
  }

  @Test
  void channelConcatSplitsTheGradient() {
    INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 2);
    INDArray b = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 4);
    ChannelConcat concat = new ChannelConcat("j");
    INDArray y = concat.forward(a, b);
    assertArrayEquals(new long[] {2, 3, 3, 6}, y.shape());
    assertEquals(a.getFloat(1, 2, 0, 1), y.getFloat(1, 2, 0, 1));
    assertEquals(b.getFloat(1, 2, 0, 3), y.getFloat(1, 2, 0, 5));
    INDArray g = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 6);
    INDArray[] parts = concat.backward(g);
    assertEquals(g.getFloat(0, 1, 2, 1), parts[0].getFloat(0, 1, 2, 1));
    assertEquals(g.getFloat(0, 1, 2, 4), parts[1].getFloat(0, 1, 2, 2));
  }

  @Test
  void channelStackJoinsAnyNumberInOrderAndSplitsTheGradient() {
    INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 1);
    INDArray b = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 2);
    INDArray c = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 3);
    ChannelStack stack = new ChannelStack("s");
    INDArray y = stack.forward(a, b, c);
    assertArrayEquals(new long[] {2, 3, 3, 6}, y.shape());
    assertEquals(a.getFloat(1, 0, 2, 0), y.getFloat(1, 0, 2, 0));
    assertEquals(b.getFloat(1, 0, 2, 1), y.getFloat(1, 0, 2, 2));
    assertEquals(c.getFloat(1, 0, 2, 2), y.getFloat(1, 0, 2, 5));
    b.putScalar(new long[] {0, 1, 1, 0}, 7f);
    assertEquals(7f, stack.forward(a, b, c).getFloat(0, 1, 1, 1), "the same inputs are read again on every forward");
    INDArray g = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 6);
    INDArray[] parts = stack.backward(g);
    assertEquals(3, parts.length);
    assertArrayEquals(c.shape(), parts[2].shape());
    assertEquals(g.getFloat(1, 2, 0, 0), parts[0].getFloat(1, 2, 0, 0));
    assertEquals(g.getFloat(1, 2, 0, 2), parts[1].getFloat(1, 2, 0, 1));
    assertEquals(g.getFloat(1, 2, 0, 3), parts[2].getFloat(1, 2, 0, 0));
  }

  @Test
  void channelSelectionPicksChannelsInOrderAndPutsTheirGradientBack() {
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 7);
    ChannelSelection pick = new ChannelSelection("pick", new int[] {5, 6, 1, 2});
    INDArray y = pick.gather(x);
    assertArrayEquals(new long[] {2, 4, 4, 4}, y.shape());
    int[] from = {5, 6, 1, 2};
    for (int k = 0; k < from.length; k++) {
      assertEquals(x.getFloat(1, 3, 2, from[k]), y.getFloat(1, 3, 2, k), "picked channel " + k);
    }
    INDArray g = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 4);
    INDArray into = Nd4j.zeros(DataType.FLOAT, 2, 4, 4, 7);
    pick.scatter(g, into);
    for (int k = 0; k < from.length; k++) {
      assertEquals(g.getFloat(0, 1, 3, k), into.getFloat(0, 1, 3, from[k]));
    }
    assertEquals(0f, into.getFloat(0, 1, 3, 0));
    assertEquals(0f, into.getFloat(0, 1, 3, 4));
    assertThrows(IllegalArgumentException.class, () -> new ChannelSelection("bad", new int[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> pick.gather(Nd4j.rand(DataType.FLOAT, 2, 4, 4, 6)));
  }

  @Test
  void gradientAccumulatorOverARangeLeavesTheRestAlone() {
    ParameterStore.Builder builder = ParameterStore.builder();
    builder.add("a", new long[] {3}, Parameter.Init.ZERO, 1);
    builder.add("b", new long[] {2}, Parameter.Init.ZERO, 1);
    ParameterStore store = builder.build(1);
    GradientAccumulator onlyB = new GradientAccumulator(store, 3, 5);
    store.gradients().assign(Nd4j.createFromArray(1f, 1f, 1f, 2f, 3f));
    onlyB.afterPass(0, 2);
    store.gradients().assign(Nd4j.createFromArray(9f, 9f, 9f, 10f, 20f));
    onlyB.afterPass(1, 2);
    assertArrayEquals(new float[] {9f, 9f, 9f, 12f, 23f}, store.gradients().toFloatVector());
    assertThrows(IllegalArgumentException.class, () -> new GradientAccumulator(store, 3, 6));
  }
}
