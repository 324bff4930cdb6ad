package io.petal.models;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * The same network as {@link BranchedAutoencoder} with the PET/CT layout, built as a SameDiff graph and trained with
 * {@code SameDiff.fit}: the alternative the direct implementation was measured against (see
 * benchmarks/ae_train_vs_pytorch). It uses the same op choices (NHWC, bias-free transposed
 * convolution plus bias add, 1×1 convolutions as matrix products), so the difference is the graph
 * executor. Benchmark use only.
 */
final class SameDiffAutoencoderBaseline {
  private final AutoencoderConfig config;
  private final SameDiff sd = SameDiff.create();

  SameDiffAutoencoderBaseline(AutoencoderConfig config) {
    this.config = config;
    int s = config.size();
    SDVariable pet = sd.placeHolder("pet", DataType.FLOAT, -1, s, s, config.branchInputChannels(0));
    SDVariable ct = sd.placeHolder("ct", DataType.FLOAT, -1, s, s, config.branchInputChannels(1));
    SDVariable petTarget = sd.placeHolder("petTarget", DataType.FLOAT, -1, s, s, 1);
    SDVariable ctTarget = sd.placeHolder("ctTarget", DataType.FLOAT, -1, s, s, 1);
    SDVariable petWeight = sd.placeHolder("petWeight", DataType.FLOAT, -1, s, s, 1);
    SDVariable ctWeight = sd.placeHolder("ctWeight", DataType.FLOAT, -1, s, s, 1);
    SDVariable joined = sd.concat("fusion/concat", 3, encoder("pet_encoder", pet, config.branchInputChannels(0)),
        encoder("ct_encoder", ct, config.branchInputChannels(1)));
    int top = config.levelFilters(config.depth() - 1);
    SDVariable z = pointwise("fusion/mix", joined, 2 * top, config.latentChannels(), config.latentSize(), true);
    SDVariable petLoss = loss(decoder("pet_decoder", z), petTarget, petWeight);
    SDVariable ctLoss = loss(decoder("ct_decoder", z), ctTarget, ctWeight);
    SDVariable total = petLoss.add("loss", ctLoss.mul(config.contextLossWeight()));
    sd.setLossVariables(total);
    sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(config.learningRate()))
        .dataSetFeatureMapping("pet", "ct", "petTarget", "ctTarget", "petWeight", "ctWeight").markLabelsUnused().build());
  }

  private SDVariable encoder(String name, SDVariable x, int channels) {
    for (int i = 0; i < config.depth(); i++) {
      int f = config.levelFilters(i);
      x = conv(name + "/down" + i, x, channels, f, 2);
      x = conv(name + "/conv" + i, x, f, f, 1);
      channels = f;
    }
    return x;
  }

  private SDVariable decoder(String name, SDVariable z) {
    int channels = config.latentChannels();
    int size = config.latentSize();
    for (int i = config.depth() - 1; i >= 0; i--) {
      int f = config.levelFilters(i);
      int up = config.levelFilters(Math.max(i - 1, 0));
      z = conv(name + "/conv" + i, z, channels, f, 1);
      SDVariable w = sd.var(name + "/up" + i + "/W", new XavierInitScheme('c', f, up), DataType.FLOAT, 2, 2, up, f);
      SDVariable b = sd.zero(name + "/up" + i + "/b", DataType.FLOAT, up);
      DeConv2DConfig c = DeConv2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isSameMode(false).dataFormat("NHWC").build();
      z = sd.nn().relu(sd.nn().biasAdd(sd.cnn().deconv2d(z, w, c), b, false), 0);
      channels = up;
      size *= 2;
    }
    return pointwise(name + "/head", z, channels, 1, size, false);
  }

  private SDVariable conv(String name, SDVariable x, int in, int out, int stride) {
    SDVariable w = sd.var(name + "/W", new XavierInitScheme('c', 9 * in, 9 * out), DataType.FLOAT, 3, 3, in, out);
    SDVariable b = sd.zero(name + "/b", DataType.FLOAT, out);
    Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).paddingMode(PaddingMode.SAME)
        .dataFormat("NHWC").build();
    return sd.nn().relu(sd.cnn().conv2d(name, x, w, b, c), 0);
  }

  private SDVariable pointwise(String name, SDVariable x, int in, int out, int size, boolean relu) {
    SDVariable w = sd.var(name + "/W", new XavierInitScheme('c', in, out), DataType.FLOAT, in, out);
    SDVariable b = sd.zero(name + "/b", DataType.FLOAT, out);
    SDVariable y = x.reshape(-1, in).mmul(w).add(b).reshape(-1, size, size, out);
    return relu ? sd.nn().relu(y, 0) : y;
  }

  private SDVariable loss(SDVariable out, SDVariable target, SDVariable weight) {
    SDVariable d = out.sub(target);
    return d.mul(d).mul(weight).sum().div(weight.sum());
  }

  /** One Adam step on the given NHWC tensors (pet, ct, petTarget, ctTarget, petWeight, ctWeight). */
  void fit(INDArray... tensors) {
    sd.fit(new MultiDataSet(tensors, new INDArray[0]));
  }
}
