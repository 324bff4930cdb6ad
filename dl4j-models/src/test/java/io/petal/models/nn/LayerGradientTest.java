package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
