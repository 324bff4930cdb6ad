package io.petal.cli;

import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.translate.TranslationConfig;
import io.petal.spark.ConfigResolver;
import io.petal.training.ModelCard;
import io.petal.tables.StudyImagesReader;
import io.petal.training.KindSelection;
import io.petal.translate.PretrainDefaults;
import io.petal.translate.TranslationTrainer;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal pretrain}: cross-modality translation pretraining of a segmentation branch encoder. */
@Command(name = "pretrain", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Cross-modality translation pretraining (methods.md 5): train a generator that translates one "
        + "channel group into another (L1 plus a patch discriminator) on every study of the training split, normal "
        + "and abnormal alike, without labels; its encoder then starts the fusion U-Net's branch for the source group "
        + "(petal segment train --groups ... --init-from NAME).",
        "Writes W/models/<name>/{model.zip,model-card.json,checkpoints/}; settings also from "
            + "spark.petal.pretrain.<option>."})
public final class PretrainCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--from", paramLabel = "CHANNELS", description = "Source channel group, comma-separated. Default: by "
      + "the studies' kind (pet-ct: CT; brain-mri: t1,t1ce).")
  String from;

  @Option(names = "--to", paramLabel = "CHANNELS", description = "Target channel group, comma-separated. Default: by "
      + "the studies' kind (pet-ct: PET; brain-mri: t2,flair).")
  String to;

  @Option(names = "--model", defaultValue = "translator", description = "Model name (W/models/<name>/).")
  String model;

  @Option(names = "--autoencoder", defaultValue = "autoencoder", description = "Autoencoder giving the network grid "
      + "and normalisation: the segmentation's.")
  String autoencoder;

  @Option(names = "--epochs", description = "Training epochs. Default: 10.")
  Integer epochs;

  @Option(names = "--resume", description = "Continue from the last checkpoint of --model.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace an existing model of that name.")
  boolean overwrite;

  @Option(names = "--batch-size", description = "Slices per step and worker. Default: 16.")
  Integer batchSize;

  @Option(names = "--workers", description = "Data-parallel workers. Default: 1 in local mode, the task slots otherwise.")
  Integer workers;

  @Option(names = "--base-filters", description = "Channels at full resolution; must equal the segmentation's. "
      + "Default: 16.")
  Integer baseFilters;

  @Option(names = "--l1-weight", description = "Weight of the L1 term against the adversarial term. Default: 100.")
  Double l1Weight;

  @Option(names = "--learning-rate", description = "Adam learning rate. Default: 0.0002.")
  Double learningRate;

  @Option(names = "--split", description = "Split to train on: auto (train if the cohort has splits, else all), all, "
      + "or a split name. Default: auto.")
  String split;

  @Option(names = "--seed", description = "Seed of the weights and of the shuffling. Default: 42.")
  Long seed;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-pretrain");
    ConfigResolver conf = spark.resolver(session);
    String source = conf.get(key("from"), from, null);
    String target = conf.get(key("to"), to, null);
    PretrainDefaults kind = source != null && target != null ? null : PretrainDefaults.forKind(KindSelection.resolve(
        StudyImagesReader.studies(session, warehouse.warehouse(), s -> true).values(), null,
        "warehouse " + warehouse.warehouse()));
    TranslationTrainer.Result r = TranslationTrainer.run(session, options(conf,
        source != null ? ChannelGroups.parseChannels(source) : kind.from(),
        target != null ? ChannelGroups.parseChannels(target) : kind.to()));
    ModelCard c = r.card();
    ModelCard.EpochRecord last = c.epochs().get(c.epochs().size() - 1);
    System.out.printf("pretrain %s: %d epoch(s), L1 %.4f -> %.4f, %d slices from %d studies -> %s%n", c.name(),
        c.epochs().size(), c.epochs().get(0).lossTerms().get("l1"), last.lossTerms().get("l1"), c.data().slices(),
        c.data().studies(), r.modelPath());
    return 0;
  }

  TranslationTrainer.Options options(ConfigResolver conf, List<String> sources, List<String> targets) {
    SegmentationConfig segmentation = SegmentationConfig.defaults();
    TranslationConfig d = PretrainDefaults.translatorFor(segmentation, sources, targets);
    TranslationConfig config = d.toBuilder()
        .baseFilters(conf.getInt(key("baseFilters"), baseFilters, segmentation.baseFilters()))
        .l1Weight(conf.getDouble(key("l1Weight"), l1Weight, d.l1Weight()))
        .learningRate(conf.getDouble(key("learningRate"), learningRate, d.learningRate()))
        .seed(conf.getLong("spark.petal.seed", seed, d.seed()))
        .build();
    return new TranslationTrainer.Options(warehouse.warehouse(), model, autoencoder,
        conf.getInt(key("epochs"), epochs, 10), resume, overwrite, config, conf.getInt(key("batchSize"), batchSize, 16),
        conf.getInt(key("workers"), workers, 0), 5, conf.get(key("split"), split, "auto"), null);
  }

  private static String key(String option) {
    return "spark.petal.pretrain." + option;
  }
}
