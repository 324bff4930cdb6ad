package io.petal.segmentation;

import io.petal.image.ImageGrid;
import io.petal.models.ModelChannels;
import io.petal.models.seg.LesionSynthesisConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.models.seg.SegmentationStepLoss;
import io.petal.models.seg.SliceStackGeometry;
import io.petal.models.seg.SyntheticLesionInserter;
import io.petal.models.seg.SyntheticLesions;
import io.petal.training.BatchTrainer;
import io.petal.training.NetworkStack;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The U-Net's worker step: 2.5D windows of every channel around the batch's centre slices and the
 * region targets of their centre slices; in studies that carry synthetic lesions (normal PET/CT
 * studies), lesions are inserted into a window with probability {@code insertProbability} (its
 * lesion target becomes the inserted lesions' centre label); the prior is the autoencoder's
 * anomaly map of the (modified) window; with report text, each sample carries its study's report
 * features ({@link ReportFeatures}), except a window with inserted lesions, which its study's
 * report does not describe and which is given none (all-zero features); then one Dice +
 * cross-entropy step.
 */
final class SegmentationBatchTrainer implements BatchTrainer<SegmentationStudy, SegmentationModel> {
  private static final long serialVersionUID = 1L;

  private final Properties config;
  private final PriorMaps priors;
  private final ReportFeatures text;
  private final LesionSynthesisConfig lesions;
  private final double insertProbability;

  /** @param text the studies' report features; null exactly when the model has no text path */
  SegmentationBatchTrainer(SegmentationConfig config, PriorMaps priors, ReportFeatures text,
      LesionSynthesisConfig lesions, double insertProbability) {
    this.config = config.toProperties();
    this.priors = priors;
    this.text = text;
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
    ModelChannels layout = c.channels();
    int plane = c.size() * c.size();
    int window = c.slices() * plane;
    float[][] images = NetworkStack.windows(layout.count(), n, c.slices(), c.size());
    float[] labels = new float[n * c.regions() * plane];
    double[] thresholds = new double[n];
    double[] pixelMm = new double[n];
    float[] features = text == null ? null : new float[n * text.dimension()];
    SyntheticLesionInserter inserter = new SyntheticLesionInserter(lesions);
    for (int j = 0; j < n; j++) {
      SegmentationStudy s = studies.get(studyIndex[j]);
      s.stack().copyWindow(centres[j], c.neighbours(), images, j * window);
      s.copyLabels(centres[j], layout, labels, j * c.regions() * plane);
      thresholds[j] = s.threshold();
      pixelMm[j] = s.pixelMm();
      boolean inserted = s.synthetic() && random.nextDouble() < insertProbability;
      if (inserted) {
        insert(inserter, s.stack().grid(), images, labels, j, window, plane, c, random);
      } else if (features != null) {
        // a window with inserted lesions gets no report: its study's report does not describe them
        text.copy(s.studyKey(), features, j * text.dimension());
      }
    }
    float[] prior = c.usePrior() ? priors.of(images, n, thresholds, pixelMm, plane) : null;
    SegmentationStepLoss l = model.fitBatch(images, prior, features, labels, n);
    return new double[] {l.total(), l.dice(), l.bce()};
  }

  /** Inserts lesions into window j's PET and CT (PET/CT layouts only); its lesion target (region 0) takes them. */
  private static void insert(SyntheticLesionInserter inserter, ImageGrid grid, float[][] images, float[] labels, int j,
      int window, int plane, SegmentationConfig c, SplittableRandom random) {
    float[] pet = images[c.channels().indexOf("PET")];
    float[] ct = images[c.channels().indexOf("CT")];
    float[] p = java.util.Arrays.copyOfRange(pet, j * window, (j + 1) * window);
    float[] t = java.util.Arrays.copyOfRange(ct, j * window, (j + 1) * window);
    SliceStackGeometry g = new SliceStackGeometry(c.slices(), c.size(), grid.spacing(0), grid.spacing(1), grid.spacing(2));
    SyntheticLesions inserted = inserter.insert(p, t, c.channels().bodyRule(c.normalisation()).mask(t, c.size(), c.size()), g, random);
    System.arraycopy(p, 0, pet, j * window, window);
    System.arraycopy(t, 0, ct, j * window, window);
    float[] centre = inserted.centreLabel();
    int target = j * c.regions() * plane;
    for (int v = 0; v < plane; v++) {
      labels[target + v] = Math.max(labels[target + v], centre[v]);
    }
  }
}
