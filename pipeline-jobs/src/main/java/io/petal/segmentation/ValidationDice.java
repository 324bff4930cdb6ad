package io.petal.segmentation;

import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.training.AveragingTrainer;
import io.petal.training.ModelState;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Dice on held-out validation patients after each epoch: per study, predicted label (probability
 * ≥ 0.5) against the true label over its sampled slices (all lesion slices and as many lesion-free
 * ones), pooled per study; reported as the mean over studies with lesions.
 */
final class ValidationDice implements AveragingTrainer.Validator<SegmentationModel> {
  private final JavaSparkContext sc;
  private final JavaRDD<SegmentationStudy> studies;
  private final Properties config;
  private final PriorMaps priors;

  ValidationDice(JavaSparkContext sc, JavaRDD<SegmentationStudy> studies, SegmentationConfig config, PriorMaps priors) {
    this.sc = sc;
    this.studies = studies;
    this.config = config.toProperties();
    this.priors = priors;
  }

  @Override
  public Map<String, Double> validate(SegmentationModel model) {
    Broadcast<ModelState> state = sc.broadcast(ModelState.of(model));
    Properties c = config;
    PriorMaps p = priors;
    List<Double> dice = studies.mapPartitions(it -> {
      SegmentationModel local = SegmentationModel.create(SegmentationConfig.fromProperties(c));
      state.value().applyTo(local);
      SlicePredictor predictor = new SlicePredictor(local, p, 16);
      java.util.List<Double> out = new java.util.ArrayList<>();
      while (it.hasNext()) {
        SegmentationStudy s = it.next();
        float[] prob = predictor.predict(s, s.samples());
        int plane = s.stack().grid().sliceSize();
        double both = 0;
        double sum = 0;
        for (int j = 0; j < s.samples().length; j++) {
          for (int v = 0; v < plane; v++) {
            boolean truth = s.label()[s.samples()[j] * plane + v] > 0;
            boolean predicted = prob[j * plane + v] >= 0.5f;
            both += truth && predicted ? 1 : 0;
            sum += (truth ? 1 : 0) + (predicted ? 1 : 0);
          }
        }
        if (sum > 0) {
          out.add(2 * both / sum);
        }
      }
      return out.iterator();
    }).collect();
    state.destroy();
    double mean = dice.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return Map.of("dice", mean, "studies", (double) dice.size());
  }
}
