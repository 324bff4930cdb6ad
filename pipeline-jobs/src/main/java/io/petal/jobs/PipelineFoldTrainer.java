package io.petal.jobs;

import io.petal.evaluation.Fold;
import io.petal.evaluation.FoldModels;
import io.petal.evaluation.FoldTrainer;
import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.scoring.ScoringJob;
import io.petal.scoring.ScoringSettings;
import io.petal.segmentation.LabelSource;
import io.petal.segmentation.SegmentationPredictJob;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.NormalSliceRule;
import io.petal.training.TrainingSelection;
import io.petal.warehouse.Warehouse;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One cross-validation fold through Petal's own training jobs: the autoencoder on the fold's
 * training patients (their normal studies, whatever their split), the U-Net on their studies,
 * then anomaly maps and masks of the fold's test patients, under {@code autoencoder-fold<n>} and
 * {@code segmentation-fold<n>} so folds never overwrite each other or the main models.
 */
public final class PipelineFoldTrainer implements FoldTrainer {
  private final int aeEpochs;
  private final int segEpochs;
  private final AutoencoderConfig autoencoder;
  private final SegmentationConfig segmentation;
  private final ScoringSettings scoring;

  public PipelineFoldTrainer(int aeEpochs, int segEpochs, AutoencoderConfig autoencoder,
      SegmentationConfig segmentation, ScoringSettings scoring) {
    this.aeEpochs = aeEpochs;
    this.segEpochs = segEpochs;
    this.autoencoder = autoencoder;
    this.segmentation = segmentation;
    this.scoring = scoring;
  }

  @Override
  public FoldModels trainAndPredict(SparkSession spark, Warehouse w, Fold fold) throws Exception {
    String ae = PipelineRun.AUTOENCODER + "-fold" + fold.number();
    String seg = PipelineRun.SEGMENTATION + "-fold" + fold.number();
    AutoencoderTrainer.run(spark, new AutoencoderTrainer.Options(w, ae, aeEpochs, false, true, autoencoder, 32, 0, 5,
        NormalSliceRule.AUTO, TrainingSelection.ALL, fold.trainPatients()));
    ScoringJob.run(spark, new ScoringJob.Options(w, ae, scoring, fold.testPatients()));
    SegmentationTrainer.run(spark, new SegmentationTrainer.Options(w, seg, ae, segEpochs, false, true, segmentation,
        LabelSource.BOTH, 16, 0, 5, TrainingSelection.ALL, 0.2, scoring, fold.trainPatients()));
    SegmentationPredictJob.run(spark, new SegmentationPredictJob.Options(w, seg, TrainingSelection.ALL, scoring, 16,
        fold.testPatients()));
    return new FoldModels(ae, Map.of(PipelineRun.SEGMENTATION, seg));
  }
}
