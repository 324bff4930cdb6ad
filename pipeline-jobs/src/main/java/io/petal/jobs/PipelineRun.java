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
import io.petal.scoring.ScoringJob;
import io.petal.scoring.ScoringSettings;
import io.petal.segmentation.LabelSource;
import io.petal.segmentation.SegmentationPredictJob;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.tables.StudyImagesReader;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.NormalSliceRule;
import io.petal.training.TrainingSelection;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal run}: the whole pipeline on a manifest with sensible defaults - ingest; train the
 * autoencoder on the normal studies of {@code split=train} (all normals without splits); score
 * every study; train the segmentation on {@code split=train} (annotated studies and synthetic
 * lesions in normal ones); predict on {@code split=test} (every study without splits); the
 * baselines; evaluate on the predicted split with a report under {@code W/reports/}; lesion
 * statistics of the cohort. Models are named {@code autoencoder} and {@code segmentation} and are
 * retrained (replaced) on every run.
 */
public final class PipelineRun {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
  public static final String AUTOENCODER = "autoencoder";
  public static final String SEGMENTATION = "segmentation";

  /**
   * @param cohort cohort name (null: the manifest's folder name)
   * @param aeEpochs autoencoder epochs; @param segEpochs segmentation epochs
   */
  public record Options(Warehouse warehouse, String manifest, String cohort, int aeEpochs, int segEpochs,
      AutoencoderConfig autoencoder, SegmentationConfig segmentation, ScoringSettings scoring) {}

  /** What each stage did. */
  public record Summary(IngestJob.Summary ingest, AutoencoderTrainer.Result autoencoder, ScoringJob.Summary score,
      SegmentationTrainer.Result segmentation, SegmentationPredictJob.Summary predict, String predictedSplit,
      BaselinesJob.Summary baselines, EvaluationSummary evaluation, LesionsJob.Summary lesions) {}

  private PipelineRun() {}

  public static Summary run(SparkSession spark, Options o, Pseudonymizer keys) throws IOException {
    Warehouse w = o.warehouse();
    IngestJob.Summary ingest = IngestJob.run(spark, new IngestJob.Options(w, o.manifest(), null, o.cohort()), keys);
    LOG.info("run: ingest {}", ingest);
    AutoencoderTrainer.Result ae = AutoencoderTrainer.run(spark, new AutoencoderTrainer.Options(w, AUTOENCODER,
        o.aeEpochs(), false, true, o.autoencoder(), 32, 0, 5, NormalSliceRule.AUTO, TrainingSelection.AUTO));
    ScoringJob.Summary score = ScoringJob.run(spark, new ScoringJob.Options(w, AUTOENCODER, o.scoring()));
    SegmentationTrainer.Result seg = SegmentationTrainer.run(spark, new SegmentationTrainer.Options(w, SEGMENTATION,
        AUTOENCODER, o.segEpochs(), false, true, o.segmentation(), LabelSource.BOTH, 16, 0, 5, TrainingSelection.AUTO,
        0.2, o.scoring()));
    boolean hasTest = StudyImagesReader.studies(spark, w, s -> "test".equals(s.split())).size() > 0;
    String split = hasTest ? "test" : "all";
    SegmentationPredictJob.Summary predict = SegmentationPredictJob.run(spark,
        new SegmentationPredictJob.Options(w, SEGMENTATION, split, o.scoring(), 16));
    BaselinesJob.Summary baselines = BaselinesJob.run(spark, BaselinesJob.Options.defaults(w));
    EvaluationSummary evaluation = EvaluateJob.run(spark, new EvaluateJob.Options(w, split, AUTOENCODER, List.of(),
        null, ExampleSlices.DEFAULT_COUNT));
    LesionsJob.Summary lesions = LesionsJob.run(spark, new LesionsJob.Options(w, Set.of(ingest.cohort())));
    return new Summary(ingest, ae, score, seg, predict, split, baselines, evaluation, lesions);
  }
}
