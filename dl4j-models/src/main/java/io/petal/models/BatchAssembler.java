package io.petal.models;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns caller arrays — one per input channel of the layout ({@link ModelChannels}), each
 * [batch, slices, size, size] in stack units with x fastest (NCHW) — into the network's normalised
 * NHWC tensors for a run of consecutive samples (a micro-batch): per branch its input, target and
 * loss weights.
 *
 * <p>Branch g's input holds, for each channel of its group in group order, that channel's slices
 * (channel j, slice s at index j·slices + s), then the hidden-voxel indicator if g is the masked
 * branch and the configuration has one. Its target holds the centre slices of its channels.
 *
 * <p>One set of native tensors is kept per micro-batch size; values are written straight into
 * their memory.
 */
final class BatchAssembler {
  private final AutoencoderConfig config;
  private final ModelChannels channels;
  private final int plane;
  private final int slices;
  private final int masked;
  private final Map<Integer, Tensors> bySize = new HashMap<>();

  /** Native tensors of one micro-batch size, with views of their memory; index = branch. */
  static final class Tensors {
    final int count;
    final INDArray[] inputs;
    final INDArray[] targets;
    final INDArray[] weights;
    private final FloatBuffer[] inputValues;
    private final FloatBuffer[] targetValues;
    private final FloatBuffer[] weightValues;

    private Tensors(int count, AutoencoderConfig config) {
      this.count = count;
      int branches = config.channels().groups().size();
      inputs = new INDArray[branches];
      targets = new INDArray[branches];
      weights = new INDArray[branches];
      inputValues = new FloatBuffer[branches];
      targetValues = new FloatBuffer[branches];
      weightValues = new FloatBuffer[branches];
      int size = config.size();
      for (int g = 0; g < branches; g++) {
        int out = config.channels().groups().get(g).size();
        inputs[g] = Nd4j.create(DataType.FLOAT, count, size, size, config.branchInputChannels(g));
        targets[g] = Nd4j.create(DataType.FLOAT, count, size, size, out);
        weights[g] = Nd4j.create(DataType.FLOAT, count, size, size, out);
        inputValues[g] = inputs[g].data().asNioFloat();
        targetValues[g] = targets[g].data().asNioFloat();
        weightValues[g] = weights[g].data().asNioFloat();
      }
    }
  }

  BatchAssembler(AutoencoderConfig config) {
    this.config = config;
    this.channels = config.channels();
    this.plane = config.size() * config.size();
    this.slices = config.slices();
    this.masked = channels.maskedGroup();
  }

  /** The buffers for micro-batches of {@code count} samples. */
  Tensors tensors(int count) {
    return bySize.computeIfAbsent(count, c -> new Tensors(c, config));
  }

  /**
   * Fills {@code t}'s branch inputs with samples {@code first .. first + t.count − 1}.
   *
   * @param images per input channel, [batch, slices, size, size] in stack units
   * @param hidden 0/1 voxels to hide from the masked branch (every channel of its group),
   *     [batch, hiddenChannels, size, size] with hiddenChannels 1 (one mask for all slices) or
   *     {@code slices}; null hides nothing. The indicator channel (if configured) marks pixels
   *     hidden in any slice.
   */
  void fillInputs(Tensors t, float[][] images, float[] hidden, int hiddenChannels, int first) {
    InputNormalisation norm = config.normalisation();
    for (int g = 0; g < t.inputs.length; g++) {
      int[] group = channels.group(g);
      int width = config.branchInputChannels(g);
      boolean indicator = g == masked && config.maskIndicator();
      int indicatorChannel = slices * group.length;
      FloatBuffer dst = t.inputValues[g];
      for (int n = 0; n < t.count; n++) {
        int sample = first + n;
        int base = n * plane * width;
        if (indicator) {
          for (int p = 0; p < plane; p++) {
            dst.put(base + p * width + indicatorChannel, 0f);
          }
        }
        for (int s = 0; s < slices; s++) {
          int src = (sample * slices + s) * plane;
          for (int j = 0; j < group.length; j++) {
            channels.scaling(group[j]).toNetwork(images[group[j]], src, dst, base + j * slices + s, width, plane, norm);
          }
          if (g == masked && hidden != null) {
            hide(dst, hidden, (sample * hiddenChannels + (hiddenChannels == 1 ? 0 : s)) * plane, base, width, s,
                group.length, indicator ? indicatorChannel : -1);
          }
        }
      }
    }
  }

  /** Writes the fill value into slice {@code s} of every group channel at hidden pixels, and the indicator. */
  private void hide(FloatBuffer dst, float[] hidden, int hid, int base, int width, int s, int groupSize,
      int indicatorChannel) {
    float fill = config.maskFill();
    for (int p = 0; p < plane; p++) {
      if (hidden[hid + p] > 0) {
        for (int j = 0; j < groupSize; j++) {
          dst.put(base + p * width + j * slices + s, fill);
        }
        if (indicatorChannel >= 0) {
          dst.put(base + p * width + indicatorChannel, 1f);
        }
      }
    }
  }

  /**
   * Fills {@code t}'s targets (normalised centre slices) and loss weights for samples
   * {@code first ..}: weight = body, in the masked branch × (hiddenLossWeight where hidden, else 1).
   *
   * @param body 0/1 body mask of the centre slices, [batch, size, size]
   * @param hidden 0/1 hidden pixels of the centre slices, [batch, size, size], or null
   */
  void fillTargets(Tensors t, float[][] images, float[] body, float[] hidden, int first) {
    InputNormalisation norm = config.normalisation();
    int centre = config.neighbours();
    for (int g = 0; g < t.targets.length; g++) {
      int[] group = channels.group(g);
      for (int n = 0; n < t.count; n++) {
        int src = ((first + n) * slices + centre) * plane;
        for (int j = 0; j < group.length; j++) {
          channels.scaling(group[j]).toNetwork(images[group[j]], src, t.targetValues[g], n * plane * group.length + j,
              group.length, plane, norm);
        }
      }
      int offset = first * plane;
      for (int i = 0; i < t.count * plane; i++) {
        float w = weight(g, body, hidden, offset + i);
        for (int j = 0; j < group.length; j++) {
          t.weightValues[g].put(i * group.length + j, w);
        }
      }
    }
  }

  /** Per branch, Σ of its loss weights over the first {@code batch} samples (see {@link #fillTargets}). */
  double[] weightSums(float[] body, float[] hidden, int batch) {
    double[] sums = new double[channels.groups().size()];
    for (int g = 0; g < sums.length; g++) {
      double sum = 0;
      for (int i = 0; i < batch * plane; i++) {
        sum += weight(g, body, hidden, i);
      }
      sums[g] = sum * channels.groups().get(g).size();
    }
    return sums;
  }

  private float weight(int branch, float[] body, float[] hidden, int i) {
    if (!(body[i] > 0)) {
      return 0f;
    }
    return branch == masked && hidden != null && hidden[i] > 0 ? (float) config.hiddenLossWeight() : 1f;
  }
}
