package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference check of a {@link Layer}'s backward pass (test helper): for L = Σ y·R with a
 * fixed random R, the analytic dL/dW, dL/db and dL/dx must match central differences. Points where
 * a ReLU switches within the difference step (left and right differences disagree) are skipped
 * for a neighbouring point of the same tensor.
 */
public final class GradientCheck {
  /** Difference steps, tried in order until the loss is smooth at the step's scale. */
  private static final double[] STEPS = {1e-3, 1e-4};

  private GradientCheck() {}

  /**
   * Builds the layer with {@code factory}, gives its zero-initialised parameters (biases) small
   * random values, and compares 25 random parameter derivatives, one more of every parameter
   * tensor, and 15 input derivatives with central differences (relative tolerance 2 %).
   */
  public static void check(Function<ParameterStore.Builder, Layer> factory, long[] inShape, long[] outShape) {
    check(factory, inShape, outShape, 25, 15);
  }

  /** As {@link #check(Function, long[], long[])} with the given numbers of parameter and input derivatives. */
  public static void check(Function<ParameterStore.Builder, Layer> factory, long[] inShape, long[] outShape,
      int parameterTrials, int inputTrials) {
    Nd4j.getRandom().setSeed(7);
    ParameterStore.Builder builder = ParameterStore.builder();
    Layer layer = factory.apply(builder);
    ParameterStore store = builder.build(3);
    // parameters that start at 0 (biases, zero-initialised heads) get small random values, so that
    // their paths and the paths behind them are exercised
    for (Parameter p : store.parameters()) {
      if (p.value().amaxNumber().doubleValue() == 0) {
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
    List<Integer> indices = new ArrayList<>();
    for (int trial = 0; trial < parameterTrials; trial++) {
      indices.add(pick.nextInt(values.length));
    }
    for (Parameter p : store.parameters()) {
      indices.add(Math.toIntExact(p.offset() + pick.nextInt(Math.toIntExact(p.length()))));
    }
    checkParameters(store, analytic, indices, () -> lossOf(layer, x, r), layer.name());
    for (int trial = 0; trial < inputTrials; trial++) {
      Point p = smoothPoint(pick.nextInt((int) x.length()), 0, x.length(), j -> numericForInput(layer, x, r, j), "input");
      assertClose(p.numeric(), gx.getFloat(p.index()), "d/dx[" + p.index() + "] of " + layer.name());
    }
  }

  /**
   * Compares {@code analytic} (a copy of the store's gradient vector) with central differences of
   * {@code loss} at the parameters {@code indices} (flat positions; a point where a ReLU switches
   * within the step is replaced by a neighbour in the same tensor). Relative tolerance 2 %.
   * Leaves the parameters as they were.
   */
  public static void checkParameters(ParameterStore store, float[] analytic, List<Integer> indices, DoubleSupplier loss,
      String what) {
    float[] values = store.toArray();
    try {
      for (int index : indices) {
        Parameter owner = ownerOf(store, index);
        Point p = smoothPoint(index, owner.offset(), owner.length(), j -> numeric(loss, d -> {
          float[] v = values.clone();
          v[j] += (float) d;
          store.setFrom(v);
        }), owner.name());
        assertClose(p.numeric(), analytic[p.index()], "d/dparam[" + p.index() + "] (" + owner.name() + ") of " + what);
      }
    } finally {
      store.setFrom(values);
    }
  }

  /**
   * The central difference at the first index from {@code start} on (cycling within
   * [offset, offset + length)) where the loss is smooth at the scale of the step. A ReLU switching
   * within the step makes left and right differences disagree, and a central difference there
   * says nothing about the gradient. Fails when ten neighbouring points all have such kinks.
   */
  private static Point smoothPoint(int start, long offset, long length, IntFunction<Slopes> slopes, String what) {
    int i = start;
    for (int tries = 0; tries < 10; tries++) {
      Slopes s = slopes.apply(i);
      if (s != null) {
        return new Point(i, s.central());
      }
      i = (int) (offset + (i - offset + 1) % length);
    }
    throw new AssertionError("no smooth point found near index " + start + " of " + what);
  }

  private record Point(int index, double numeric) {}

  private static Slopes numericForInput(Layer layer, INDArray x, INDArray r, int i) {
    float original = x.getFloat(i);
    return numeric(() -> lossOf(layer, x, r), d -> x.putScalar(i, original + d));
  }

  private static Parameter ownerOf(ParameterStore store, int index) {
    return store.parameters().stream().filter(p -> index >= p.offset() && index < p.offset() + p.length())
        .findFirst().orElseThrow();
  }

  private static double lossOf(Layer layer, INDArray x, INDArray r) {
    return layer.forward(x).castTo(DataType.DOUBLE).mul(r.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
  }

  /** One-sided and central difference quotients of a loss. */
  private record Slopes(double left, double right, double central) {}

  /**
   * Difference quotients at the first step of {@link #STEPS} where the left and right differences
   * agree; null when they disagree at every step (a ReLU switches within the smallest step).
   * {@code perturb} moves the point by its argument from the original and is left at 0.
   */
  private static Slopes numeric(DoubleSupplier loss, DoubleConsumer perturb) {
    try {
      perturb.accept(0);
      double centre = loss.getAsDouble();
      for (double step : STEPS) {
        perturb.accept(step);
        double plus = loss.getAsDouble();
        perturb.accept(-step);
        double minus = loss.getAsDouble();
        Slopes s = new Slopes((centre - minus) / step, (plus - centre) / step, (plus - minus) / (2 * step));
        if (Math.abs(s.left() - s.right()) <= tolerance(s.central())) {
          return s;
        }
      }
      return null;
    } finally {
      perturb.accept(0);
    }
  }

  private static double tolerance(double expected) {
    return 2e-2 * Math.max(1.0, Math.abs(expected));
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, tolerance(expected), what);
  }
}
