package io.petal.translate;

import io.petal.models.translate.TranslationConfig;
import io.petal.models.translate.TranslationModel;
import io.petal.models.translate.TranslationStepLoss;
import io.petal.training.BatchTrainer;
import io.petal.training.ModelCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The translator's worker step: the source windows and target centre slices of the batch's
 * samples, one step of both generator and discriminator ({@link TranslationModel#fitBatch}).
 * Deterministic: the step's random state is not used.
 */
final class TranslationBatchTrainer implements BatchTrainer<TranslationStudy, TranslationModel> {
  private static final long serialVersionUID = 1L;

  private final Properties config;

  TranslationBatchTrainer(TranslationConfig config) {
    this.config = config.toProperties();
  }

  @Override
  public TranslationModel createModel(int partition) {
    return TranslationModel.create(TranslationConfig.fromProperties(config));
  }

  @Override
  public int[] samples(TranslationStudy study) {
    return study.centres();
  }

  @Override
  public List<String> lossTerms() {
    return List.of("l1", "adversarial", "discriminator");
  }

  @Override
  public double[] step(TranslationModel model, List<TranslationStudy> studies, int[] studyIndex, int[] centres, int n,
      SplittableRandom random) {
    TranslationConfig c = model.config();
    int plane = c.size() * c.size();
    int sourceLength = c.generatorInputChannels() * plane;
    int targetLength = c.generatorOutputChannels() * plane;
    float[] source = new float[n * sourceLength];
    float[] target = new float[n * targetLength];
    for (int j = 0; j < n; j++) {
      TranslationStudy s = studies.get(studyIndex[j]);
      s.copySources(centres[j], c.neighbours(), source, j * sourceLength);
      s.copyTargets(centres[j], target, j * targetLength);
    }
    TranslationStepLoss l = model.fitBatch(source, target, n);
    return new double[] {l.generator(), l.l1(), l.adversarial(), l.discriminator()};
  }

  /** Reads and writes translator zips. */
  static final ModelCodec<TranslationModel> CODEC = new ModelCodec<>() {
    @Override
    public void save(TranslationModel model, OutputStream out) throws IOException {
      model.save(out);
    }

    @Override
    public TranslationModel load(InputStream in) throws IOException {
      return TranslationModel.load(in);
    }
  };
}
