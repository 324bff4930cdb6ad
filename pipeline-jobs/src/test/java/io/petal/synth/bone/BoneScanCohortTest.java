package io.petal.synth.bone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthetic bone scans on the default views: counts at the configured level, labels only in
 * abnormal scans and the same outline in both views, metastases hotter than the patient's
 * lesion-free twin, the twins identical away from the metastases, attenuation by depth (the lumbar
 * spine brighter from behind), and determinism.
 */
class BoneScanCohortTest {
  private static final long SEED = 31;
  private static final int PATIENTS = 5;
  private static final BoneScanConfig CFG = BoneScanConfig.defaults();
  private static final List<BoneScanStudy> NORMAL = new ArrayList<>();
  private static final List<BoneScanStudy> ABNORMAL = new ArrayList<>();

  @BeforeAll
  static void generate() {
    for (int i = 0; i < PATIENTS; i++) {
      NORMAL.add(BoneScanCohort.patient(SEED, i, false, CFG));
      ABNORMAL.add(BoneScanCohort.patient(SEED, i, true, CFG));
    }
  }

  @Test
  void countsAreIntegersAtTheConfiguredLevel() {
    for (BoneScanStudy s : NORMAL) {
      double total = 0;
      for (float c : s.view(BoneScanView.ANTERIOR)) {
        assertTrue(c >= 0 && c == Math.rint(c), "counts are non-negative integers");
        total += c;
      }
      assertEquals(CFG.countsPerView(), total, CFG.countsPerView() * (BoneScanCohort.COUNT_VARIATION + 0.02));
    }
  }

  @Test
  void labelsMarkTheMetastasesOfAbnormalScansInBothViews() {
    for (BoneScanStudy s : NORMAL) {
      assertTrue(s.lesions().isEmpty());
      assertEquals(0, labelled(s.labels().data()));
    }
    for (BoneScanStudy s : ABNORMAL) {
      int n = s.lesions().size();
      assertTrue(n >= 1 && n <= CFG.maxLesions(), n + " lesions");
      assertArrayEquals(s.labels().slice(0), s.labels().slice(1), "the same outline in both views");
      int perLesion = s.lesions().stream().mapToInt(BoneLesionFinding::labelledPixels).sum();
      assertEquals(perLesion, labelled(s.labels().slice(0)), "lesions do not overlap");
    }
  }

  @Test
  void metastasesAreHotterThanTheTwinAndTheTwinsDifferOnlyAroundThem() {
    int lesions = 0;
    for (int p = 0; p < PATIENTS; p++) {
      BoneScanStudy sick = ABNORMAL.get(p);
      BoneScanStudy twin = NORMAL.get(p);
      for (BoneLesionFinding l : sick.lesions()) {
        lesions++;
        double gain = 0;
        for (BoneScanView v : BoneScanView.values()) {
          gain = Math.max(gain, around(sick, v, l) / around(twin, v, l));
        }
        assertTrue(gain > 1.05, "metastasis " + l + " adds counts (x" + gain + ")");
        if (l.uptakeRatio() >= 2.5) {
          assertTrue(gain > 1.4, "intense metastasis " + l + " clearly hotter (x" + gain + ")");
        }
      }
      double reachPx = 3 * GammaCamera.FWHM_MM / 2.355 / CFG.pixelSpacingMm() + 2;
      for (BoneScanView v : BoneScanView.values()) {
        float[] a = sick.view(v);
        float[] b = twin.view(v);
        for (int n = 0; n < a.length; n++) {
          if (a[n] != b[n]) {
            int i = n % CFG.columns();
            int j = n / CFG.columns();
            assertTrue(sick.lesions().stream().anyMatch(l -> Math.hypot(i - column(l), j - row(l))
                <= l.diameterMm() / 2 / CFG.pixelSpacingMm() + reachPx), "pixel " + i + "," + j + " differs far from "
                + "every metastasis");
          }
        }
      }
    }
    assertTrue(lesions >= PATIENTS);
  }

  @Test
  void theLumbarSpineWhichLiesPosteriorIsBrighterOnThePosteriorView() {
    for (BoneScanStudy s : NORMAL) {
      // a central strip 600-720 mm below the vertex: lumbar vertebrae for every body height drawn
      double anterior = strip(s, BoneScanView.ANTERIOR, 0, 600, 720);
      double posterior = strip(s, BoneScanView.POSTERIOR, 0, 600, 720);
      assertTrue(posterior > 1.3 * anterior, "lumbar spine " + posterior + " vs " + anterior);
    }
  }

  @Test
  void theSameSeedGivesTheSameScan() {
    BoneScanStudy again = BoneScanCohort.patient(SEED, 3, true, CFG);
    assertArrayEquals(ABNORMAL.get(3).counts().data(), again.counts().data());
    assertArrayEquals(ABNORMAL.get(3).labels().data(), again.labels().data());
    assertEquals(ABNORMAL.get(3).lesions(), again.lesions());
    assertFalse(java.util.Arrays.equals(again.counts().data(),
        BoneScanCohort.patient(SEED + 1, 3, true, CFG).counts().data()));
  }

  /** Counts in the 3 × 3 pixels around a lesion's centre in one view (anterior orientation). */
  private static double around(BoneScanStudy s, BoneScanView v, BoneLesionFinding l) {
    float[] view = s.view(v);
    double sum = 0;
    for (int dj = -1; dj <= 1; dj++) {
      for (int di = -1; di <= 1; di++) {
        int i = Math.max(0, Math.min(CFG.columns() - 1, column(l) + di));
        int j = Math.max(0, Math.min(CFG.rows() - 1, row(l) + dj));
        sum += view[j * CFG.columns() + i];
      }
    }
    return Math.max(1, sum);
  }

  /** Counts in a 16 mm wide vertical strip centred at {@code xMm}, from {@code fromMm} to {@code toMm} below the vertex. */
  private static double strip(BoneScanStudy s, BoneScanView v, double xMm, double fromMm, double toMm) {
    float[] view = s.view(v);
    double sum = 0;
    for (int j = 0; j < CFG.rows(); j++) {
      double u = CFG.belowVertexMm(j);
      for (int i = 0; i < CFG.columns(); i++) {
        if (u >= fromMm && u <= toMm && Math.abs(CFG.xMm(i) - xMm) <= 8) {
          sum += view[j * CFG.columns() + i];
        }
      }
    }
    return sum;
  }

  private static int column(BoneLesionFinding l) {
    return (int) Math.round(l.xMm() / CFG.pixelSpacingMm() + (CFG.columns() - 1) / 2.0);
  }

  private static int row(BoneLesionFinding l) {
    return (int) Math.round(-l.zMm() / CFG.pixelSpacingMm());
  }

  private static int labelled(float[] labels) {
    int n = 0;
    for (float v : labels) {
      n += v != 0 ? 1 : 0;
    }
    return n;
  }
}
