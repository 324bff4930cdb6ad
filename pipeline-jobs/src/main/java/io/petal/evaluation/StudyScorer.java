package io.petal.evaluation;

import io.petal.image.ConnectedComponents;
import io.petal.image.ImageGrid;
import io.petal.metrics.MaskPair;
import io.petal.metrics.SegmentationEvaluator;
import io.petal.metrics.SizeStrata;
import io.petal.models.OutputRegion;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import io.petal.training.KindChannels;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one study where it was read (in a Spark task): the anomaly map's voxels and slice
 * scores go into the cohort's histograms, and so do each model's probability of the first region
 * (a slice scored by its highest voxel), each model's mask is scored with the
 * {@link SegmentationEvaluator} (detection counted per {@link SizeStrata} stratum), and the
 * study's {@link StudyResult} is added.
 *
 * <p>Regions: truth and prediction are both read as label values and turned into the output
 * regions of the study's kind ({@link KindChannels}: {@code lesion} = label above 0; brain MRI
 * {@code WT}, {@code TC}, {@code ET} from the BraTS values). The first region is scored against
 * every annotation source, the others against the first source only. Planar studies are measured
 * in 2D, views side by side ({@link EvaluationGrid}).
 *
 * <p>Truth: the study's annotation sources in {@code slices.labels}; a normal study without
 * annotation is scored against an empty mask ({@link StudyResult#NO_ANNOTATION}). The ranking
 * figures use the first source's first region: a voxel is positive when that source marks it, a
 * slice when it holds such a voxel. Every voxel of the study's grid is ranked (outside the body
 * the anomaly map is 0, a tied group that adds no error to the AUROC bound).
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
    List<OutputRegion> regions = KindChannels.of(info).regions();
    EvaluationGrid measured = EvaluationGrid.of(info);
    ImageGrid m = measured.grid();
    List<String> sources = images.labelCount() > 0 ? info.labelSources() : List.of(StudyResult.NO_ANNOTATION);
    byte[][] truths = new byte[sources.size()][];
    for (int s = 0; s < truths.length; s++) {
      truths[s] = images.labelCount() > 0 ? images.label(s) : new byte[g.voxelCount()];
    }
    byte[] firstTruth = region(regions.get(0), truths[0]);
    boolean[] lesionSlice = lesionSlices(firstTruth, g);
    int lesionSlices = 0;
    for (boolean b : lesionSlice) {
      lesionSlices += b ? 1 : 0;
    }
    AnomalyVolume anomaly = study.anomaly();
    if (anomaly != null) {
      cohort.pixel().add(anomaly.map(), firstTruth);
      cohort.slice().add(anomaly.sliceScores(), lesionSlice);
    }
    for (Map.Entry<String, float[]> p : study.probabilities().entrySet()) {
      RankingHistograms ranking = cohort.modelRanking(p.getKey());
      ranking.pixel().add(p.getValue(), firstTruth);
      ranking.slice().add(sliceMaxima(p.getValue(), g), lesionSlice);
    }
    int lesions = ConnectedComponents.of(measured.arrange(firstTruth), m.nx(), m.ny(), m.nz(),
        evaluator.connectivity()).count();
    List<ModelScore> scores = new ArrayList<>();
    for (Map.Entry<String, byte[]> mask : study.masks().entrySet()) {
      for (int r = 0; r < regions.size(); r++) {
        OutputRegion region = regions.get(r);
        byte[] predicted = measured.arrange(region(region, mask.getValue()));
        for (int s = 0; s < (r == 0 ? truths.length : 1); s++) {
          MaskPair pair = MaskPair.of(info.studyKey(), m, measured.arrange(region(region, truths[s])), predicted);
          scores.add(new ModelScore(mask.getKey(), sources.get(s), s == 0, region.name(), r == 0,
              evaluator.evaluate(pair, strata)));
        }
      }
    }
    return cohort.add(new StudyResult(info.cohort(), info.patientKey(), info.studyKey(), info.normal(), info.split(),
        info.labelSources(), g.nz(), lesionSlices, lesions, anomaly != null, scores));
  }

  /** 1 where the label value lies in {@code region}, else 0. */
  private static byte[] region(OutputRegion region, byte[] labels) {
    byte[] out = new byte[labels.length];
    for (int v = 0; v < labels.length; v++) {
      out[v] = region.contains(labels[v] & 0xFF) ? (byte) 1 : 0;
    }
    return out;
  }
  /** The highest value of each slice of a volume on grid {@code g}. */
  private static float[] sliceMaxima(float[] volume, ImageGrid g) {
    int plane = g.sliceSize();
    float[] out = new float[g.nz()];
    java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
    for (int v = 0; v < volume.length; v++) {
      out[v / plane] = Math.max(out[v / plane], volume[v]);
    }
    return out;
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
