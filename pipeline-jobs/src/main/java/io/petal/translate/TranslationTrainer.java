package io.petal.translate;

import io.petal.models.AutoencoderModel;
import io.petal.models.ModelChannels;
import io.petal.models.translate.TranslationConfig;
import io.petal.models.translate.TranslationModel;
import io.petal.scoring.ModelBytes;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.AveragingTrainer;
import io.petal.training.KindChannels;
import io.petal.training.ModelCard;
import io.petal.training.ModelFolder;
import io.petal.training.NormalSliceRule;
import io.petal.training.TrainingPlacement;
import io.petal.training.TrainingSelection;
import io.petal.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal pretrain}: cross-modality translation pretraining (methods.md §5). Trains a
 * {@link TranslationModel} that translates one channel group into another on every study of the
 * training split that has the channels - normal and abnormal alike, no label is read - data-parallel
 * by parameter averaging ({@link AveragingTrainer}), on the network grid of the autoencoder that
 * the segmentation will use. {@code petal segment train --init-from <name>} then starts the
 * fusion U-Net's branch for the source group from the translator's encoder.
 *
 * <p>The model card records the autoencoder, the grid's pixel spacing and the input normalisation,
 * which the segmentation checks before it takes the encoder.
 */
public final class TranslationTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationTrainer.class);
  static final String ARCHITECTURE = "cross-modality-translator";
  /** Card key of the autoencoder whose grid and normalisation the translator was trained with. */
  public static final String CARD_AUTOENCODER = "autoencoder";
  /** Card key of the network grid's pixel spacing, mm. */
  public static final String CARD_PIXEL_MM = "pixelSpacingMm";
  /** Card key prefix of the input normalisation the translator was trained with. */
  public static final String CARD_NORMALISATION = "normalisation.";

  /**
   * @param autoencoder the autoencoder giving the network grid and normalisation (as for the segmentation)
   * @param config the translator; its size is replaced by the autoencoder's
   * @param split see {@link TrainingSelection} ({@code auto}: train when the cohort has splits)
   * @param patients only these pseudonymous patients (e.g. a fold's training patients), or null for all
   */
  public record Options(Warehouse warehouse, String model, String autoencoder, int epochs, boolean resume,
      boolean overwrite, TranslationConfig config, int batchSize, int workers, int averagingFrequency, String split,
      Set<String> patients) {
    public Options {
      if (epochs < 1 || batchSize < 1 || averagingFrequency < 1 || workers < 0) {
        throw new IllegalArgumentException("epochs, batch size and averaging frequency must be >= 1, workers >= 0");
      }
    }
  }

  /** What a run produced. */
  public record Result(String modelPath, ModelCard card) {}

  private TranslationTrainer() {}

  public static Result run(SparkSession spark, Options o) throws IOException {
    ModelBytes ae = ModelBytes.read(o.warehouse(), o.autoencoder(), spark.sparkContext().hadoopConfiguration(), "train-ae");
    AutoencoderModel aeModel = AutoencoderModel.load(new ByteArrayInputStream(ae.bytes()));
    TranslationConfig config = o.config().toBuilder().size(aeModel.config().size()).build();
    double pixelMm = aeModel.config().pixelSpacingMm();
    ModelFolder<TranslationModel> folder = folder(spark, o.warehouse(), o.model());
    AveragingTrainer.Start<TranslationModel> start =
        AveragingTrainer.start(folder, o.model(), o.resume(), o.overwrite(), () -> TranslationModel.create(config));
    TranslationConfig used = start.model().config();
    ModelChannels layout = aeModel.config().channels();
    TranslationStudies prepare = new TranslationStudies(used.size(), pixelMm, layout, used.sourceChannels(),
        used.targetChannels(), aeModel.config().normalisation());

    Map<String, StudyInfo> all = StudyImagesReader.studies(spark, o.warehouse(),
        s -> KindChannels.fits(s, layout) && (o.patients() == null || o.patients().contains(s.patientKey())));
    String split = new TrainingSelection(o.split(), NormalSliceRule.AUTO).resolveSplit(all.values());
    Map<String, StudyInfo> train = new LinkedHashMap<>();
    all.forEach((k, s) -> {
      if (TrainingSelection.ALL.equals(split) || split.equals(s.split())) {
        train.put(k, s);
      }
    });
    if (train.isEmpty()) {
      throw new IllegalStateException("no " + layout.kind() + " study of split '" + split + "' in " + o.warehouse()
          + " (the kind of autoencoder " + o.autoencoder() + ", whose grid the translator uses)");
    }
    int workers = AveragingTrainer.workers(spark, o.workers());
    JavaRDD<TranslationStudy> data = TrainingPlacement.place(StudyImagesReader.read(spark, o.warehouse(), train)
            .map(prepare::prepare).filter(s -> s.centres().length > 0),
        train.values().stream().map(StudyInfo::studyKey).toList(), workers, TranslationStudy::studyKey)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> patients = data.map(TranslationStudy::patientKey).distinct().collect();
      long samples = data.map(s -> (long) s.centres().length).fold(0L, Long::sum);
      if (samples == 0) {
        throw new IllegalStateException("no translation training slice in " + o.warehouse() + ": the " + train.size()
            + " studies of split '" + split + "' have no slice with body");
      }
      ModelCard.TrainingDataCard dataCard = new ModelCard.TrainingDataCard(
          TrainingSelection.distinct(train.values(), StudyInfo::cohort), split, "unlabelled",
          "every slice with body of every " + layout.kind() + " study of the split, normal and abnormal alike; no label"
              + " is read",
          Math.toIntExact(data.count()), patients.size(), samples);
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put(CARD_AUTOENCODER, o.autoencoder());
      extra.put(CARD_PIXEL_MM, Double.toString(pixelMm));
      Properties normalisation = new Properties();
      aeModel.config().normalisation().writeTo(normalisation, CARD_NORMALISATION);
      normalisation.forEach((k, v) -> extra.put(k.toString(), v.toString()));
      LOG.info("pretrain {}: {} -> {} on {} studies of {} patients, {} slices per epoch", o.model(), used.sourceChannels(),
          used.targetChannels(), dataCard.studies(), patients.size(), samples);
      AveragingTrainer.Run<TranslationStudy, TranslationModel> run = new AveragingTrainer.Run<>(o.model(), ARCHITECTURE,
          folder, new TranslationBatchTrainer(used), data, used.toProperties(), used.seed(), o.epochs(), o.batchSize(),
          o.averagingFrequency(), workers, dataCard, extra, null, null);
      return new Result(folder.model(),
          AveragingTrainer.train(JavaSparkContext.fromSparkContext(spark.sparkContext()), run, start));
    } finally {
      data.unpersist(false);
    }
  }

  /** The translator folder {@code W/models/<name>}. */
  public static ModelFolder<TranslationModel> folder(SparkSession spark, Warehouse w, String name) {
    return new ModelFolder<>(w.model(name), spark.sparkContext().hadoopConfiguration(), TranslationBatchTrainer.CODEC);
  }
}
