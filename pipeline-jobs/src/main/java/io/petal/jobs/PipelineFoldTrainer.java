package io.petal.jobs;

import io.petal.evaluation.Fold;
import io.petal.evaluation.FoldModels;
import io.petal.evaluation.FoldTrainer;
import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.scoring.ScoringJob;
import io.petal.scoring.ScoringSettings;
import io.petal.segmentation.AnnotationSource;
import io.petal.segmentation.PerSourceModels;
import io.petal.segmentation.SegmentationPredictJob;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.NormalSliceRule;
import io.petal.training.TrainingSelection;
import io.petal.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One cross-validation fold through Petal's own training jobs: the autoencoder on the fold's
 * training patients (their normal studies, whatever their split), the U-Net on their studies,
 * then anomaly maps and masks of the fold's test patients, under {@code autoencoder-fold<n>} and
 * {@code segmentation-fold<n>} so folds never overwrite each other or the main models. When the
 * fold's studies carry several annotation sources, one U-Net per source as in {@code petal run}
 * ({@link PerSourceModels}): {@code segmentation-fold<n>@<source>}, shown across folds as
 * {@code segmentation@<source>}.
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
    String ae = foldModel(PipelineRun.AUTOENCODER, fold);
    AutoencoderTrainer.run(spark, new AutoencoderTrainer.Options(w, ae, aeEpochs, false, true, autoencoder, 32, 0, 5,
        NormalSliceRule.AUTO, TrainingSelection.ALL, fold.trainPatients()));
    ScoringJob.run(spark, new ScoringJob.Options(w, ae, scoring, fold.testPatients()));
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, w,
        s -> fold.trainPatients().contains(s.patientKey()) || fold.testPatients().contains(s.patientKey()));
    Map<String, String> masks = new LinkedHashMap<>();
    for (Map.Entry<String, AnnotationSource> m : PerSourceModels.of(PipelineRun.SEGMENTATION, studies.values())
        .entrySet()) {
      String seg = foldModel(m.getKey(), fold);
      SegmentationTrainer.run(spark, PipelineRun.segmentationOptions(w, seg, ae, segEpochs, segmentation,
          TrainingSelection.ALL, scoring, fold.trainPatients(), m.getValue(), null));
      SegmentationPredictJob.run(spark, new SegmentationPredictJob.Options(w, seg, TrainingSelection.ALL, scoring, 16,
          fold.testPatients()));
      masks.put(m.getKey(), seg);
    }
    return new FoldModels(ae, masks);
  }

  /** The fold's name of a model: {@code <family>-fold<n>}, keeping an {@code @<source>} suffix. */
  static String foldModel(String model, Fold fold) {
    String family = PerSourceModels.family(model) + "-fold" + fold.number();
    String source = PerSourceModels.source(model);
    return source == null ? family : PerSourceModels.name(family, source);
  }
}
