package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference checks of every layer's backward pass: for L = Σ y·R with a fixed random R,
 * the analytic dL/dW, dL/db and dL/dx must match central differences.
 */
class LayerGradientTest {
  private static final double EPS = 1e-3;

  @Test
  void conv3x3Stride1WithRelu() {
    check(b -> new Conv2d("c", 3, 4, 3, 1, true, b), new long[] {2, 6, 6, 3}, new long[] {2, 6, 6, 4});
  }

  @Test
  void conv3x3Stride2Linear() {
    check(b -> new Conv2d("c", 3, 5, 3, 2, false, b), new long[] {2, 6, 6, 3}, new long[] {2, 3, 3, 5});
  }

  @Test
  void upConvDoublesSize() {
    check(b -> new UpConv2x2("u", 4, 3, true, b), new long[] {2, 3, 3, 4}, new long[] {2, 6, 6, 3});
  }

  @Test
  void pointwiseWithRelu() {
    check(b -> new Pointwise("p", 5, 2, true, b), new long[] {3, 4, 4, 5}, new long[] {3, 4, 4, 2});
  }

  @Test
  void chainOfLayers() {
    check(b -> new LayerChain("chain", java.util.List.of(new Conv2d("a", 2, 3, 3, 2, true, b),
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

  private static void check(Function<ParameterStore.Builder, Layer> factory, long[] inShape, long[] outShape) {
    Nd4j.getRandom().setSeed(7);
    ParameterStore.Builder builder = ParameterStore.builder();
    Layer layer = factory.apply(builder);
    ParameterStore store = builder.build(3);
    // non-zero biases, so that the bias path is exercised
    for (Parameter p : store.parameters()) {
      if (p.name().endsWith("/b")) {
        p.value().assign(Nd4j.rand(DataType.FLOAT, p.shape()).subi(0.5).muli(0.2));
      }
    }
    INDArray x = Nd4j.rand(DataType.FLOAT, inShape).subi(0.5);
    INDArray r = Nd4j.rand(DataType.FLOAT, outShape).subi(0.5);

    INDArray y = layer.forward(x);
    assertArrayEquals(outShape, y.shape(), layer.name() + " output shape");
    INDArray gx = layer.backward(r.dup()).dup();
    float[] analytic = store.gradients().toFloatVector();

    Random pick = new Random(11);
    float[] values = store.toArray();
    for (int trial = 0; trial < 25; trial++) {
      int i = pick.nextInt(values.length);
      double numeric = numeric(() -> lossOf(layer, x, r), d -> {
        float[] v = values.clone();
        v[i] += (float) d;
        store.setFrom(v);
      });
      store.setFrom(values);
      assertClose(numeric, analytic[i], "d/dparam[" + i + "] of " + layer.name());
    }
    for (int trial = 0; trial < 15; trial++) {
      long i = pick.nextInt((int) x.length());
      float original = x.getFloat(i);
      double numeric = numeric(() -> lossOf(layer, x, r), d -> x.putScalar(i, original + d));
      x.putScalar(i, original);
      assertClose(numeric, gx.getFloat(i), "d/dx[" + i + "] of " + layer.name());
    }
  }

  private static double lossOf(Layer layer, INDArray x, INDArray r) {
    return layer.forward(x).castTo(DataType.DOUBLE).mul(r.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
  }

  private static double numeric(java.util.function.DoubleSupplier loss, java.util.function.DoubleConsumer perturb) {
    perturb.accept(EPS);
    double plus = loss.getAsDouble();
    perturb.accept(-EPS);
    double minus = loss.getAsDouble();
    return (plus - minus) / (2 * EPS);
  }

  private static void assertClose(double expected, double actual, String what) {
    double tolerance = 2e-2 * Math.max(1.0, Math.abs(expected));
    assertEquals(expected, actual, tolerance, what);
  }
}
