package io.petal.cli;

import io.petal.models.AutoencoderConfig;
import io.petal.schema.StudyKind;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.ModelCard;
import io.petal.training.NormalSliceRule;
import io.petal.spark.ConfigResolver;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal train-ae}: train the branched masked autoencoder on normal slices, data-parallel over Spark executors. */
@Command(name = "train-ae", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Train the masked autoencoder (one branch per channel group: PET and CT; T1/T1ce and T2/FLAIR; bone "
        + "scan counts) on the normal slices of one study kind, data-parallel over Spark executors (synchronous "
        + "parameter averaging).",
        "Writes W/models/<name>/{model.zip,model-card.json,checkpoints/epoch-NNNN.zip}. Settings may also come from "
            + "spark.petal.ae.<option> (e.g. --conf spark.petal.ae.epochs=20) or an --experiment file."})
public final class TrainAeCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--epochs", description = "Training epochs (a resumed run trains up to this many). Default: 10.")
  Integer epochs;

  @Option(names = "--model", defaultValue = "autoencoder", description = "Model name (W/models/<name>/).")
  String model;

  @Option(names = "--resume", description = "Continue from the last checkpoint of --model.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace an existing model of that name.")
  boolean overwrite;

  @Option(names = "--batch-size", description = "Slices per step and worker. Default: 32.")
  Integer batchSize;

  @Option(names = "--workers", description = "Data-parallel workers (Spark partitions). Default: 1 in local mode, "
      + "the cluster's task slots otherwise.")
  Integer workers;

  @Option(names = "--averaging-frequency", description = "Steps per worker between parameter averagings. Default: 5.")
  Integer averagingFrequency;

  @Option(names = "--size", description = "Network input pixels per side (divisible by 2^depth). Default: 128.")
  Integer size;

  @Option(names = "--pixel-mm", description = "In-plane pixel spacing of the network input, mm. Default: 4.0.")
  Double pixelMm;

  @Option(names = "--neighbours", description = "Neighbouring slices on each side fed as channels (2.5D). Default: 1.")
  Integer neighbours;

  @Option(names = "--base-filters", description = "Channels of the first encoder level. Default: 16.")
  Integer baseFilters;

  @Option(names = "--hot-mask-probability", description = "Share of training samples whose hot voxels (above "
      + "0.75-1.5 x the scoring threshold: SUV 2.5 for PET/CT, the kind's relative threshold otherwise) are hidden too, "
      + "as scoring hides them; 0 trains on rectangles only. Default: 0 (0.5 lowered the held-out pixel AUROC, "
      + "see benchmarks/README.md).")
  Double hotMaskProbability;

  @Option(names = "--learning-rate", description = "Adam learning rate. Default: 0.001.")
  Double learningRate;

  @Option(names = "--seed", description = "Seed of the weights, masks and shuffling. Default: 42.")
  Long seed;

  @Option(names = "--normal-rule", description = "Which slices are normal: negative-studies, lesion-free-slices, "
      + "or auto (negative studies if any, else lesion-free slices). Default: auto.")
  String normalRule;

  @Option(names = "--kind", paramLabel = "KIND", converter = StudyKindConverter.class,
      description = "Study kind to train on: pet-ct, brain-mri or spect-bone. Default: the warehouse's one kind.")
  StudyKind kind;

  @Option(names = "--split", description = "Split to train on: auto (train if the cohort has splits, else all), all, "
      + "or a split name. Default: auto.")
  String split;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-train-ae");
    AutoencoderTrainer.Result r = AutoencoderTrainer.run(session, options(spark.resolver(session)));
    ModelCard c = r.card();
    ModelCard.EpochRecord last = c.epochs().get(c.epochs().size() - 1);
    System.out.printf("train-ae %s: %d epoch(s), loss %.5f -> %.5f, %.1f slices/s, %d slices from %d studies -> %s%n",
        c.name(), c.epochs().size(), c.epochs().get(0).loss(), last.loss(), last.slicesPerSecond(), c.data().slices(),
        c.data().studies(), r.modelPath());
    return 0;
  }

  AutoencoderTrainer.Options options(ConfigResolver conf) {
    AutoencoderConfig d = AutoencoderConfig.defaults();
    AutoencoderConfig config = d.toBuilder()
        .size(conf.getInt(key("size"), size, d.size()))
        .pixelSpacingMm(conf.getDouble(key("pixelMm"), pixelMm, d.pixelSpacingMm()))
        .neighbours(conf.getInt(key("neighbours"), neighbours, d.neighbours()))
        .baseFilters(conf.getInt(key("baseFilters"), baseFilters, d.baseFilters()))
        .hotMaskProbability(conf.getDouble(key("hotMaskProbability"), hotMaskProbability, d.hotMaskProbability()))
        .learningRate(conf.getDouble(key("learningRate"), learningRate, d.learningRate()))
        .seed(conf.getLong("spark.petal.seed", seed, d.seed()))
        .build();
    return new AutoencoderTrainer.Options(warehouse.warehouse(), model,
        conf.getInt(key("epochs"), epochs, 10), resume, overwrite, config,
        conf.getInt(key("batchSize"), batchSize, 32), conf.getInt(key("workers"), workers, 0),
        conf.getInt(key("averagingFrequency"), averagingFrequency, 5),
        NormalSliceRule.parse(conf.get(key("normalRule"), normalRule, "auto")), conf.get(key("split"), split, "auto"),
        null, kind);
  }

  private static String key(String option) {
    return "spark.petal.ae." + option;
  }
}
