package io.petal.segmentation;

import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.training.AveragingTrainer;
import io.petal.training.ModelState;
import io.petal.models.ModelChannels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Dice on held-out validation patients after each epoch: per study and output region, predicted
 * (probability ≥ 0.5) against true region over every slice of the study on the network grid (the
 * whole volume, as {@code petal evaluate} scores it, so false positives far from the lesions
 * count), pooled per study; reported as the mean over studies where the region is present:
 * {@code dice} for the first region (the lesion; brain MRI: the whole tumour) and, with several
 * regions, {@code dice_<region>} for each. The same predictions are scored at every
 * {@link LabelThreshold#CANDIDATES candidate label threshold}; the one with the highest Dice
 * averaged over the regions is reported as {@value LabelThreshold#FIGURE}, with the first region's
 * Dice there as {@value LabelThreshold#DICE_FIGURE}.
 */
final class ValidationDice implements AveragingTrainer.Validator<SegmentationModel> {
  private final JavaSparkContext sc;
  private final JavaRDD<SegmentationStudy> studies;
  private final Properties config;
  private final PriorMaps priors;
  private final ReportFeatures text;

  /** @param text the studies' report features; null exactly when the model has no text path */
  ValidationDice(JavaSparkContext sc, JavaRDD<SegmentationStudy> studies, SegmentationConfig config, PriorMaps priors,
      ReportFeatures text) {
    this.sc = sc;
    this.studies = studies;
    this.config = config.toProperties();
    this.priors = priors;
    this.text = text;
  }

  @Override
  public Map<String, Double> validate(SegmentationModel model) {
    Broadcast<ModelState> state = sc.broadcast(ModelState.of(model));
    Properties c = config;
    PriorMaps p = priors;
    ReportFeatures t = text;
    // per study, per candidate threshold: one Dice per region, NaN where the region is absent from truth and prediction
    List<double[][]> dice = studies.mapPartitions(it -> {
      SegmentationModel local = SegmentationModel.create(SegmentationConfig.fromProperties(c));
      state.value().applyTo(local);
      SlicePredictor predictor = new SlicePredictor(local, p, t, 16);
      ModelChannels layout = local.config().channels();
      List<double[][]> out = new ArrayList<>();
      while (it.hasNext()) {
        out.add(regionDice(it.next(), predictor, layout));
      }
      return out.iterator();
    }).collect();
    state.destroy();
    ModelChannels layout = SegmentationConfig.fromProperties(config).channels();
    int regions = layout.regions().size();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("dice", mean(dice, 0, 0));
    if (regions > 1) {
      for (int r = 0; r < regions; r++) {
        figures.put("dice_" + layout.regionNames().get(r), mean(dice, 0, r));
      }
    }
    double[] score = new double[LabelThreshold.CANDIDATES.length];
    for (int i = 0; i < score.length; i++) {
      int candidate = i;
      score[i] = java.util.stream.IntStream.range(0, regions).mapToDouble(r -> mean(dice, candidate, r))
          .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
    int best = LabelThreshold.best(score);
    if (best >= 0) {
      figures.put(LabelThreshold.FIGURE, LabelThreshold.CANDIDATES[best]);
      figures.put(LabelThreshold.DICE_FIGURE, mean(dice, best, 0));
    }
    figures.put("studies", (double) dice.stream().filter(d -> !Double.isNaN(d[0][0])).count());
    return figures;
  }

  /** Dice [candidate threshold][region] of one study's slices. */
  private static double[][] regionDice(SegmentationStudy s, SlicePredictor predictor, ModelChannels layout) {
    int regions = layout.regions().size();
    int plane = s.stack().grid().sliceSize();
    int[] slices = java.util.stream.IntStream.range(0, s.stack().slices()).toArray();
    float[] prob = predictor.predict(s, slices);
    float[] truth = new float[regions * plane];
    double[] thresholds = LabelThreshold.CANDIDATES;
    double[][] both = new double[thresholds.length][regions];
    double[][] sum = new double[thresholds.length][regions];
    for (int j = 0; j < slices.length; j++) {
      s.copyLabels(slices[j], layout, truth, 0);
      for (int r = 0; r < regions; r++) {
        for (int v = 0; v < plane; v++) {
          boolean t = truth[r * plane + v] > 0;
          float p = prob[(j * regions + r) * plane + v];
          for (int c = 0; c < thresholds.length; c++) {
            boolean predicted = p >= thresholds[c];
            both[c][r] += t && predicted ? 1 : 0;
            sum[c][r] += (t ? 1 : 0) + (predicted ? 1 : 0);
          }
        }
      }
    }
    double[][] dice = new double[thresholds.length][regions];
    for (int c = 0; c < thresholds.length; c++) {
      for (int r = 0; r < regions; r++) {
        dice[c][r] = sum[c][r] > 0 ? 2 * both[c][r] / sum[c][r] : Double.NaN;
      }
    }
    return dice;
  }

  private static double mean(List<double[][]> dice, int candidate, int region) {
    return dice.stream().mapToDouble(d -> d[candidate][region]).filter(d -> !Double.isNaN(d)).average()
        .orElse(Double.NaN);
  }
}
