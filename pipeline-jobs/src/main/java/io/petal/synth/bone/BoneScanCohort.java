package io.petal.synth.bone;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.synth.PatientSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic whole-body bone scan cohort (Tc-99m diphosphonate, anterior and posterior
 * views): {@link #patient} builds one study from a per-patient body ({@link BodyPlan},
 * {@link WholeBody}) with physiological uptake in the skeleton, kidneys and bladder, benign
 * incidental uptake in some patients ({@link IncidentalUptake}), metastases for abnormal patients
 * ({@link MetastasisPlacer}), attenuation by depth ({@link PlanarProjector}), and the camera's blur
 * and counting noise ({@link GammaCamera}).
 *
 * <p>A study depends only on (cohort seed, patient index, abnormal, config); the normal and
 * abnormal study of one index share body, incidental uptake, count scale and noise draws, so they
 * differ only in and around the metastases.
 */
public final class BoneScanCohort {
  private static final Logger LOG = LoggerFactory.getLogger(BoneScanCohort.class);
  /** Counts of a view vary by this fraction between patients (dose, time, body habitus). */
  static final double COUNT_VARIATION = 0.2;

  /** The generation stages, each with its own random stream. */
  private enum Stage { BODY, INCIDENTAL, LESIONS, CAMERA }

  private BoneScanCohort() {}

  /** Generates one patient's study. Single-threaded; safe to call from many threads at once. */
  public static BoneScanStudy patient(long cohortSeed, int patientIndex, boolean abnormal, BoneScanConfig cfg) {
    if (patientIndex < 0) {
      throw new IllegalArgumentException("patient index must be >= 0, got " + patientIndex);
    }
    long started = System.nanoTime();
    long seed = PatientSeeds.patientSeed(cohortSeed, patientIndex);
    BodyPlan plan = BodyPlan.draw(PatientSeeds.stream(seed, Stage.BODY));
    List<UptakeSource> body = WholeBody.of(plan);
    IncidentalUptake.Drawn incidental = IncidentalUptake.draw(plan, PatientSeeds.stream(seed, Stage.INCIDENTAL));
    List<UptakeSource> background = new ArrayList<>(body);
    background.addAll(incidental.sources());
    List<PlacedLesion> lesions = List.of();
    if (abnormal) {
      SplittableRandom lesionRng = PatientSeeds.stream(seed, Stage.LESIONS);
      lesions = MetastasisPlacer.place(body, 1 + lesionRng.nextInt(cfg.maxLesions()), lesionRng);
    }

    float[][] normal = PlanarProjector.project(background, cfg);
    float[][] extra = PlanarProjector.project(lesions.stream().map(PlacedLesion::source).toList(), cfg);
    GammaCamera.blur(normal, cfg);
    GammaCamera.blur(extra, cfg);
    SplittableRandom camera = PatientSeeds.stream(seed, Stage.CAMERA);
    double counts = cfg.countsPerView() * (1 + COUNT_VARIATION * (2 * camera.nextDouble() - 1));
    double countsPerUnit = counts / sum(normal[BoneScanView.ANTERIOR.ordinal()]);
    float[][] expected = new float[normal.length][];
    for (int v = 0; v < normal.length; v++) {
      expected[v] = normal[v].clone();
      for (int n = 0; n < expected[v].length; n++) {
        expected[v][n] += extra[v][n];
      }
    }
    float[][] detected = GammaCamera.count(expected, countsPerUnit, camera);

    ImageGrid grid = cfg.grid();
    float[] label = new float[cfg.columns() * cfg.rows()];
    List<BoneLesionFinding> findings = new ArrayList<>();
    for (PlacedLesion l : lesions) {
      int pixels = paintLabel(l, label, cfg);
      findings.add(measure(l, normal, expected, pixels, cfg));
    }
    LOG.debug("bone scan patient {}: {} counts, {} lesions, {} ms", patientIndex, Math.round(counts), lesions.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new BoneScanStudy(patientIndex, abnormal, new Volume(grid, views(detected)),
        new Volume(grid, views(new float[][] {label, label})), findings, incidental.findings());
  }

  /** Marks the pixels whose centres lie inside {@code l} (at least the pixel under its centre); returns their count. */
  private static int paintLabel(PlacedLesion l, float[] label, BoneScanConfig cfg) {
    int count = 0;
    for (int j = 0; j < cfg.rows(); j++) {
      for (int i = 0; i < cfg.columns(); i++) {
        if (l.covers(cfg.xMm(i), cfg.belowVertexMm(j))) {
          label[j * cfg.columns() + i] = 1;
          count++;
        }
      }
    }
    if (count == 0) {
      label[centreRow(l, cfg) * cfg.columns() + centreColumn(l, cfg)] = 1;
      count = 1;
    }
    return count;
  }

  private static BoneLesionFinding measure(PlacedLesion l, float[][] normal, float[][] expected, int pixels,
      BoneScanConfig cfg) {
    int n = centreRow(l, cfg) * cfg.columns() + centreColumn(l, cfg);
    double ratio = 1;
    for (int v = 0; v < normal.length; v++) {
      if (normal[v][n] > 0) {
        ratio = Math.max(ratio, expected[v][n] / normal[v][n]);
      }
    }
    double zMm = -(l.u() + BoneScanConfig.TOP_MARGIN_MM);
    return new BoneLesionFinding(l.site(), 2 * Math.max(l.semiA(), l.semiB()), ratio, l.x(), zMm, pixels);
  }

  private static int centreColumn(PlacedLesion l, BoneScanConfig cfg) {
    int i = (int) Math.round(l.x() / cfg.pixelSpacingMm() + (cfg.columns() - 1) / 2.0);
    return Math.max(0, Math.min(cfg.columns() - 1, i));
  }

  private static int centreRow(PlacedLesion l, BoneScanConfig cfg) {
    int j = (int) Math.round((l.u() + BoneScanConfig.TOP_MARGIN_MM) / cfg.pixelSpacingMm());
    return Math.max(0, Math.min(cfg.rows() - 1, j));
  }

  /** The views one after the other (the study grid's k order). */
  private static float[] views(float[][] perView) {
    int plane = perView[0].length;
    float[] out = new float[plane * perView.length];
    for (int v = 0; v < perView.length; v++) {
      System.arraycopy(perView[v], 0, out, v * plane, plane);
    }
    return out;
  }

  private static double sum(float[] a) {
    double s = 0;
    for (float x : a) {
      s += x;
    }
    return s;
  }
}
