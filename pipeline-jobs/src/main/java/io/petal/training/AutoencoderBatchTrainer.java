package io.petal.training;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.StepLoss;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The autoencoder's worker step: 2.5D windows of every channel around the batch's centre slices,
 * one masked reconstruction step ({@link AutoencoderModel#fitBatch}). Each worker's model draws
 * its own training masks (its seed is offset by the partition index). The loss terms are the
 * branches' ({@code pet} and {@code ct} for PET/CT).
 */
final class AutoencoderBatchTrainer implements BatchTrainer<TrainingStudy, AutoencoderModel> {
  private static final long serialVersionUID = 1L;
  private static final long SEED_STRIDE = 0x5DEECE66DL;

  private final Properties config;
  private final List<String> branches;

  AutoencoderBatchTrainer(AutoencoderConfig config) {
    this.config = config.toProperties();
    this.branches = java.util.stream.IntStream.range(0, config.channels().groups().size())
        .mapToObj(config.channels()::branchName).toList();
  }

  @Override
  public AutoencoderModel createModel(int partition) {
    AutoencoderConfig c = AutoencoderConfig.fromProperties(config);
    return AutoencoderModel.create(c.toBuilder().seed(c.seed() + SEED_STRIDE * (partition + 1)).build());
  }

  @Override
  public int[] samples(TrainingStudy study) {
    return study.centres();
  }

  @Override
  public List<String> lossTerms() {
    return branches;
  }

  @Override
  public double[] step(AutoencoderModel model, List<TrainingStudy> studies, int[] studyIndex, int[] centres, int n,
      SplittableRandom random) {
    AutoencoderConfig c = model.config();
    int window = c.slices() * c.size() * c.size();
    float[][] images = NetworkStack.windows(c.channels().count(), n, c.slices(), c.size());
    for (int j = 0; j < n; j++) {
      studies.get(studyIndex[j]).stack().copyWindow(centres[j], c.neighbours(), images, j * window);
    }
    StepLoss l = model.fitBatch(images, null, n);
    double[] out = new double[1 + l.branches().size()];
    out[0] = l.total();
    for (int g = 0; g < l.branches().size(); g++) {
      out[g + 1] = l.branches().get(g);
    }
    return out;
  }

  /** Reads and writes autoencoder zips. */
  static final ModelCodec<AutoencoderModel> CODEC = new ModelCodec<>() {
    @Override
    public void save(AutoencoderModel model, java.io.OutputStream out) throws java.io.IOException {
      model.save(out);
    }

    @Override
    public AutoencoderModel load(java.io.InputStream in) throws java.io.IOException {
      return AutoencoderModel.load(in);
    }
  };
}
