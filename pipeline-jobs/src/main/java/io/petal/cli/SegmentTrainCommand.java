package io.petal.cli;

import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.text.TextFusionConfig;
import io.petal.segmentation.AnnotationSource;
import io.petal.segmentation.LabelSource;
import io.petal.segmentation.PerSourceModels;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.segmentation.TextFusionMode;
import io.petal.spark.ConfigResolver;
import io.petal.training.ModelCard;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal segment train}: the anomaly-guided U-Net, data-parallel over Spark executors. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Train the U-Net on the channels of the autoencoder's study kind (PET and CT; T1, T1ce, T2, FLAIR; "
        + "bone-scan counts) and its anomaly prior, one output per region (lesion; brain MRI: WT, TC, ET), from "
        + "annotated studies and/or (PET/CT) normal studies with synthetic lesions inserted on the fly.",
        "Writes W/models/<name>/{model.zip,model-card.json,checkpoints/}; settings also from spark.petal.seg.<option>."})
public final class SegmentTrainCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;
  @Mixin AnomalyOptions scoring;

  /** The model name without --model and --annotation-source. */
  static final String DEFAULT_MODEL = "segmentation";

  @Option(names = "--model", description = "Model name (W/models/<name>/). Default: segmentation, or "
      + "segmentation@<source> with --annotation-source (the name petal evaluate's cross-evaluation reads).")
  String model;

  @Option(names = "--annotation-source", paramLabel = "NAME", description = "Annotation source the real labels come "
      + "from: a label column of the manifest (seg, seg_<source>). Default: each study's first source.")
  String annotationSource;

  @Option(names = "--autoencoder", defaultValue = "autoencoder", description = "Autoencoder giving the prior and grid.")
  String autoencoder;

  @Option(names = "--no-prior", description = "Drop the anomaly prior channel (ablation).")
  boolean noPrior;

  @Option(names = "--labels", description = "Label source: real, synthetic (lesions inserted into normal PET/CT "
      + "studies), both. Default: both.")
  String labels;

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

  @Option(names = "--base-filters", description = "U-Net channels at full resolution. Default: 16.")
  Integer baseFilters;

  @Option(names = "--learning-rate", description = "Adam learning rate. Default: 0.001.")
  Double learningRate;

  @Option(names = "--bce-weight", paramLabel = "W",
      description = "Weight of the cross-entropy term beside the soft Dice (which counts slices with a lesion only, so "
          + "false positives in lesion-free slices are the cross-entropy's to punish). Default: 10.")
  Double bceWeight;

  @Option(names = "--split", description = "Split to train on: auto, all, or a split name. Default: auto.")
  String split;

  @Option(names = "--text", paramLabel = "auto|on|off", description = "Condition the decoder on each study's "
      + "free-text report (TF-IDF of words and character n-grams, vocabulary fitted on the training patients' reports; "
      + "FiLM). auto: on when the training studies carry reports. Default: auto.")
  String text;

  @Option(names = "--text-terms", description = "Report vocabulary size D (terms of the TF-IDF vector). Default: 1024.")
  Integer textTerms;

  @Option(names = "--text-hidden", description = "Units of the text path's hidden layer. Default: 32.")
  Integer textHidden;

  @Option(names = "--seed", description = "Seed of the initial weights, the shuffling and the validation hold-out. "
      + "Default: 42.")
  Long seed;

  @Option(names = "--groups", paramLabel = "GROUPS", description = "Fusion U-Net: one encoder branch per channel "
      + "group, groups separated by ';', channels by ',' (e.g. 'PET;CT'); the prior gets its own branch. Default: the "
      + "plain U-Net over all channels.")
  String groups;

  @Option(names = "--init-from", paramLabel = "NAME", description = "Start the branch whose group is a translator's "
      + "source group from that translator's encoder (petal pretrain --model NAME); needs --groups.")
  String initFrom;

  @Option(names = "--validation-fraction", description = "Fraction of training patients held out for validation. "
      + "Default: 0.2.")
  Double validationFraction;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-segment-train");
    SegmentationTrainer.Result r = SegmentationTrainer.run(session, options(spark.resolver(session)));
    ModelCard c = r.card();
    ModelCard.EpochRecord last = c.epochs().get(c.epochs().size() - 1);
    System.out.printf("segment train %s: %d epoch(s), loss %.4f -> %.4f, validation %s -> %s%n", c.name(),
        c.epochs().size(), c.epochs().get(0).loss(), last.loss(), last.validation(), r.modelPath());
    return 0;
  }

  SegmentationTrainer.Options options(ConfigResolver conf) {
    SegmentationConfig d = SegmentationConfig.defaults();
    SegmentationConfig config = d.toBuilder().usePrior(!noPrior)
        .channelGroups(ChannelGroups.parse(conf.get(key("groups"), groups, "")))
        .seed(conf.getLong("spark.petal.seed", seed, d.seed()))
        .baseFilters(conf.getInt(key("baseFilters"), baseFilters, d.baseFilters()))
        .learningRate(conf.getDouble(key("learningRate"), learningRate, d.learningRate()))
        .bceWeight(conf.getDouble(key("bceWeight"), bceWeight, d.bceWeight()))
        .text(new TextFusionConfig(false, conf.getInt(key("textTerms"), textTerms, d.text().vocabularySize()),
            conf.getInt(key("textHidden"), textHidden, d.text().hiddenWidth())))
        .build();
    AnnotationSource annotation = AnnotationSource.of(conf.get(key("annotationSource"), annotationSource, null));
    String name = model != null ? model
        : annotation.name() == null ? DEFAULT_MODEL : PerSourceModels.name(DEFAULT_MODEL, annotation.name());
    return new SegmentationTrainer.Options(warehouse.warehouse(), name, autoencoder,
        conf.getInt(key("epochs"), epochs, 10), resume, overwrite, config,
        LabelSource.parse(conf.get(key("labels"), labels, "both")), conf.getInt(key("batchSize"), batchSize, 16),
        conf.getInt(key("workers"), workers, 0), 5, conf.get(key("split"), split, "auto"),
        conf.getDouble(key("validationFraction"), validationFraction, 0.2), scoring.settings(conf), null, annotation,
        conf.get(key("initFrom"), initFrom, null),
        TextFusionMode.parse(conf.get(key("text"), text, "auto")));
  }

  private static String key(String option) {
    return "spark.petal.seg." + option;
  }
}
