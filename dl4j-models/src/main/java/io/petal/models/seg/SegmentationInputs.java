package io.petal.models.seg;

import io.petal.models.InputNormalisation;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns caller arrays into the U-Net's normalised NHWC input for a run of consecutive samples (a
 * micro-batch). Channels: PET slices 0..slices−1 ({@link InputNormalisation#pet}), CT slices
 * ({@link InputNormalisation#ct}), then the prior ({@link SegmentationConfig#prior}) if used.
 *
 * <p>One native tensor is kept per micro-batch size; values are written straight into its memory.
 */
final class SegmentationInputs {
  private final SegmentationConfig config;
  private final int plane;
  private final Map<Integer, INDArray> bySize = new HashMap<>();

  SegmentationInputs(SegmentationConfig config) {
    this.config = config;
    this.plane = config.size() * config.size();
  }

  /**
   * The input tensor [count, S, S, channels] for samples {@code first .. first + count − 1}.
   *
   * @param petSuv [batch, slices, S, S] PET, SUV
   * @param ctHu [batch, slices, S, S] CT, HU
   * @param prior [batch, S, S] anomaly prior of the centre slices, or null when the config has no prior
   */
  INDArray fill(int count, float[] petSuv, float[] ctHu, float[] prior, int first) {
    INDArray input = bySize.computeIfAbsent(count,
        c -> Nd4j.create(DataType.FLOAT, c, config.size(), config.size(), config.inputChannels()));
    FloatBuffer values = input.data().asNioFloat();
    InputNormalisation norm = config.normalisation();
    int slices = config.slices();
    int channels = config.inputChannels();
    for (int n = 0; n < count; n++) {
      int sample = first + n;
      int base = n * plane * channels;
      for (int c = 0; c < slices; c++) {
        int src = (sample * slices + c) * plane;
        norm.pet(petSuv, src, values, base + c, channels, plane);
        norm.ct(ctHu, src, values, base + slices + c, channels, plane);
      }
      if (config.usePrior()) {
        int src = sample * plane;
        int priorChannel = 2 * slices;
        for (int p = 0; p < plane; p++) {
          values.put(base + p * channels + priorChannel, config.prior(prior[src + p]));
        }
      }
    }
    return input;
  }
}
