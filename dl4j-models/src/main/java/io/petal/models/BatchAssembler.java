package io.petal.models;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns caller arrays — PET in SUV and CT in HU, [batch, slices, size, size] with x fastest
 * (NCHW) — into the network's normalised NHWC tensors for a run of consecutive samples (a
 * micro-batch): inputs, targets and loss weights.
 *
 * <p>One set of native tensors is kept per micro-batch size; values are written straight into
 * their memory.
 */
final class BatchAssembler {
  private final AutoencoderConfig config;
  private final InputNormalisation norm;
  private final int plane;
  private final int slices;
  private final int petChannels;
  private final int ctChannels;
  private final Map<Integer, Tensors> bySize = new HashMap<>();

  /** Native tensors of one micro-batch size, with views of their memory. */
  static final class Tensors {
    final int count;
    final INDArray petInput;
    final INDArray ctInput;
    final INDArray petTarget;
    final INDArray ctTarget;
    final INDArray petWeight;
    final INDArray ctWeight;
    private final FloatBuffer pet;
    private final FloatBuffer ct;
    private final FloatBuffer petTargetValues;
    private final FloatBuffer ctTargetValues;
    private final FloatBuffer petWeightValues;
    private final FloatBuffer ctWeightValues;

    private Tensors(int count, int size, int petChannels, int ctChannels) {
      this.count = count;
      petInput = Nd4j.create(DataType.FLOAT, count, size, size, petChannels);
      ctInput = Nd4j.create(DataType.FLOAT, count, size, size, ctChannels);
      petTarget = Nd4j.create(DataType.FLOAT, count, size, size, 1);
      ctTarget = Nd4j.create(DataType.FLOAT, count, size, size, 1);
      petWeight = Nd4j.create(DataType.FLOAT, count, size, size, 1);
      ctWeight = Nd4j.create(DataType.FLOAT, count, size, size, 1);
      pet = petInput.data().asNioFloat();
      ct = ctInput.data().asNioFloat();
      petTargetValues = petTarget.data().asNioFloat();
      ctTargetValues = ctTarget.data().asNioFloat();
      petWeightValues = petWeight.data().asNioFloat();
      ctWeightValues = ctWeight.data().asNioFloat();
    }
  }

  BatchAssembler(AutoencoderConfig config) {
    this.config = config;
    this.norm = config.normalisation();
    this.plane = config.size() * config.size();
    this.slices = config.slices();
    this.petChannels = config.petInputChannels();
    this.ctChannels = config.ctInputChannels();
  }

  /** The buffers for micro-batches of {@code count} samples. */
  Tensors tensors(int count) {
    return bySize.computeIfAbsent(count, c -> new Tensors(c, config.size(), petChannels, ctChannels));
  }

  /**
   * Fills {@code t}'s PET and CT inputs with samples {@code first .. first + t.count − 1}.
   *
   * @param petSuv [batch, slices, size, size] SUV
   * @param ctHu [batch, slices, size, size] HU
   * @param hidden 0/1 voxels to hide from the PET branch, [batch, hiddenChannels, size, size] with
   *     hiddenChannels 1 (one mask for all slices) or {@code slices}; null hides nothing. The
   *     indicator channel (if configured) marks pixels hidden in any slice.
   */
  void fillInputs(Tensors t, float[] petSuv, float[] ctHu, float[] hidden, int hiddenChannels, int first) {
    float fill = config.maskFill();
    boolean indicator = config.maskIndicator();
    for (int n = 0; n < t.count; n++) {
      int sample = first + n;
      int petBase = n * plane * petChannels;
      int ctBase = n * plane * ctChannels;
      if (indicator) {
        for (int p = 0; p < plane; p++) {
          t.pet.put(petBase + p * petChannels + slices, 0f);
        }
      }
      for (int c = 0; c < slices; c++) {
        int src = (sample * slices + c) * plane;
        norm.pet(petSuv, src, t.pet, petBase + c, petChannels, plane);
        norm.ct(ctHu, src, t.ct, ctBase + c, ctChannels, plane);
        if (hidden == null) {
          continue;
        }
        int hid = (sample * hiddenChannels + (hiddenChannels == 1 ? 0 : c)) * plane;
        for (int p = 0; p < plane; p++) {
          if (hidden[hid + p] > 0) {
            t.pet.put(petBase + p * petChannels + c, fill);
            if (indicator) {
              t.pet.put(petBase + p * petChannels + slices, 1f);
            }
          }
        }
      }
    }
  }

  /**
   * Fills {@code t}'s targets (normalised centre slices) and loss weights for samples
   * {@code first ..}: CT weight = body; PET weight = body × (hiddenLossWeight where hidden, else 1).
   *
   * @param body 0/1 body mask of the centre slices, [batch, size, size]
   * @param hidden 0/1 hidden pixels of the centre slices, [batch, size, size], or null
   */
  void fillTargets(Tensors t, float[] petSuv, float[] ctHu, float[] body, float[] hidden, int first) {
    int centre = config.neighbours();
    for (int n = 0; n < t.count; n++) {
      int src = ((first + n) * slices + centre) * plane;
      norm.pet(petSuv, src, t.petTargetValues, n * plane, 1, plane);
      norm.ct(ctHu, src, t.ctTargetValues, n * plane, 1, plane);
    }
    int offset = first * plane;
    for (int i = 0; i < t.count * plane; i++) {
      t.petWeightValues.put(i, petWeight(body, hidden, offset + i));
      t.ctWeightValues.put(i, body[offset + i] > 0 ? 1f : 0f);
    }
  }

  /** Σ PET weights and Σ CT weights over the first {@code batch} samples (see {@link #fillTargets}). */
  double[] weightSums(float[] body, float[] hidden, int batch) {
    double pet = 0;
    double ct = 0;
    for (int i = 0; i < batch * plane; i++) {
      pet += petWeight(body, hidden, i);
      ct += body[i] > 0 ? 1 : 0;
    }
    return new double[] {pet, ct};
  }

  private float petWeight(float[] body, float[] hidden, int i) {
    if (!(body[i] > 0)) {
      return 0f;
    }
    return hidden != null && hidden[i] > 0 ? (float) config.hiddenLossWeight() : 1f;
  }
}
