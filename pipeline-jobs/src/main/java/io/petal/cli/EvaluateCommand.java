package io.petal.cli;

import io.petal.evaluation.CrossValidation;
import io.petal.evaluation.EvaluateJob;
import io.petal.jobs.PipelineFoldTrainer;
import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
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
      description = "Patient-level cross-validation folds: K > 1 trains the autoencoder and the U-Net per fold on the "
          + "other folds' patients (models <name>-fold<k>; one U-Net per annotation source, <name>-fold<k>@<source>, "
          + "when the studies have several) and pools the held-out folds (1 = evaluate the existing models on --split).")
  int folds;

  @Option(names = "--fold-seed", defaultValue = "42", description = "Seed of the patient-to-fold assignment.")
  long seed;

  @Option(names = "--ae-epochs", defaultValue = "10", description = "Autoencoder epochs per fold (with --folds).")
  int aeEpochs;

  @Option(names = "--seg-epochs", defaultValue = "10", description = "Segmentation epochs per fold (with --folds).")
  int segEpochs;

  @Mixin AnomalyOptions anomaly;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-evaluate");
    EvaluateJob.Options options = new EvaluateJob.Options(warehouse.warehouse(), split, anomalyModel, models, run, examples);
    EvaluationSummary s = folds > 1
        ? EvaluateJob.runCrossValidated(session, options, new CrossValidation.Settings(folds, seed),
            new PipelineFoldTrainer(aeEpochs, segEpochs, AutoencoderConfig.defaults(), SegmentationConfig.defaults(),
                anomaly.settings(spark.resolver(session))))
        : EvaluateJob.run(session, options);
    s.lines().forEach(System.out::println);
    return 0;
  }
}
