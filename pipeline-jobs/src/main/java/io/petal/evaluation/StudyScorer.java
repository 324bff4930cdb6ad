package io.petal.evaluation;

import io.petal.image.ConnectedComponents;
import io.petal.image.ImageGrid;
import io.petal.metrics.MaskPair;
import io.petal.metrics.SegmentationEvaluator;
import io.petal.metrics.SizeStrata;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one study where it was read (in a Spark task): the anomaly map's voxels and slice
 * scores go into the cohort's histograms, each model's mask is scored against each annotation
 * source with the {@link SegmentationEvaluator} (detection counted per {@link SizeStrata} stratum),
 * and the study's {@link StudyResult} is added.
 *
 * <p>Truth: the study's annotation sources in {@code slices.labels}; a normal study without
 * annotation is scored against an empty mask ({@link StudyResult#NO_ANNOTATION}). The ranking
 * figures use the first source: a voxel is positive when that source marks it, a slice when it
 * holds such a voxel. Every voxel of the study's grid is ranked (outside the body the anomaly map
 * is 0, a tied group that adds no error to the AUROC bound).
 */
public final class StudyScorer implements Serializable {
  private static final long serialVersionUID = 1L;
  private final SegmentationEvaluator evaluator;
  private final SizeStrata strata;

  public StudyScorer(SegmentationEvaluator evaluator, SizeStrata strata) {
    this.evaluator = evaluator;
    this.strata = strata;
  }

  /** Adds {@code study} to {@code cohort} and returns {@code cohort} (a Spark seqOp). */
  public CohortMetrics addTo(CohortMetrics cohort, ScoredStudy study) {
    StudyImages images = study.images();
    StudyInfo info = images.info();
    ImageGrid g = info.grid();
    List<String> sources = images.labelCount() > 0 ? info.labelSources() : List.of(StudyResult.NO_ANNOTATION);
    byte[][] truths = new byte[sources.size()][];
    for (int s = 0; s < truths.length; s++) {
      truths[s] = images.labelCount() > 0 ? images.label(s) : new byte[g.voxelCount()];
    }
    boolean[] lesionSlice = lesionSlices(truths[0], g);
    int lesionSlices = 0;
    for (boolean b : lesionSlice) {
      lesionSlices += b ? 1 : 0;
    }
    AnomalyVolume anomaly = study.anomaly();
    if (anomaly != null) {
      cohort.pixel().add(anomaly.map(), truths[0]);
      cohort.slice().add(anomaly.sliceScores(), lesionSlice);
    }
    int lesions = ConnectedComponents.of(truths[0], g.nx(), g.ny(), g.nz(), evaluator.connectivity()).count();
    List<ModelScore> scores = new ArrayList<>();
    for (Map.Entry<String, byte[]> mask : study.masks().entrySet()) {
      for (int s = 0; s < truths.length; s++) {
        MaskPair pair = MaskPair.of(info.studyKey(), g, truths[s], mask.getValue());
        scores.add(new ModelScore(mask.getKey(), sources.get(s), s == 0, evaluator.evaluate(pair, strata)));
      }
    }
    return cohort.add(new StudyResult(info.cohort(), info.patientKey(), info.studyKey(), info.normal(), info.split(),
        info.labelSources(), g.nz(), lesionSlices, lesions, anomaly != null, scores));
  }

  private static boolean[] lesionSlices(byte[] truth, ImageGrid g) {
    boolean[] out = new boolean[g.nz()];
    int plane = g.sliceSize();
    for (int v = 0; v < truth.length; v++) {
      if (truth[v] != 0) {
        out[v / plane] = true;
      }
    }
    return out;
  }
}
