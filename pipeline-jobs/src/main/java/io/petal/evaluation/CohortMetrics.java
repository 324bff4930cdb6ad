package io.petal.evaluation;

import io.petal.metrics.FloatBinning;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.ScoreHistogram;
import io.petal.report.CohortCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The evaluation of a set of studies as one mergeable value, so Spark can aggregate it over
 * partitions ({@code treeAggregate}): the anomaly map's pixel- and slice-level score histograms
 * (never the scores themselves), the same of each segmentation model's probability, and one small
 * {@link StudyResult} per study. Merging is
 * concatenation and histogram merging; not thread-safe.
 *
 * <p>Resolution: voxels are binned with {@link FloatBinning#DEFAULT_MANTISSA_BITS} mantissa bits
 * (relative bin width 2^-10), slices with {@value #SLICE_MANTISSA_BITS} (2^-14): a cohort has a
 * thousand times fewer slices than voxels, so fewer distinct scores break the ties of a bin, and
 * the 16 times finer bins keep the slice AUROC's error bound small (a 20 × 2^14-byte page per
 * binary order of magnitude of the slice scores).
 */
public final class CohortMetrics implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Mantissa bits of the slice-score histogram. */
  public static final int SLICE_MANTISSA_BITS = 14;
  private final RankingHistograms anomaly = new RankingHistograms();
  private final SortedMap<String, RankingHistograms> models = new TreeMap<>();
  private final List<StudyResult> studies = new ArrayList<>();

  /** Anomaly value of each voxel vs "voxel is lesion" (first annotation source). */
  public ScoreHistogram pixel() {
    return anomaly.pixel();
  }

  /** Slice score of each slice vs "slice has a lesion voxel" (first annotation source). */
  public ScoreHistogram slice() {
    return anomaly.slice();
  }

  /** The histograms of {@code model}'s probability (created empty on first use, for adding scores). */
  public RankingHistograms modelRanking(String model) {
    return models.computeIfAbsent(model, m -> new RankingHistograms());
  }

  /** True when at least one study's probability of {@code model} was ranked. */
  public boolean modelRanked(String model) {
    RankingHistograms h = models.get(model);
    return h != null && h.slice().positives() + h.slice().negatives() > 0;
  }

  /** The studies' results, in no particular order. */
  public List<StudyResult> studies() {
    return studies;
  }

  /** Adds one study's result (its scores go into the histograms separately, by {@link StudyScorer}). */
  public CohortMetrics add(StudyResult study) {
    studies.add(study);
    return this;
  }

  /** Adds everything of {@code other} to this and returns this. */
  public CohortMetrics merge(CohortMetrics other) {
    anomaly.merge(other.anomaly);
    other.models.forEach((model, h) -> modelRanking(model).merge(h));
    studies.addAll(other.studies);
    return this;
  }

  /**
   * A copy with models renamed ({@code old name → new name}; models not in the map keep their
   * name), e.g. a fold's {@code segmentation-fold2} as {@code segmentation} for pooling folds.
   */
  public CohortMetrics renamed(Map<String, String> newNames) {
    CohortMetrics out = new CohortMetrics();
    out.anomaly.merge(anomaly);
    models.forEach((model, h) -> out.modelRanking(newNames.getOrDefault(model, model)).merge(h));
    for (StudyResult s : studies) {
      List<ModelScore> scores = s.scores().stream().map(m -> new ModelScore(newNames.getOrDefault(m.model(), m.model()),
          m.labelSource(), m.primary(), m.region(), m.firstRegion(), m.metrics())).toList();
      out.add(new StudyResult(s.cohort(), s.patientKey(), s.studyKey(), s.normal(), s.split(), s.labelSources(),
          s.slices(), s.lesionSlices(), s.lesions(), s.anomalyScored(), scores));
    }
    return out;
  }

  /** True when at least one study had an anomaly map. */
  public boolean anomalyScored() {
    return studies.stream().anyMatch(StudyResult::anomalyScored);
  }

  /**
   * The model's metrics against each study's first annotation source, for the first region of the
   * study's kind, one per study that has the model's mask, ordered by study key (so reports and
   * tests are deterministic).
   */
  public List<PatientSegmentationMetrics> patients(String model) {
    return select(m -> m.primary() && m.firstRegion() && m.model().equals(model));
  }

  /** As {@link #patients(String)}, for the named output region ({@code lesion}, {@code WT}, …). */
  public List<PatientSegmentationMetrics> patients(String model, String region) {
    return select(m -> m.primary() && m.region().equals(region) && m.model().equals(model));
  }

  /** The output regions scored, in the order they first appear in {@link #sortedStudies()}. */
  public List<String> regions() {
    Set<String> regions = new java.util.LinkedHashSet<>();
    sortedStudies().forEach(s -> s.scores().forEach(m -> regions.add(m.region())));
    return List.copyOf(regions);
  }

  private List<PatientSegmentationMetrics> select(java.util.function.Predicate<ModelScore> keep) {
    List<PatientSegmentationMetrics> out = new ArrayList<>();
    for (StudyResult s : sortedStudies()) {
      for (ModelScore m : s.scores()) {
        if (keep.test(m)) {
          out.add(m.metrics());
        }
      }
    }
    return out;
  }

  /**
   * The evaluated studies as counts, for the report. Slices are those ranked at slice level (of
   * the studies with an anomaly map) when any study had one, else all slices.
   *
   * @param evaluatedOn what was evaluated, in words (e.g. {@code test split})
   */
  public CohortCounts cohortCounts(String evaluatedOn) {
    Set<String> cohorts = new TreeSet<>();
    Set<String> patients = new TreeSet<>();
    Set<String> positive = new TreeSet<>();
    long lesions = 0;
    long slices = 0;
    long lesionSlices = 0;
    boolean ranked = anomalyScored();
    for (StudyResult s : studies) {
      cohorts.add(s.cohort());
      patients.add(s.patientKey());
      if (s.lesions() > 0) {
        positive.add(s.patientKey());
      }
      lesions += s.lesions();
      if (s.anomalyScored() || !ranked) {
        slices += s.slices();
        lesionSlices += s.lesionSlices();
      }
    }
    return new CohortCounts(List.copyOf(cohorts), evaluatedOn, patients.size(), studies.size(), positive.size(),
        lesions, slices, lesionSlices);
  }

  /** The studies' annotation sources, in the order they first appear in {@link #sortedStudies()}. */
  public List<String> annotationSources() {
    Set<String> sources = new java.util.LinkedHashSet<>();
    sortedStudies().forEach(s -> sources.addAll(s.labelSources()));
    return List.copyOf(sources);
  }

  /** The studies sorted by cohort and study key. */
  public List<StudyResult> sortedStudies() {
    List<StudyResult> sorted = new ArrayList<>(studies);
    sorted.sort(java.util.Comparator.comparing(StudyResult::cohort).thenComparing(StudyResult::studyKey));
    return sorted;
  }
}
