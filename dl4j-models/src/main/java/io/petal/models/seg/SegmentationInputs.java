package io.petal.models.seg;

import io.petal.models.InputNormalisation;
import io.petal.models.ModelChannels;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns caller arrays into the U-Net's normalised NHWC input for a run of consecutive samples (a
 * micro-batch). Channels: the slices of each layout channel in turn (PET slices 0..slices−1, then
 * CT's; channel c, slice s at index c·slices + s), scaled by its {@link io.petal.models.ChannelScaling},
 * then the prior ({@link SegmentationConfig#prior}) if used.
 *
 * <p>One native tensor is kept per micro-batch size; values are written straight into its memory.
 */
final class SegmentationInputs {
  private final SegmentationConfig config;
  private final int plane;
  private final Map<Integer, INDArray> bySize = new HashMap<>();
  private final Map<Integer, INDArray> textBySize = new HashMap<>();

  SegmentationInputs(SegmentationConfig config) {
    this.config = config;
    this.plane = config.size() * config.size();
  }

  /**
   * The input tensor [count, S, S, channels] for samples {@code first .. first + count − 1}.
   *
   * @param images per layout channel, [batch, slices, S, S] in stack units
   * @param prior [batch, S, S] anomaly prior of the centre slices, or null when the config has no prior
   */
  INDArray fill(int count, float[][] images, float[] prior, int first) {
    INDArray input = bySize.computeIfAbsent(count,
        c -> Nd4j.create(DataType.FLOAT, c, config.size(), config.size(), config.inputChannels()));
    FloatBuffer values = input.data().asNioFloat();
    InputNormalisation norm = config.normalisation();
    ModelChannels layout = config.channels();
    int slices = config.slices();
    int channels = config.inputChannels();
    for (int n = 0; n < count; n++) {
      int sample = first + n;
      int base = n * plane * channels;
      for (int s = 0; s < slices; s++) {
        int src = (sample * slices + s) * plane;
        for (int c = 0; c < layout.count(); c++) {
          layout.scaling(c).toNetwork(images[c], src, values, base + c * slices + s, channels, plane, norm);
        }
      }
      if (config.usePrior()) {
        int src = sample * plane;
        int priorChannel = layout.count() * slices;
        for (int p = 0; p < plane; p++) {
          values.put(base + p * channels + priorChannel, config.prior(prior[src + p]));
        }
      }
    }
    return input;
  }

  /**
   * The report-feature tensor [count, 1, 1, D] for samples {@code first .. first + count − 1}, or
   * null when the config has no text path.
   *
   * @param text [batch, D] report features (D = {@link io.petal.models.text.TextFusionConfig#vocabularySize()}),
   *     or null when the config has no text path
   */
  INDArray fillText(int count, float[] text, int first) {
    if (text == null) {
      return null;
    }
    int d = config.text().vocabularySize();
    INDArray features = textBySize.computeIfAbsent(count, c -> Nd4j.create(DataType.FLOAT, c, 1, 1, d));
    features.data().asNioFloat().put(0, text, first * d, count * d);
    return features;
  }
}
