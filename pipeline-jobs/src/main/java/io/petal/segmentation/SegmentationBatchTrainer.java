package io.petal.segmentation;

import io.petal.image.ImageGrid;
import io.petal.models.seg.LesionSynthesisConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.models.seg.SegmentationStepLoss;
import io.petal.models.seg.SliceStackGeometry;
import io.petal.models.seg.SyntheticLesionInserter;
import io.petal.models.seg.SyntheticLesions;
import io.petal.training.BatchTrainer;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The U-Net's worker step: 2.5D windows around the batch's centre slices; in studies that carry
 * synthetic lesions, lesions are inserted into a window with probability
 * {@code insertProbability} (its label becomes the inserted lesions' centre label); the prior is
 * the autoencoder's anomaly map of the (modified) window; then one Dice + cross-entropy step.
 */
final class SegmentationBatchTrainer implements BatchTrainer<SegmentationStudy, SegmentationModel> {
  private static final long serialVersionUID = 1L;

  private final Properties config;
  private final PriorMaps priors;
  private final LesionSynthesisConfig lesions;
  private final double insertProbability;

  SegmentationBatchTrainer(SegmentationConfig config, PriorMaps priors, LesionSynthesisConfig lesions,
      double insertProbability) {
    this.config = config.toProperties();
    this.priors = priors;
    this.lesions = lesions;
    this.insertProbability = insertProbability;
  }

  @Override
  public SegmentationModel createModel(int partition) {
    return SegmentationModel.create(SegmentationConfig.fromProperties(config));
  }

  @Override
  public int[] samples(SegmentationStudy study) {
    return study.samples();
  }

  @Override
  public List<String> lossTerms() {
    return List.of("dice", "bce");
  }

  @Override
  public double[] step(SegmentationModel model, List<SegmentationStudy> studies, int[] studyIndex, int[] centres, int n,
      SplittableRandom random) {
    SegmentationConfig c = model.config();
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    float[] pet = new float[n * window];
    float[] ct = new float[n * window];
    float[] labels = new float[n * plane];
    double[] thresholds = new double[n];
    SyntheticLesionInserter inserter = new SyntheticLesionInserter(lesions);
    for (int j = 0; j < n; j++) {
      SegmentationStudy s = studies.get(studyIndex[j]);
      s.stack().copyWindow(centres[j], c.neighbours(), pet, ct, j * window);
      s.copyLabel(centres[j], labels, j * plane);
      thresholds[j] = s.thresholdSuv();
      if (s.synthetic() && random.nextDouble() < insertProbability) {
        insert(inserter, s.stack().grid(), pet, ct, labels, j, window, plane, c, random);
      }
    }
    float[] prior = c.usePrior() ? priors.of(pet, ct, n, thresholds, plane) : null;
    SegmentationStepLoss l = model.fitBatch(pet, ct, prior, labels, n);
    return new double[] {l.total(), l.dice(), l.bce()};
  }

  private static void insert(SyntheticLesionInserter inserter, ImageGrid grid, float[] pet, float[] ct, float[] labels,
      int j, int window, int plane, SegmentationConfig c, SplittableRandom random) {
    float[] p = java.util.Arrays.copyOfRange(pet, j * window, (j + 1) * window);
    float[] t = java.util.Arrays.copyOfRange(ct, j * window, (j + 1) * window);
    SliceStackGeometry g = new SliceStackGeometry(c.slices(), c.size(), grid.spacing(0), grid.spacing(1), grid.spacing(2));
    SyntheticLesions inserted = inserter.insert(p, t, c.normalisation().bodyMask(t), g, random);
    System.arraycopy(p, 0, pet, j * window, window);
    System.arraycopy(t, 0, ct, j * window, window);
    float[] centre = inserted.centreLabel();
    for (int v = 0; v < plane; v++) {
      labels[j * plane + v] = Math.max(labels[j * plane + v], centre[v]);
    }
  }
}
