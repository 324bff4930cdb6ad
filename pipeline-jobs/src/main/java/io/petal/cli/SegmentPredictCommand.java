package io.petal.cli;

import io.petal.segmentation.SegmentationPredictJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal segment predict}: lesion probability and label per slice into W/tables/masks. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Write lesion probability and label per slice to W/tables/masks (the model's partitions replaced).")
public final class SegmentPredictCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;
  @Mixin AnomalyOptions scoring;

  @Option(names = "--model", defaultValue = "segmentation", description = "Segmentation model (W/models/<name>).")
  String model;

  @Option(names = "--split", defaultValue = "all", description = "Studies to predict: all, or a split name (e.g. test).")
  String split;

  @Option(names = "--batch-size", defaultValue = "16", description = "Slices per forward pass.")
  int batchSize;

  @Option(names = "--label-threshold", paramLabel = "P", description = "Probability at or above which a voxel is "
      + "labelled. Default: the model's, chosen on its validation patients (model-card.json, last epoch's "
      + "label_threshold), or 0.5 for a model trained without them.")
  Float labelThreshold;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-segment-predict");
    SegmentationPredictJob.Summary s = SegmentationPredictJob.run(session, new SegmentationPredictJob.Options(
        warehouse.warehouse(), model, split, scoring.settings(spark.resolver(session)), batchSize, null,
        labelThreshold));
    System.out.printf("segment predict %s: %d studies, %d slices, labelled at probability >= %s -> %s/tables/masks%n",
        s.model(), s.studies(), s.slices(), s.labelThreshold(), warehouse.warehouse());
    return 0;
  }
}
