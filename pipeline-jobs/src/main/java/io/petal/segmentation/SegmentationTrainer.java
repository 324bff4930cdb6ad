package io.petal.segmentation;

import io.petal.models.AutoencoderModel;
import io.petal.models.ModelChannels;
import io.petal.models.seg.LesionSynthesisConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.scoring.MaskThreshold;
import io.petal.scoring.ModelBytes;
import io.petal.scoring.ScoringSettings;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.AveragingTrainer;
import io.petal.training.KindChannels;
import io.petal.training.KindSelection;
import io.petal.training.ModelCard;
import io.petal.training.ModelCodec;
import io.petal.training.ModelFolder;
import io.petal.training.TrainingPlacement;
import io.petal.training.TrainingSelection;
import io.petal.translate.PretrainedEncoders;
import io.petal.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal segment train}: the anomaly-guided U-Net, data-parallel by parameter averaging
 * ({@link AveragingTrainer}), on the network grid and channel layout of the autoencoder that gives
 * its prior (its study kind: PET/CT, brain MRI, bone scans; one output per region of the layout).
 *
 * <p>Training studies: the chosen split ({@code train} when the cohort has splits, else all),
 * prepared by {@link SegmentationStudies} for the chosen {@link LabelSource} and
 * {@link AnnotationSource} (by default each study's first; a named one trains one model per
 * source, methods.md §3). Validation: the abnormal studies annotated by that source of a held-out
 * fraction of training patients (chosen by a seeded hash of the patient key, so patients never
 * straddle), scored against that source by {@link ValidationDice} after every epoch (only with at
 * least {@link #MIN_PATIENTS_FOR_VALIDATION} training patients). The model card records the
 * autoencoder, grid, label source, annotation source and validation rule.
 */
public final class SegmentationTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentationTrainer.class);
  static final String ARCHITECTURE = "anomaly-guided-unet";
  /** Card keys that {@code segment predict} reads back. */
  public static final String CARD_AUTOENCODER = "autoencoder";
  public static final String CARD_PIXEL_MM = "pixelSpacingMm";
  /** Card key of the study kind whose channels the model reads. */
  public static final String CARD_KIND = "kind";
  /** Card key: report text {@code on} or {@code off} ({@link ReportText}). */
  public static final String CARD_TEXT = "text";
  /** Card key: terms of the report vocabulary, with text on. */
  public static final String CARD_TEXT_TERMS = "textVocabularyTerms";
  /** Card key of the annotation source trained on ({@link AnnotationSource#describe()}). */
  public static final String CARD_ANNOTATION_SOURCE = "annotationSource";
  /** Card key of the translator whose encoder started a branch ({@code --init-from}). */
  public static final String CARD_INIT_FROM = "initFrom";
  /** Fewer training patients than this: no validation hold-out (every patient is needed for training). */
  public static final int MIN_PATIENTS_FOR_VALIDATION = 5;
  /** Share of the samples of studies with synthetic lesions into which lesions are inserted. */
  static final double SYNTHETIC_INSERT_PROBABILITY = 0.75;

  /**
   * @param autoencoder the autoencoder giving the prior (and the network grid)
   * @param validationFraction fraction of training patients held out for validation (0 = none)
   * @param patients only these pseudonymous patients (e.g. a cross-validation fold), or null for all
   * @param annotation the annotation source the real labels come from (null: {@link AnnotationSource#FIRST})
   * @param initFrom a translator ({@code petal pretrain}) whose encoder starts the fusion U-Net's branch
   *     for its source group, or null for random initial weights (ignored when resuming)
   * @param text whether the studies' reports condition the network (null: off); a resumed model keeps its own
   */
  public record Options(Warehouse warehouse, String model, String autoencoder, int epochs, boolean resume,
      boolean overwrite, SegmentationConfig config, LabelSource labels, int batchSize, int workers,
      int averagingFrequency, String split, double validationFraction, ScoringSettings scoring, Set<String> patients,
      AnnotationSource annotation, String initFrom, TextFusionMode text) {
    public Options {
      annotation = annotation == null ? AnnotationSource.FIRST : annotation;
      text = text == null ? TextFusionMode.OFF : text;
    }

    /** Random initial weights, without report text. */
    public Options(Warehouse warehouse, String model, String autoencoder, int epochs, boolean resume, boolean overwrite,
        SegmentationConfig config, LabelSource labels, int batchSize, int workers, int averagingFrequency,
        String split, double validationFraction, ScoringSettings scoring, Set<String> patients,
        AnnotationSource annotation) {
      this(warehouse, model, autoencoder, epochs, resume, overwrite, config, labels, batchSize, workers,
          averagingFrequency, split, validationFraction, scoring, patients, annotation, null, TextFusionMode.OFF);
    }

    /** Each study's first annotation source. */
    public Options(Warehouse warehouse, String model, String autoencoder, int epochs, boolean resume, boolean overwrite,
        SegmentationConfig config, LabelSource labels, int batchSize, int workers, int averagingFrequency,
        String split, double validationFraction, ScoringSettings scoring, Set<String> patients) {
      this(warehouse, model, autoencoder, epochs, resume, overwrite, config, labels, batchSize, workers,
          averagingFrequency, split, validationFraction, scoring, patients, AnnotationSource.FIRST);
    }

    /** Without a patient restriction, each study's first annotation source. */
    public Options(Warehouse warehouse, String model, String autoencoder, int epochs, boolean resume, boolean overwrite,
        SegmentationConfig config, LabelSource labels, int batchSize, int workers, int averagingFrequency,
        String split, double validationFraction, ScoringSettings scoring) {
      this(warehouse, model, autoencoder, epochs, resume, overwrite, config, labels, batchSize, workers,
          averagingFrequency, split, validationFraction, scoring, null);
    }
  }

  public record Result(String modelPath, ModelCard card) {}

  private SegmentationTrainer() {}

  public static Result run(SparkSession spark, Options o) throws IOException {
    ModelBytes ae = ModelBytes.read(o.warehouse(), o.autoencoder(), spark.sparkContext().hadoopConfiguration(), "train-ae");
    AutoencoderModel aeModel = AutoencoderModel.load(new ByteArrayInputStream(ae.bytes()));
    ModelChannels layout = aeModel.config().channels();
    SegmentationConfig config = o.config().toBuilder().size(aeModel.config().size())
        .normalisation(aeModel.config().normalisation()).channels(layout)
        .neighbours(KindSelection.neighbours(o.config().neighbours(), layout))
        .priorScale(layout.anomalyScale()).priorClip(layout.anomalyClip()).build();
    double pixelMm = aeModel.config().pixelSpacingMm();
    boolean synthetic = o.labels().usesSynthetic() && SegmentationStudies.insertsSyntheticLesions(layout);
    if (o.labels().usesSynthetic() && !synthetic) {
      if (!o.labels().usesReal()) {
        throw new IllegalArgumentException("synthetic lesions are a PET/CT method (a hot SUV focus and its CT correlate): "
            + "no labels for " + layout.kind() + " studies with --labels synthetic; use real or both");
      }
      LOG.info("segment train {}: synthetic lesions are a PET/CT method; the normal {} studies serve as negatives only",
          o.model(), layout.kind());
    }
    Map<String, StudyInfo> all = StudyImagesReader.studies(spark, o.warehouse(),
        s -> KindChannels.fits(s, layout) && (o.patients() == null || o.patients().contains(s.patientKey())));
    String split = new TrainingSelection(o.split(), io.petal.training.NormalSliceRule.AUTO).resolveSplit(all.values());
    Map<String, StudyInfo> inSplit = new LinkedHashMap<>();
    all.forEach((k, s) -> {
      if (TrainingSelection.inSplit(split, layout).test(s)) {
        inSplit.put(k, s);
      }
    });
    long splitPatients = inSplit.values().stream().map(StudyInfo::patientKey).distinct().count();
    double fraction = splitPatients >= MIN_PATIENTS_FOR_VALIDATION ? o.validationFraction() : 0;
    AnnotationSource annotation = o.annotation();
    annotation.requireIn(List.copyOf(inSplit.values()), o.warehouse() + " (split '" + split + "')");
    StudyReports reports = StudyReports.read(spark, o.warehouse(), inSplit);
    ModelFolder<SegmentationModel> folder = folder(spark, o.warehouse(), o.model());
    AveragingTrainer.Start<SegmentationModel> start = AveragingTrainer.start(folder, o.model(), o.resume(),
        o.overwrite(), () -> ReportText.freshModel(config, o.text(), reports,
            Selection.of(inSplit, fraction, annotation, config.seed()).train().values()));
    SegmentationConfig used = start.model().config();
    if (!used.channels().equals(layout)) {
      throw new IllegalArgumentException("model " + o.model() + " has the channels of " + used.channels().kind()
          + " studies, the autoencoder " + o.autoencoder() + " those of " + layout.kind() + ": train a new model");
    }
    String initialised = o.initFrom() == null || o.resume() ? null
        : PretrainedEncoders.initialise(spark, o.warehouse(), o.initFrom(), start.model(), pixelMm);
    Selection selection = Selection.of(inSplit, fraction, annotation, used.seed());
    Map<String, StudyInfo> train = selection.train();
    Map<String, StudyInfo> validation = selection.validation();
    ReportFeatures text = ReportText.features(start.model(), o.model(), reports, inSplit.values());
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBytes> aeBroadcast = used.usePrior() ? sc.broadcast(ae) : null;
    PriorMaps priors = new PriorMaps(aeBroadcast, o.scoring());
    SegmentationStudies prepare = new SegmentationStudies(used, pixelMm, o.scoring(), o.labels(), annotation, 4);
    int workers = AveragingTrainer.workers(spark, o.workers());
    JavaRDD<SegmentationStudy> data = TrainingPlacement.place(StudyImagesReader.read(spark, o.warehouse(), train)
            .map(prepare::prepare).filter(s -> s.samples().length > 0),
        train.values().stream().map(StudyInfo::studyKey).toList(), workers, SegmentationStudy::studyKey)
        .persist(StorageLevel.MEMORY_AND_DISK());
    SegmentationStudies validationPrep = new SegmentationStudies(used, pixelMm, o.scoring(), LabelSource.REAL,
        annotation, 4);
    JavaRDD<SegmentationStudy> held = StudyImagesReader.read(spark, o.warehouse(), validation)
        .map(validationPrep::prepare).filter(s -> s.samples().length > 0).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> patients = data.map(SegmentationStudy::patientKey).distinct().collect();
      long samples = data.map(s -> (long) s.samples().length).fold(0L, Long::sum);
      long studies = data.count();
      if (samples == 0) {
        throw new IllegalStateException("no segmentation training data in " + o.warehouse() + " (split '" + split
            + "', labels " + o.labels().optionName() + "): " + (o.labels() == LabelSource.SYNTHETIC
                ? "no normal study" : "no annotated or normal study"));
      }
      long validationStudies = held.count();
      ModelCard.TrainingDataCard dataCard = new ModelCard.TrainingDataCard(
          TrainingSelection.distinct(train.values(), StudyInfo::cohort), split, o.labels().optionName(),
          describe(synthetic ? o.labels() : LabelSource.REAL, annotation), (int) studies, patients.size(), samples);
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put(CARD_AUTOENCODER, o.autoencoder());
      extra.put(CARD_PIXEL_MM, Double.toString(pixelMm));
      extra.put(CARD_KIND, layout.kind());
      extra.put("regions", String.join(",", layout.regionNames()));
      extra.put(layout.maskedScaling() == io.petal.models.ChannelScaling.SUV ? "suvThreshold" : "priorThreshold",
          MaskThreshold.describe(o.scoring(), layout));
      extra.put("labels", o.labels().optionName());
      extra.put(CARD_ANNOTATION_SOURCE, annotation.describe());
      if (initialised != null) {
        extra.put(CARD_INIT_FROM, o.initFrom() + " (encoder of branch " + initialised + ")");
      }
      LesionSynthesisConfig lesions = LesionSynthesisConfig.defaults();
      if (synthetic) {
        lesions.toProperties("synthetic.").forEach((k, v) -> extra.put(k.toString(), v.toString()));
      }
      extra.putAll(ReportText.card(start.model(), reports, train.values()));
      String rule = validationStudies == 0 ? null : String.format(java.util.Locale.ROOT,
          "%.0f %% of training patients (seeded hash of the pseudonymous patient key), their %d annotated abnormal "
              + "studies; Dice over their whole volumes", 100 * fraction, validationStudies);
      AveragingTrainer.Run<SegmentationStudy, SegmentationModel> run = new AveragingTrainer.Run<>(o.model(),
          ARCHITECTURE, folder, new SegmentationBatchTrainer(used, priors, text, lesions, SYNTHETIC_INSERT_PROBABILITY),
          data, used.toProperties(), used.seed(), o.epochs(), o.batchSize(), o.averagingFrequency(), workers, dataCard,
          extra, validationStudies == 0 ? null : new ValidationDice(sc, held, used, priors, text), rule);
      LOG.info("segment train {}: {} studies of {} patients, {} samples per epoch, {} validation studies, prior {}, "
          + "annotations: {}, report text: {}", o.model(), studies, patients.size(), samples, validationStudies,
          used.usePrior() ? o.autoencoder() : "off", annotation.describe(),
          ReportText.describe(start.model(), reports, train.values()));
      return new Result(folder.model(), AveragingTrainer.train(sc, run, start));
    } finally {
      data.unpersist(false);
      held.unpersist(false);
    }
  }

  /**
   * The training studies of a split and its held-out validation studies (the abnormal studies
   * annotated by the source, of a seeded fraction of the patients).
   */
  private record Selection(Map<String, StudyInfo> train, Map<String, StudyInfo> validation) {
    static Selection of(Map<String, StudyInfo> inSplit, double fraction, AnnotationSource annotation, long seed) {
      Map<String, StudyInfo> train = new LinkedHashMap<>();
      Map<String, StudyInfo> validation = new LinkedHashMap<>();
      inSplit.forEach((k, s) -> {
        boolean heldOut = ValidationPatients.isHeldOut(s.patientKey(), fraction, seed);
        (heldOut && !Boolean.TRUE.equals(s.normal()) && annotation.annotates(s) ? validation : train).put(k, s);
      });
      return new Selection(train, validation);
    }
  }

  /** The segmentation model folder {@code W/models/<name>}. */
  public static ModelFolder<SegmentationModel> folder(SparkSession spark, Warehouse w, String name) {
    return new ModelFolder<>(w.model(name), spark.sparkContext().hadoopConfiguration(), CODEC);
  }

  static final ModelCodec<SegmentationModel> CODEC = new ModelCodec<>() {
    @Override
    public void save(SegmentationModel model, java.io.OutputStream out) throws IOException {
      model.save(out);
    }

    @Override
    public SegmentationModel load(java.io.InputStream in) throws IOException {
      return SegmentationModel.load(in);
    }
  };

  private static String describe(LabelSource labels, AnnotationSource annotation) {
    return labels.usesReal() ? describe(labels) + "; lesion labels from " + annotation.describe() : describe(labels);
  }

  private static String describe(LabelSource labels) {
    return switch (labels) {
      case REAL -> "annotated abnormal studies (every lesion slice and as many lesion-free slices) and every 4th "
          + "body slice of normal studies as negatives";
      case SYNTHETIC -> "normal studies only; synthetic lesions inserted into 75 % of samples on the fly";
      case BOTH -> "annotated abnormal studies as for 'real', plus normal studies with synthetic lesions inserted "
          + "into 75 % of samples";
    };
  }
}
