package io.petal.models.translate;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves runs of samples between caller arrays [batch, channels, S, S] (x fastest, NCHW) and the
 * networks' NHWC tensors [count, S, S, channels]. One tensor is kept per run length (micro-batch
 * size) and written in place.
 */
final class NhwcBatch {
  private final int size;
  private final int channels;
  private final int plane;
  private final Map<Integer, INDArray> bySize = new HashMap<>();

  NhwcBatch(int size, int channels) {
    this.size = size;
    this.channels = channels;
    this.plane = size * size;
  }

  /** Values per sample: channels × S × S. */
  int sampleLength() {
    return channels * plane;
  }

  /** The tensor [count, S, S, channels] holding samples {@code first .. first + count − 1} of {@code nchw}. */
  INDArray fill(float[] nchw, int first, int count) {
    INDArray tensor = bySize.computeIfAbsent(count, c -> Nd4j.create(DataType.FLOAT, c, size, size, channels));
    FloatBuffer values = tensor.data().asNioFloat();
    for (int n = 0; n < count; n++) {
      int src = (first + n) * sampleLength();
      int dst = n * sampleLength();
      for (int c = 0; c < channels; c++) {
        for (int p = 0; p < plane; p++) {
          values.put(dst + p * channels + c, nchw[src + c * plane + p]);
        }
      }
    }
    return tensor;
  }

  /** Writes {@code nhwc} [count, S, S, channels] into samples {@code first ..} of {@code nchw}. */
  void unpack(INDArray nhwc, float[] nchw, int first) {
    FloatBuffer values = nhwc.data().asNioFloat();
    int count = Math.toIntExact(nhwc.size(0));
    for (int n = 0; n < count; n++) {
      int dst = (first + n) * sampleLength();
      int src = n * sampleLength();
      for (int c = 0; c < channels; c++) {
        for (int p = 0; p < plane; p++) {
          nchw[dst + c * plane + p] = values.get(src + p * channels + c);
        }
      }
    }
  }
}
