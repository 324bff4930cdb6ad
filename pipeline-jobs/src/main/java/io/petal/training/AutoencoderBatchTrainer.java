package io.petal.training;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.StepLoss;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The autoencoder's worker step: 2.5D windows around the batch's centre slices, one masked
 * reconstruction step ({@link AutoencoderModel#fitBatch}). Each worker's model draws its own
 * training masks (its seed is offset by the partition index).
 */
final class AutoencoderBatchTrainer implements BatchTrainer<TrainingStudy, AutoencoderModel> {
  private static final long serialVersionUID = 1L;
  private static final long SEED_STRIDE = 0x5DEECE66DL;

  private final Properties config;

  AutoencoderBatchTrainer(AutoencoderConfig config) {
    this.config = config.toProperties();
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
    return List.of("pet", "ct");
  }

  @Override
  public double[] step(AutoencoderModel model, List<TrainingStudy> studies, int[] studyIndex, int[] centres, int n,
      SplittableRandom random) {
    AutoencoderConfig c = model.config();
    int window = c.slices() * c.size() * c.size();
    float[] pet = new float[n * window];
    float[] ct = new float[n * window];
    for (int j = 0; j < n; j++) {
      studies.get(studyIndex[j]).stack().copyWindow(centres[j], c.neighbours(), pet, ct, j * window);
    }
    StepLoss l = model.fitBatch(pet, ct, null, n);
    return new double[] {l.total(), l.pet(), l.ct()};
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
