package io.petal.cli;

import io.petal.evaluation.EvaluateJob;
import io.petal.evaluation.EvaluationSelection;
import io.petal.evaluation.EvaluationSummary;
import io.petal.evaluation.ExampleSlices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal evaluate}: AUROC of the anomaly map, autoPET metrics of every segmentation model, the report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Evaluate at cohort scale: slice- and pixel-level AUROC/AUPRC of the anomaly map, Dice, surface "
        + "Dice, FPV/FNV and lesion detection by size of every model in W/tables/masks (U-Nets and baselines), "
        + "the cross-evaluation of annotation sources; writes W/reports/<run>/ (report.html, summary.json, "
        + "Parquet tables) and W/tables/patient_metrics, W/tables/ranking_metrics."})
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--split", defaultValue = EvaluateJob.DEFAULT_SPLIT,
      description = "Split to evaluate, or '" + EvaluationSelection.ALL + "' (every study when no study has a split).")
  String split;

  @Option(names = "--anomaly-model", defaultValue = "autoencoder",
      description = "Autoencoder whose anomaly maps are ranked (W/tables/anomaly).")
  String anomalyModel;

  @Option(names = "--models", split = ",", paramLabel = "MODEL",
      description = "Segmentation models to evaluate (masks.model). Default: every model with masks of the "
          + "evaluated studies.")
  List<String> models = new ArrayList<>();

  @Option(names = "--run", description = "Run name (folder W/reports/<run>). Default: evaluate-<UTC time>.")
  String run;

  @Option(names = "--examples", defaultValue = "" + ExampleSlices.DEFAULT_COUNT,
      description = "Example slices in the report.")
  int examples;

  @Option(names = "--folds", defaultValue = "1",
      description = "Patient-level cross-validation folds (1 = evaluate the existing models on --split).")
  int folds;

  @Override
  public Integer call() throws Exception {
    if (folds > 1) {
      return PendingStage.report("evaluate --folds " + folds, "train the autoencoder and the segmentation per fold "
          + "(it needs petal segment train and predict) and pool the held-out folds into one report");
    }
    SparkSession session = spark.session("petal-evaluate");
    EvaluationSummary s = EvaluateJob.run(session,
        new EvaluateJob.Options(warehouse.warehouse(), split, anomalyModel, models, run, examples));
    s.lines().forEach(System.out::println);
    return 0;
  }
}
