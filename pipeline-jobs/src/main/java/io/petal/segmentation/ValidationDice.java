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
 * (probability ≥ 0.5) against true region over the study's sampled slices (all labelled slices
 * and as many label-free ones), pooled per study; reported as the mean over studies where the
 * region is present: {@code dice} for the first region (the lesion; brain MRI: the whole tumour)
 * and, with several regions, {@code dice_<region>} for each.
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
    // per study: one Dice per region, NaN where the region is absent from truth and prediction
    List<double[]> dice = studies.mapPartitions(it -> {
      SegmentationModel local = SegmentationModel.create(SegmentationConfig.fromProperties(c));
      state.value().applyTo(local);
      SlicePredictor predictor = new SlicePredictor(local, p, t, 16);
      ModelChannels layout = local.config().channels();
      List<double[]> out = new ArrayList<>();
      while (it.hasNext()) {
        out.add(regionDice(it.next(), predictor, layout));
      }
      return out.iterator();
    }).collect();
    state.destroy();
    ModelChannels layout = SegmentationConfig.fromProperties(config).channels();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("dice", mean(dice, 0));
    if (layout.regions().size() > 1) {
      for (int r = 0; r < layout.regions().size(); r++) {
        figures.put("dice_" + layout.regionNames().get(r), mean(dice, r));
      }
    }
    figures.put("studies", (double) dice.stream().filter(d -> !Double.isNaN(d[0])).count());
    return figures;
  }

  private static double[] regionDice(SegmentationStudy s, SlicePredictor predictor, ModelChannels layout) {
    int regions = layout.regions().size();
    int plane = s.stack().grid().sliceSize();
    float[] prob = predictor.predict(s, s.samples());
    float[] truth = new float[regions * plane];
    double[] both = new double[regions];
    double[] sum = new double[regions];
    for (int j = 0; j < s.samples().length; j++) {
      s.copyLabels(s.samples()[j], layout, truth, 0);
      for (int r = 0; r < regions; r++) {
        for (int v = 0; v < plane; v++) {
          boolean t = truth[r * plane + v] > 0;
          boolean predicted = prob[(j * regions + r) * plane + v] >= 0.5f;
          both[r] += t && predicted ? 1 : 0;
          sum[r] += (t ? 1 : 0) + (predicted ? 1 : 0);
        }
      }
    }
    double[] dice = new double[regions];
    for (int r = 0; r < regions; r++) {
      dice[r] = sum[r] > 0 ? 2 * both[r] / sum[r] : Double.NaN;
    }
    return dice;
  }

  private static double mean(List<double[]> dice, int region) {
    return dice.stream().mapToDouble(d -> d[region]).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
  }
}
