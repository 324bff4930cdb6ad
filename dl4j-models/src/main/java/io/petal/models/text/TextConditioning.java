package io.petal.models.text;

import io.petal.models.nn.FeatureModulation;
import io.petal.models.nn.Layer;
import io.petal.models.nn.Parameter;
import io.petal.models.nn.ParameterStore;
import io.petal.models.nn.Pointwise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The report-text path of a segmentation decoder: a report's TF-IDF vector t (D values,
 * {@link ReportVocabulary}) conditions every decoder level by FiLM ({@link FeatureModulation}).
 *
 * <pre>
 *   z        = ReLU(t·W_h + b_h)                  text/hidden: D → H
 *   (γ_i, β_i) = z·W_i + b_i                      text/film&lt;i&gt;: H → 2·C_i, one per decoder level i
 *   h_i      ← h_i·(1 + γ_i) + β_i                 on level i's decoder output, C_i channels
 * </pre>
 *
 * The {@code text/film<i>} weights and biases start at 0, so an untrained text path is the
 * identity and a network with text starts as the image-only one; the whole path is trained from
 * the segmentation loss. Tensors are NHWC with a 1×1 spatial size: t [B, 1, 1, D], z [B, 1, 1, H],
 * (γ_i, β_i) [B, 1, 1, 2·C_i]. Parameters, registered in this order: {@code text/hidden/W} [D, H],
 * {@code text/hidden/b} [H], then {@code text/film<i>/W} [H, 2·C_i] and {@code text/film<i>/b}
 * [2·C_i] for i = 0, 1, ….
 *
 * <p>Call order per step: {@link #encode}, {@link #modulate} for each level (any order), then
 * {@link #backwardModulation} for each level and finally {@link #backward}.
 */
public final class TextConditioning {
  private final int features;
  private final Pointwise hidden;
  private final List<Pointwise> heads = new ArrayList<>();
  private final List<FeatureModulation> films = new ArrayList<>();
  private final INDArray[] conditions;
  private final INDArray[] conditionGradients;
  private final Map<Long, INDArray> hiddenGradients = new HashMap<>();

  /**
   * Declares the path's parameters in {@code params}.
   *
   * @param levelChannels C_i, the channels of decoder level i's output, for i = 0, 1, …
   */
  public TextConditioning(TextFusionConfig config, int[] levelChannels, ParameterStore.Builder params) {
    if (levelChannels.length == 0) {
      throw new IllegalArgumentException("text conditioning needs at least one decoder level");
    }
    features = config.vocabularySize();
    hidden = new Pointwise("text/hidden", features, config.hiddenWidth(), true, params);
    for (int i = 0; i < levelChannels.length; i++) {
      heads.add(new Pointwise("text/film" + i, config.hiddenWidth(), 2 * levelChannels[i], false, Parameter.Init.ZERO,
          params));
      films.add(new FeatureModulation("text/film" + i + "/modulation", levelChannels[i]));
    }
    conditions = new INDArray[levelChannels.length];
    conditionGradients = new INDArray[levelChannels.length];
  }

  /** D: the length of a report's feature vector. */
  public int features() {
    return features;
  }

  /** Computes every level's (γ, β) from {@code text} [B, 1, 1, D] (contiguous float32). */
  public void encode(INDArray text) {
    long[] s = text.shape();
    if (s.length != 4 || s[1] != 1 || s[2] != 1 || s[3] != features) {
      throw new IllegalArgumentException("text features must be [batch, 1, 1, " + features + "], got "
          + Arrays.toString(s));
    }
    INDArray z = hidden.forward(text);
    for (int i = 0; i < heads.size(); i++) {
      conditions[i] = heads.get(i).forward(z);
    }
  }

  /** FiLM of decoder level {@code level}'s output {@code h} [B, S_i, S_i, C_i] with the last {@link #encode}. */
  public INDArray modulate(int level, INDArray h) {
    if (conditions[level] == null) {
      throw new IllegalStateException("text conditioning: modulate before encode");
    }
    if (conditions[level].size(0) != h.size(0)) {
      throw new IllegalArgumentException("text features are for " + conditions[level].size(0)
          + " samples, the decoder tensor holds " + h.size(0));
    }
    return films.get(level).forward(h, conditions[level]);
  }

  /**
   * Back-propagates through level {@code level}'s FiLM: keeps d(loss)/d(γ, β) for {@link #backward}
   * and returns d(loss)/dh (the {@code gradOutput} array, overwritten).
   */
  public INDArray backwardModulation(int level, INDArray gradOutput) {
    INDArray[] g = films.get(level).backward(gradOutput);
    conditionGradients[level] = g[1];
    return g[0];
  }

  /** Back-propagates the kept (γ, β) gradients of every level into the text path's parameters. */
  public void backward() {
    INDArray sum = null;
    for (int i = 0; i < heads.size(); i++) {
      if (conditionGradients[i] == null) {
        throw new IllegalStateException("text conditioning: backward before the backward of decoder level " + i);
      }
      INDArray g = heads.get(i).backward(conditionGradients[i]);
      if (sum == null) {
        sum = hiddenGradients.computeIfAbsent(g.size(0), b -> Nd4j.create(DataType.FLOAT, g.shape()));
        sum.assign(g);
      } else {
        sum.addi(g);
      }
      conditionGradients[i] = null;
    }
    hidden.backward(sum);
  }

  /** The layers with parameters, in parameter order: {@code text/hidden}, {@code text/film0}, …. */
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>();
    all.add(hidden);
    all.addAll(heads);
    return all;
  }
}
