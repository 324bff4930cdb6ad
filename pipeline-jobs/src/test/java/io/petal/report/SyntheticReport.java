package io.petal.report;

import io.petal.metrics.DetectionCounts;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.ScoreHistogram;
import io.petal.metrics.SegmentationEvaluator;
import io.petal.metrics.SizeStrata;
import io.petal.metrics.StratumCount;
import io.petal.metrics.Summary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic synthetic evaluation for report tests: five methods as {@code petal evaluate}
 * compares them, patients with 64-hex-character pseudonym keys, lesions in the five size levels,
 * rankings from Gaussian scores, and small example slices with a lesion, on a non-square pixel grid.
 */
final class SyntheticReport {
  static final String GUIDED = "anomaly-guided U-Net";
  static final String SUV_25 = "SUV 2.5";
  static final String SUV_MAX_41 = "41% SUVmax";
  static final String ANOMALY_MAP = "anomaly map";
  static final String NO_PRIOR = "no-prior U-Net";
  static final int PATIENTS = 24;
  static final int LESION_FREE_PATIENTS = 4;

  /** Per method: Dice level, detection skill, FPV mean (mL), slice and pixel separation (SD units; NaN = not scored). */
  private record Profile(String name, double dice, double skill, double fpvMl, double sliceShift, double pixelShift,
      boolean segments) {}

  private static final List<Profile> PROFILES = List.of(
      new Profile(GUIDED, 0.68, 1.0, 2.0, 2.2, 2.8, true),
      new Profile(SUV_25, 0.41, 0.7, 14.0, Double.NaN, 1.6, true),
      new Profile(SUV_MAX_41, 0.52, 0.6, 5.0, Double.NaN, Double.NaN, true),
      new Profile(ANOMALY_MAP, 0, 0, 0, 1.9, 2.3, false),
      new Profile(NO_PRIOR, 0.57, 0.8, 4.0, 1.7, 2.4, true));

  private SyntheticReport() {}

  /** The full report: every section, two annotation sources, three folds, two example slices. */
  static ReportData full() {
    List<MethodResult> methods = methods();
    MethodResult guided = methods.get(0);
    List<FoldResult> folds = new ArrayList<>();
    List<PatientSegmentationMetrics> patients = guided.patients();
    for (int f = 0; f < 3; f++) {
      List<PatientSegmentationMetrics> held = new ArrayList<>();
      for (int p = f; p < patients.size(); p += 3) {
        held.add(patients.get(p));
      }
      folds.add(new FoldResult(f + 1, patients.size() - held.size(), held.size(),
          KeyFigures.ofPatients(methods.get(3).slice(), methods.get(3).pixel(), held)));
    }
    CrossEvaluation cross = new CrossEvaluation(List.of("expert_sensitive", "expert_specific"), List.of(
        List.of(new Summary(0.66, 0.12, 0.60, 0.72, 20), new Summary(0.58, 0.15, 0.51, 0.65, 20)),
        List.of(new Summary(0.55, 0.16, 0.48, 0.62, 20), new Summary(0.69, 0.11, 0.64, 0.74, 20))));
    return new ReportData("demo-eval", Map.of("autoencoder", "ae-demo", "segmenter", "unet-guided-demo"),
        cohort(), SegmentationEvaluator.autoPet(), SizeStrata.sizeLevels(),
        HeadlineFigures.of(methods.get(3), guided), methods, cross, folds,
        List.of(exampleSlice(pseudonym(0), 96, 80, 2.0, 2.5, 30, 34, 7, true),
            exampleSlice(pseudonym(1), 128, 128, 4.0, 4.0, 84, 56, 2, false)));
  }

  /** Only what a minimal run has: one ranking-only and one segmenting method, no options. */
  static ReportData minimal() {
    List<MethodResult> all = methods();
    MethodResult anomaly = all.get(3);
    MethodResult suv = all.get(1);
    return new ReportData("minimal", Map.of(), cohort(), SegmentationEvaluator.autoPet(), SizeStrata.sizeLevels(),
        HeadlineFigures.of(anomaly, suv), List.of(anomaly, suv), null, List.of(), List.of());
  }

  static CohortCounts cohort() {
    return new CohortCounts(List.of("demo"), "test split", PATIENTS, PATIENTS, PATIENTS - LESION_FREE_PATIENTS,
        lesionsPerPatient().stream().mapToLong(List::size).sum(), 2400, 310);
  }

  /** The 64-hex-character pseudonym key of synthetic patient {@code p}. */
  static String pseudonym(int p) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("patient-" + p).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<MethodResult> methods() {
    List<List<String>> lesions = lesionsPerPatient();
    List<MethodResult> methods = new ArrayList<>();
    for (int m = 0; m < PROFILES.size(); m++) {
      Profile profile = PROFILES.get(m);
      Random random = new Random(1000 + m);
      methods.add(new MethodResult(profile.name(), ranking(profile.sliceShift(), 3000, 0.12, random),
          ranking(profile.pixelShift(), 40000, 0.01, random),
          profile.segments() ? patients(profile, lesions, random) : List.of()));
    }
    return methods;
  }

