package io.petal.cli;

import io.petal.scoring.ScoringJob;
import io.petal.scoring.ScoringSettings;
import io.petal.scoring.SuvThreshold;
import io.petal.spark.ConfigResolver;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal score}: anomaly maps and slice scores of every study with a trained autoencoder. */
@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Score every slice: SUV-threshold-masked reconstruction, anomaly map and slice score, "
        + "written to W/tables/anomaly (the model's partition is replaced).",
        "Settings may also come from spark.petal.score.<option> or an --experiment file."})
public final class ScoreCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--model", defaultValue = "autoencoder", description = "Autoencoder to score with (W/models/<name>).")
  String model;

  @ArgGroup(exclusive = true)
  Threshold threshold = new Threshold();

  static final class Threshold {
    @Option(names = "--suv-threshold", description = "Hide PET voxels above this SUV. Default: 2.5.")
    Double suv;

    @Option(names = "--liver-relative", paramLabel = "K",
        description = "Instead: hide voxels above K x the study's liver SUVmean (automatic liver reference).")
    Double liverMultiple;
  }

  @Option(names = "--smoothing-mm", description = "FWHM of the in-plane smoothing of the residual, mm. Default: 8.")
  Double smoothingMm;

  @Option(names = "--top-k", description = "Slice score = mean of the k largest anomaly values. Default: 10.")
  Integer topK;

  @Option(names = "--batch-size", description = "Slices per forward pass. Default: 32.")
  Integer batchSize;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-score");
    ScoringJob.Summary s = ScoringJob.run(session,
        new ScoringJob.Options(warehouse.warehouse(), model, settings(spark.resolver(session))));
    System.out.printf("score %s: %d studies, %d slices -> %s/tables/anomaly (%d quarantined)%n", s.model(), s.studies(),
        s.slices(), warehouse.warehouse(), s.quarantined());
    return 0;
  }

  ScoringSettings settings(ConfigResolver conf) {
    ScoringSettings d = ScoringSettings.DEFAULT;
    double k = conf.getDouble("spark.petal.score.liverRelative", threshold.liverMultiple, 0);
    SuvThreshold t = k > 0 ? SuvThreshold.liverRelative(k)
        : SuvThreshold.fixed(conf.getDouble("spark.petal.score.suvThreshold", threshold.suv, d.threshold().fixedSuv()));
    return new ScoringSettings(t, conf.getDouble("spark.petal.score.smoothingMm", smoothingMm, d.smoothingFwhmMm()),
        conf.getInt("spark.petal.score.topK", topK, d.topK()),
        conf.getInt("spark.petal.score.batchSize", batchSize, d.batchSize()));
  }
}
