package io.petal.cli;

import io.petal.scoring.ScoringJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal score}: anomaly maps and slice scores of every study with a trained autoencoder. */
@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Score every slice of the autoencoder's study kind: threshold-masked reconstruction (PET above an SUV "
        + "threshold; MRI T2/FLAIR or bone-scan counts above a multiple of the study's robust scale), anomaly map and "
        + "slice score, written to W/tables/anomaly (the model's partition is replaced).",
        "Settings may also come from spark.petal.score.<option> or an --experiment file."})
public final class ScoreCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--model", defaultValue = "autoencoder", description = "Autoencoder to score with (W/models/<name>).")
  String model;

  @Mixin AnomalyOptions anomaly;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-score");
    ScoringJob.Summary s = ScoringJob.run(session,
        new ScoringJob.Options(warehouse.warehouse(), model, anomaly.settings(spark.resolver(session))));
    System.out.printf("score %s: %d studies, %d slices -> %s/tables/anomaly (%d quarantined)%n", s.model(), s.studies(),
        s.slices(), warehouse.warehouse(), s.quarantined());
    return 0;
  }
}
