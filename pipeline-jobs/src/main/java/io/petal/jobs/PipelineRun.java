package io.petal.jobs;

import io.petal.baselines.BaselinesJob;
import io.petal.evaluation.EvaluateJob;
import io.petal.evaluation.EvaluationSummary;
import io.petal.evaluation.ExampleSlices;
import io.petal.ingest.IngestJob;
import io.petal.lesions.LesionsJob;
import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.StudyKind;
import io.petal.scoring.ScoringJob;
import io.petal.scoring.ScoringSettings;
import io.petal.segmentation.AnnotationSource;
import io.petal.segmentation.LabelSource;
import io.petal.segmentation.PerSourceModels;
import io.petal.segmentation.SegmentationPredictJob;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.segmentation.TextFusionMode;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.KindSelection;
import io.petal.training.NormalSliceRule;
import io.petal.training.TrainingSelection;
import io.petal.translate.PretrainDefaults;
import io.petal.translate.TranslationTrainer;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal run}: the whole pipeline on a manifest with sensible defaults - ingest; train the
 * autoencoder on the normal studies of {@code split=train} (all normals without splits); score
 * every study; train the segmentation on {@code split=train} (annotated studies, and for PET/CT
 * synthetic lesions in normal ones); predict on {@code split=test} (every study without splits);
 * the SUV baselines; evaluate on the predicted split with a report under {@code W/reports/}; SUV
 * lesion statistics of the cohort. Models are named {@code autoencoder} and {@code segmentation}
 * and are retrained (replaced) on every run.
 *
 * <p>The models are of the ingested cohort's study kind ({@code pet-ct}, {@code brain-mri} or
 * {@code spect-bone}: its channel layout, {@link io.petal.training.KindChannels}), trained on the
 * warehouse's studies of that kind. The SUV baselines and SUV lesion statistics are PET/CT
 * methods: for the other kinds they are skipped (logged), and the summary holds null for them.
 *
 * <p>With translation pretraining on ({@code --pretrain}), a {@code translator} is trained after
 * the autoencoder and the segmentation is the fusion U-Net whose branch for the translator's source
 * group starts from its encoder.
 *
 * <p>When the training studies carry free-text reports (manifest column {@code report}), the
 * U-Net is conditioned on them ({@link TextFusionMode#AUTO}: a vocabulary fitted on the training
 * patients' reports; the log and the summary say whether text is on).
 *
 * <p>When the warehouse's studies carry several annotation sources ({@code seg_<source>} manifest
 * columns), one segmentation model is trained and predicted per source, named
 * {@code segmentation@<source>} ({@link PerSourceModels}), and the evaluation reports the
 * cross-evaluation matrix (model trained on source i scored against source j).
 */
public final class PipelineRun {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
  public static final String AUTOENCODER = "autoencoder";
  public static final String SEGMENTATION = "segmentation";
  public static final String TRANSLATOR = "translator";

  /**
   * @param cohort cohort name (null: the manifest's folder name)
   * @param aeEpochs autoencoder epochs; @param segEpochs segmentation epochs
   * @param pretrainEpochs epochs of translation pretraining ({@link PretrainDefaults} of the studies' kind) before
   *     a fusion U-Net whose branch starts from it; 0 for none (the plain U-Net)
   */
  public record Options(Warehouse warehouse, String manifest, String cohort, int aeEpochs, int segEpochs,
      AutoencoderConfig autoencoder, SegmentationConfig segmentation, ScoringSettings scoring, int pretrainEpochs) {
    /** Without translation pretraining. */
    public Options(Warehouse warehouse, String manifest, String cohort, int aeEpochs, int segEpochs,
        AutoencoderConfig autoencoder, SegmentationConfig segmentation, ScoringSettings scoring) {
      this(warehouse, manifest, cohort, aeEpochs, segEpochs, autoencoder, segmentation, scoring, 0);
    }
  }

  /**
   * What each stage did.
   *
   * @param kind the study kind of the run's models
   * @param segmentation the segmentation models trained: one, or one per annotation source
   * @param predict their predictions, in the same order
   * @param baselines the SUV baselines, or null when skipped (not PET/CT)
   * @param lesions the SUV lesion statistics, or null when skipped (not PET/CT)
   */
  public record Summary(IngestJob.Summary ingest, StudyKind kind, AutoencoderTrainer.Result autoencoder,
      ScoringJob.Summary score, List<SegmentationTrainer.Result> segmentation,
      List<SegmentationPredictJob.Summary> predict, String predictedSplit, BaselinesJob.Summary baselines,
      EvaluationSummary evaluation, LesionsJob.Summary lesions) {
    public Summary {
      segmentation = List.copyOf(segmentation);
      predict = List.copyOf(predict);
    }
  }

  private PipelineRun() {}

  public static Summary run(SparkSession spark, Options o, Pseudonymizer keys) throws IOException {
    Warehouse w = o.warehouse();
    IngestJob.Summary ingest = IngestJob.run(spark, new IngestJob.Options(w, o.manifest(), null, o.cohort()), keys);
    LOG.info("run: ingest {}", ingest);
    StudyKind kind = KindSelection.resolve(StudyImagesReader.studies(spark, w,
        s -> s.cohort().equals(ingest.cohort())).values(), null, "cohort " + ingest.cohort());
    AutoencoderTrainer.Result ae = AutoencoderTrainer.run(spark, new AutoencoderTrainer.Options(w, AUTOENCODER,
        o.aeEpochs(), false, true, o.autoencoder(), 32, 0, 5, NormalSliceRule.AUTO, TrainingSelection.AUTO, null,
        kind));
    ScoringJob.Summary score = ScoringJob.run(spark, new ScoringJob.Options(w, AUTOENCODER, o.scoring()));
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, w, s -> s.kind().equals(kind.id()));
    Map<String, AnnotationSource> segModels = PerSourceModels.of(SEGMENTATION, studies.values());
    boolean hasTest = studies.values().stream().anyMatch(s -> "test".equals(s.split()));
    String split = hasTest ? "test" : "all";
    SegmentationConfig segmentation = o.segmentation();
    String initFrom = null;
    if (o.pretrainEpochs() > 0) {
      PretrainDefaults plan = PretrainDefaults.forKind(kind);
      segmentation = segmentation.toBuilder().channelGroups(plan.groups()).build();
      TranslationTrainer.run(spark, new TranslationTrainer.Options(w, TRANSLATOR, AUTOENCODER, o.pretrainEpochs(), false,
          true, PretrainDefaults.translatorFor(segmentation, plan.from(), plan.to()), 16, 0, 5, TrainingSelection.AUTO,
          null));
      initFrom = TRANSLATOR;
    }
    List<SegmentationTrainer.Result> seg = new ArrayList<>();
    List<SegmentationPredictJob.Summary> predict = new ArrayList<>();
    for (Map.Entry<String, AnnotationSource> m : segModels.entrySet()) {
      seg.add(SegmentationTrainer.run(spark, segmentationOptions(w, m.getKey(), AUTOENCODER, o.segEpochs(),
          segmentation, TrainingSelection.AUTO, o.scoring(), null, m.getValue(), initFrom)));
      predict.add(SegmentationPredictJob.run(spark,
          new SegmentationPredictJob.Options(w, m.getKey(), split, o.scoring(), 16)));
    }
    boolean petCt = kind == StudyKind.PET_CT;
    if (!petCt) {
      LOG.info("run: the SUV baselines and SUV lesion statistics are PET/CT methods: skipped for {} studies", kind);
    }
    BaselinesJob.Summary baselines = petCt ? BaselinesJob.run(spark, BaselinesJob.Options.defaults(w)) : null;
    EvaluationSummary evaluation = EvaluateJob.run(spark, new EvaluateJob.Options(w, split, AUTOENCODER, List.of(),
        null, ExampleSlices.DEFAULT_COUNT));
    LesionsJob.Summary lesions = petCt ? LesionsJob.run(spark, new LesionsJob.Options(w, Set.of(ingest.cohort())))
        : null;
    return new Summary(ingest, kind, ae, score, seg, predict, split, baselines, evaluation, lesions);
  }

  /**
   * The pipeline's segmentation training (real and synthetic labels, batch 16, averaging every 5
   * steps, 20 % validation patients, report text when the training studies carry reports:
   * {@link TextFusionMode#AUTO}) of one model, for {@code petal run} and its cross-validation
   * folds alike.
   *
   * @param patients only these patients' studies (a fold's training patients), or null for all
   * @param initFrom the translator starting a fusion branch, or null
   */
  static SegmentationTrainer.Options segmentationOptions(Warehouse w, String model, String autoencoder, int epochs,
      SegmentationConfig config, String split, ScoringSettings scoring, Set<String> patients,
      AnnotationSource annotation, String initFrom) {
    return new SegmentationTrainer.Options(w, model, autoencoder, epochs, false, true, config, LabelSource.BOTH, 16, 0,
        5, split, 0.2, scoring, patients, annotation, initFrom, TextFusionMode.AUTO);
  }
}
