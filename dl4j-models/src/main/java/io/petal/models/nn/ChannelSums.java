package io.petal.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-channel sums of NHWC tensors (a bias gradient) as one matrix-vector product,
 * 1ᵀ·G with G the tensor seen as [pixels, channels]; measured several times faster than ND4J's
 * reduction over dimensions 0, 1, 2. The views are kept while the same tensor comes back.
 */
final class ChannelSums {
  private final INDArray result;
  private INDArray ones;
  private INDArray source;
  private INDArray sourceMatrix;

  /** Sums into {@code result}, a contiguous vector of length channels. */
  ChannelSums(INDArray result) {
    this.result = result.reshape('c', 1, result.length());
  }

  /** {@code result[c] = Σ over batch, y, x of nhwc[., ., ., c]}. */
  void sum(INDArray nhwc) {
    if (nhwc != source) {
      long channels = nhwc.size(3);
      if (channels != result.length()) {
        throw new IllegalArgumentException("tensor has " + channels + " channels, sum vector " + result.length());
      }
      long pixels = nhwc.length() / channels;
      if (ones == null || ones.length() != pixels) {
        ones = Nd4j.ones(DataType.FLOAT, 1, pixels);
      }
      source = nhwc;
      sourceMatrix = nhwc.reshape('c', pixels, channels);
    }
    Nd4j.gemm(ones, sourceMatrix, result, false, false, 1.0, 0.0);
  }
}
