package io.petal.cli;

import io.petal.ingest.IngestJob;
import io.petal.jobs.SynthJob;
import io.petal.lesions.LesionsJob;
import io.petal.models.AutoencoderConfig;
import io.petal.scoring.ScoringJob;
import io.petal.scoring.ScoringSettings;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.ModelCard;
import io.petal.training.NormalSliceRule;
import io.petal.training.TrainingSelection;
import io.petal.privacy.PseudonymKeys;
import io.petal.jobs.SynthGrid;
import io.petal.warehouse.Warehouse;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code petal demo}: the README's first command. Makes a small synthetic cohort under
 * {@code W/cohorts/demo} and runs every stage that is built on it, printing where the outputs
 * are. Synthetic data only, so it may use the public demo pseudonym key when none is set.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Make a small synthetic cohort and run every built stage on it in Spark local mode.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--normal", defaultValue = "4", description = "Normal patients.")
  int normal;

  @Option(names = "--abnormal", defaultValue = "4", description = "Patients with lesions.")
  int abnormal;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the cohort.")
  long seed;

  @Option(names = "--grid", defaultValue = "standard", description = "Image grid: ${COMPLETION-CANDIDATES}.")
  SynthGrid grid;

  @Option(names = "--epochs", defaultValue = "2", description = "Autoencoder training epochs.")
  int epochs;

  @Override
  public Integer call() throws Exception {
    Warehouse w = warehouse.warehouse();
    SparkSession session = spark.session("petal-demo");
    String cohort = w.cohort("demo");
    SynthJob.run(session, new SynthJob.Options(cohort, normal, abnormal, seed, true, grid.config()));
    IngestJob.Summary ingest = IngestJob.run(session,
        new IngestJob.Options(w, cohort + "/" + SynthJob.MANIFEST, null, "demo"),
        PseudonymKeys.resolve(null, true, System.getenv()));
    AutoencoderTrainer.Result ae = AutoencoderTrainer.run(session, new AutoencoderTrainer.Options(w, "autoencoder",
        epochs, false, true, AutoencoderConfig.defaults(), 32, 0, 5, NormalSliceRule.AUTO, TrainingSelection.AUTO));
    LesionsJob.Summary lesions = LesionsJob.run(session, new LesionsJob.Options(w, Set.of("demo")));
    System.out.println();
    System.out.println("Petal demo finished.");
    System.out.println("  synthetic cohort : " + cohort + "  (" + (normal + abnormal) + " studies, NIfTI, autoPET layout)");
    System.out.println("  manifest         : " + cohort + "/" + SynthJob.MANIFEST);
    System.out.println("  inserted lesions : " + cohort + "/" + SynthJob.LESIONS);
    System.out.println("  previews         : " + cohort + "/<patient>/<study>/preview.png");
    System.out.printf("  ingest           : %d ingested, %d unchanged, %d quarantined%n", ingest.ingested(),
        ingest.unchanged(), ingest.quarantined());
    System.out.printf("  lesions          : %d lesions in %d annotated studies%n", lesions.lesions(), lesions.studies());
    System.out.println("  tables           : " + w.table("studies") + ", " + w.table("slices") + ", "
        + w.table("quarantine") + ", " + w.table("lesions") + ", " + w.table("lesion_summary"));
    ScoringJob.Summary scored = ScoringJob.run(session, new ScoringJob.Options(w, "autoencoder", ScoringSettings.DEFAULT));
    ModelCard card = ae.card();
    System.out.printf("  autoencoder      : %s  (%d epochs on %d normal slices, loss %.4f -> %.4f)%n", ae.modelPath(),
        card.epochs().size(), card.data().slices(), card.epochs().get(0).loss(),
        card.epochs().get(card.epochs().size() - 1).loss());
    System.out.printf("  anomaly maps     : %s  (%d slices of %d studies, %s masked)%n", w.table("anomaly"), scored.slices(),
        scored.studies(), ScoringSettings.DEFAULT.threshold());
    System.out.println("  query the tables : bin/petal sql --warehouse " + w
        + " \"SELECT site, count(*), avg(suv_max) FROM lesions GROUP BY site\"");
    System.out.println("  not built yet    : segment, evaluate (see petal --help)");
    return 0;
  }
}
