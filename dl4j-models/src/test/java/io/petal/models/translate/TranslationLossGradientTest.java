package io.petal.models.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.models.seg.Logistic;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The translation losses' values against their definitions and their gradients against central differences. */
class TranslationLossGradientTest {
  private static final double STEP = 1e-3;

  @Test
  void l1ValueAndGradient() {
    Nd4j.getRandom().setSeed(5);
    INDArray p = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3);
    INDArray y = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3);
    L1Loss loss = new L1Loss();
    double n = 200; // as if these 96 values were part of a larger batch
    double value = loss.evaluate(p, y, n, 7);
    assertEquals(p.sub(y).castTo(DataType.DOUBLE).norm1Number().doubleValue() / n, value, 1e-6);
    INDArray g = loss.gradient().dup();
    for (int i = 0; i < p.length(); i += 7) {
      int index = i;
      double numeric = centralDifference(p, index, () -> 7 * loss.evaluate(p, y, n, 7));
      assertEquals(numeric, g.getDouble(index), 1e-3 * Math.abs(numeric) + 1e-5, "d/dp[" + index + "]");
    }
  }

  @Test
  void bceValueAndGradientForBothLabels() {
    Nd4j.getRandom().setSeed(6);
    INDArray z = Nd4j.rand(DataType.FLOAT, 3, 2, 2, 1).subi(0.5).muli(8);
    LogitBce loss = new LogitBce();
    for (int label = 0; label <= 1; label++) {
      int t = label;
      double value = loss.evaluate(z, t, 12, 0.5);
      double expected = 0;
      for (int i = 0; i < z.length(); i++) {
        double p = Logistic.sigmoid(z.getDouble(i));
        expected -= (t == 1 ? Math.log(p) : Math.log(1 - p)) / 12;
      }
      assertEquals(expected, value, 1e-6, "label " + t);
      INDArray g = loss.gradient().dup();
      for (int i = 0; i < z.length(); i++) {
        int index = i;
        double numeric = centralDifference(z, index, () -> 0.5 * loss.evaluate(z, t, 12, 0.5));
        assertEquals(numeric, g.getDouble(index), 1e-3 * Math.abs(numeric) + 1e-5, "label " + t + ", d/dz[" + index + "]");
      }
    }
  }

  private static double centralDifference(INDArray x, int index, DoubleSupplier loss) {
    float original = x.getFloat(index);
    x.putScalar(index, original + STEP);
    double plus = loss.getAsDouble();
    x.putScalar(index, original - STEP);
    double minus = loss.getAsDouble();
    x.putScalar(index, original);
    return (plus - minus) / (2 * STEP);
  }
}