  /** Each patient's lesions by size level; the last {@link #LESION_FREE_PATIENTS} have none. */
  static List<List<String>> lesionsPerPatient() {
    Random random = new Random(7);
    List<String> levels = SizeStrata.sizeLevels().names();
    List<List<String>> all = new ArrayList<>();
    for (int p = 0; p < PATIENTS; p++) {
      List<String> lesions = new ArrayList<>();
      int n = p < PATIENTS - LESION_FREE_PATIENTS ? 1 + random.nextInt(4) : 0;
      for (int l = 0; l < n; l++) {
        lesions.add(levels.get(random.nextInt(levels.size())));
      }
      all.add(lesions);
    }
    return all;
  }

  private static RankingResult ranking(double shift, int scores, double positiveFraction, Random random) {
    if (Double.isNaN(shift)) {
      return null;
    }
    ScoreHistogram h = new ScoreHistogram();
    for (int i = 0; i < scores; i++) {
      boolean positive = random.nextDouble() < positiveFraction;
      h.add((float) (random.nextGaussian() + (positive ? shift : 0)), positive);
    }
    return RankingResult.of(h);
  }

  private static List<PatientSegmentationMetrics> patients(Profile profile, List<List<String>> lesions,
      Random random) {
    List<String> levels = SizeStrata.sizeLevels().names();
    List<PatientSegmentationMetrics> patients = new ArrayList<>();
    for (int p = 0; p < lesions.size(); p++) {
      Map<String, StratumCount> strata = new TreeMap<>();
      double truthMl = 0;
      double missedMl = 0;
      long detected = 0;
      for (String level : lesions.get(p)) {
        int size = levels.indexOf(level);
        double radiusMm = 4 + 6 * size;
        double volumeMl = 4.0 / 3 * Math.PI * radiusMm * radiusMm * radiusMm / 1000;
        boolean found = random.nextDouble() < profile.skill() * (0.45 + 0.14 * size);
        truthMl += volumeMl;
        if (found) {
          detected++;
        } else {
          missedMl += volumeMl;
        }
        strata.merge(level, new StratumCount(1, found ? 1 : 0), StratumCount::plus);
      }
      boolean positive = !lesions.get(p).isEmpty();
      double dice = positive ? clamp(profile.dice() + 0.15 * random.nextGaussian()) : Double.NaN;
      double surfaceDice = positive ? clamp(dice + 0.08 + 0.05 * random.nextGaussian()) : Double.NaN;
      double fpvMl = -profile.fpvMl() * Math.log(1 - random.nextDouble());
      long fpComponents = fpvMl < 0.5 ? 0 : 1 + random.nextInt(3);
      patients.add(new PatientSegmentationMetrics(pseudonym(p), dice, surfaceDice, fpvMl, missedMl, truthMl,
          truthMl - missedMl + fpvMl, new DetectionCounts(lesions.get(p).size(), detected, fpComponents, strata)));
    }
    return patients;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /**
   * A slice with a body ellipse (CT 40 HU, SUV 1), two lungs (−800 HU, SUV 0.5), a hot lesion disc
   * of {@code radius} pixels at (cx, cy) (SUV 9, CT 45 HU), an anomaly blob over it and a predicted
   * disc shifted by 2 pixels (or none).
   */
  static ExampleSlice exampleSlice(String caseId, int width, int height, double sx, double sy, int cx, int cy,
      int radius, boolean withPrediction) {
    int n = width * height;
    float[] pet = new float[n];
    float[] ct = new float[n];
    float[] anomaly = new float[n];
    boolean[] truth = new boolean[n];
    boolean[] predicted = withPrediction ? new boolean[n] : null;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        double ex = (x - width / 2.0) / (0.45 * width);
        double ey = (y - height / 2.0) / (0.38 * height);
        boolean body = ex * ex + ey * ey <= 1;
        double lx = Math.abs(x - width / 2.0) / (0.14 * width) - 1.25;
        double ly = (y - height / 2.0) / (0.25 * height);
        boolean lung = body && lx * lx + ly * ly <= 1;
        ct[i] = body ? (lung ? -800 : 40) : -1000;
        pet[i] = body ? (lung ? 0.5f : 1.0f) : 0;
        double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        truth[i] = d2 <= radius * radius;
        if (truth[i]) {
          pet[i] = 9;
          ct[i] = 45;
        }
        anomaly[i] = body ? (float) (2.5 * Math.exp(-d2 / (2.0 * radius * radius)) + 0.04 * ((x * 7 + y * 3) % 5)) : 0;
        if (predicted != null) {
          double p2 = (x - cx - 2) * (x - cx - 2) + (y - cy) * (y - cy);
          predicted[i] = p2 <= radius * radius;
        }
      }
    }
    return new ExampleSlice(caseId, GUIDED, 40 + cx, -250.0 + 2.5 * cy, width, height, sx, sy, pet, ct, anomaly,
        truth, predicted);
  }
}
