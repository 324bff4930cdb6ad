package io.petal.synth.brain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.schema.BratsLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthetic brain MRI cohort on the small grid: BraTS label values only in abnormal studies,
 * each tumour region with its designed appearance per contrast (compared voxel for voxel with the
 * patient's tumour-free twin), a head with the textbook tissue contrasts, and determinism.
 */
class BrainMriCohortTest {
  private static final long SEED = 77;
  private static final int PATIENTS = 6;
  private static final BrainMriConfig CFG = BrainMriConfig.small();
  private static final List<BrainMriStudy> NORMAL = new ArrayList<>();
  private static final List<BrainMriStudy> ABNORMAL = new ArrayList<>();

  @BeforeAll
  static void generate() {
    for (int i = 0; i < PATIENTS; i++) {
      NORMAL.add(BrainMriCohort.patient(SEED, i, false, CFG));
      ABNORMAL.add(BrainMriCohort.patient(SEED, i, true, CFG));
    }
  }

  @Test
  void normalStudiesHaveAnEmptyLabelAndAbnormalOnesTheBratsValues() {
    for (BrainMriStudy s : NORMAL) {
      assertNull(s.tumour());
      assertEquals(Set.of(0), labelValues(s.seg()), "normal study " + s.patientIndex());
    }
    for (BrainMriStudy s : ABNORMAL) {
      assertNotNull(s.tumour());
      Set<Integer> values = labelValues(s.seg());
      Set<Integer> expected = s.tumour().highGrade() ? Set.of(0, 1, 2, 4) : Set.of(0, 1, 2);
      assertEquals(expected, values, "abnormal study " + s.patientIndex() + " " + s.tumour());
      assertTrue(s.tumour().coreDiameterMm() >= 12, s.tumour().toString());
      for (Volume v : s.contrasts()) {
        assertTrue(v.grid().sameGeometry(CFG.grid(), 1e-9));
        for (float x : v.data()) {
          assertTrue(x >= 0 && Float.isFinite(x));
        }
      }
    }
  }

  /** Each region's mean relative to the patient's white matter, per contrast (designed: HeadTissue's table). */
  @Test
  void eachTumourRegionLooksAsDesignedOnEachContrast() {
    int highGrade = 0;
    for (int p = 0; p < PATIENTS; p++) {
      BrainMriStudy sick = ABNORMAL.get(p);
      String who = "patient " + p + " " + sick.tumour();
      double[] oedema = ratios(sick, BratsLabels.EDEMA);
      assertTrue(oedema[MriContrast.FLAIR.ordinal()] > 1.4, "oedema bright on FLAIR, " + who);
      assertTrue(oedema[MriContrast.T2.ordinal()] > 1.4, "oedema bright on T2, " + who);
      assertTrue(oedema[MriContrast.T1CE.ordinal()] < 1.1, "oedema does not enhance, " + who);
      if (sick.tumour().highGrade()) {
        highGrade++;
        double[] rim = ratios(sick, BratsLabels.ENHANCING);
        assertTrue(rim[MriContrast.T1CE.ordinal()] > 1.15, "enhancing rim brighter than white matter on T1ce, " + who);
        assertTrue(rim[MriContrast.T1.ordinal()] < 0.9, "the rim is not bright on native T1, " + who);
        double[] necrosis = ratios(sick, BratsLabels.NECROTIC_CORE);
        assertTrue(necrosis[MriContrast.T1CE.ordinal()] < 0.7, "necrosis dark on T1ce, " + who);
        assertTrue(necrosis[MriContrast.T2.ordinal()] > 1.5, "necrosis bright on T2, " + who);
        assertTrue(necrosis[MriContrast.FLAIR.ordinal()] < oedema[MriContrast.FLAIR.ordinal()],
            "necrosis darker than oedema on FLAIR, " + who);
      } else {
        double[] core = ratios(sick, BratsLabels.NECROTIC_CORE);
        assertTrue(core[MriContrast.T1CE.ordinal()] < 0.8, "non-enhancing core dark on T1ce, " + who);
        assertTrue(core[MriContrast.FLAIR.ordinal()] > 1.4, "non-enhancing core bright on FLAIR, " + who);
      }
    }
    assertTrue(highGrade > 0, "some tumours are high grade");
  }

  @Test
  void theHeadHasTextbookContrastsAndTheTwinsDifferOnlyAroundTheTumour() {
    BrainMriStudy s = NORMAL.get(0);
    float[] t1 = s.contrast(MriContrast.T1).data();
    float[] t2 = s.contrast(MriContrast.T2).data();
    float[] flair = s.contrast(MriContrast.FLAIR).data();
    // T2-bright voxels are fluid (CSF); on FLAIR fluid is dark, on T1 darker than the brain
    double t2Max = max(t2);
    double fluidT1 = 0;
    double fluidFlair = 0;
    double brainT1 = 0;
    double brainFlair = 0;
    int fluid = 0;
    int brain = 0;
    for (int n = 0; n < t2.length; n++) {
      if (t2[n] > 0.8 * t2Max) {
        fluidT1 += t1[n];
        fluidFlair += flair[n];
        fluid++;
      } else if (t2[n] > 0.3 * t2Max && t2[n] < 0.55 * t2Max) {
        brainT1 += t1[n];
        brainFlair += flair[n];
        brain++;
      }
    }
    assertTrue(fluid > 20 && brain > 1000, fluid + " fluid, " + brain + " brain voxels");
    assertTrue(fluidT1 / fluid < 0.5 * brainT1 / brain, "CSF darker than brain on T1");
    assertTrue(fluidFlair / fluid < 0.4 * brainFlair / brain, "CSF suppressed on FLAIR");

    BrainMriStudy sick = ABNORMAL.get(0);
    float[] seg = sick.seg().data();
    float[] a = sick.contrast(MriContrast.T2).data();
    int differing = 0;
    for (int n = 0; n < seg.length; n++) {
      if (seg[n] == 0 && a[n] != t2[n] && !nearTumour(sick, n)) {
        differing++;
      }
    }
    assertEquals(0, differing, "voxels away from the tumour are identical to the twin's");
  }

  @Test
  void theSpacingSetsTheGridOverAFixedFieldOfView() {
    BrainMriConfig bratsLike = BrainMriConfig.forSpacing(1.0);
    assertEquals(java.util.List.of(192, 192, 128), java.util.List.of(bratsLike.nx(), bratsLike.ny(), bratsLike.nz()));
    assertEquals(java.util.List.of(96, 96, 64), java.util.List.of(BrainMriConfig.defaults().nx(),
        BrainMriConfig.defaults().ny(), BrainMriConfig.defaults().nz()));
    assertEquals(2.0, BrainMriConfig.defaults().grid().spacing(2), 1e-12);
  }

  @Test
  void theSameSeedGivesTheSameStudyAnotherSeedAnotherPatient() {
    BrainMriStudy again = BrainMriCohort.patient(SEED, 2, true, CFG);
    BrainMriStudy first = ABNORMAL.get(2);
    for (MriContrast c : MriContrast.values()) {
      assertArrayEquals(first.contrast(c).data(), again.contrast(c).data(), c.name());
    }
    assertArrayEquals(first.seg().data(), again.seg().data());
    BrainMriStudy other = BrainMriCohort.patient(SEED + 1, 2, true, CFG);
    assertFalse(java.util.Arrays.equals(first.contrast(MriContrast.T1).data(), other.contrast(MriContrast.T1).data()));
  }

  /**
   * Mean of each contrast over the voxels labelled {@code label} in {@code s}, divided by the mean
   * of the same study's white matter; over the region's interior (voxels whose six neighbours share
   * the label) when it has one, so partial volume with the neighbouring region does not blur the
   * comparison.
   */
  private static double[] ratios(BrainMriStudy s, int label) {
    float[] region = interior(s.seg(), label);
    float[] tissue = s.tissue().data();
    double[] out = new double[MriContrast.values().length];
    for (MriContrast c : MriContrast.values()) {
      float[] a = s.contrast(c).data();
      double inRegion = 0;
      double inWhite = 0;
      int n = 0;
      int w = 0;
      for (int v = 0; v < region.length; v++) {
        if (region[v] == label) {
          inRegion += a[v];
          n++;
        } else if (tissue[v] == HeadTissue.WHITE_MATTER.ordinal()) {
          inWhite += a[v];
          w++;
        }
      }
      assertTrue(n > 0 && w > 0, "no voxel labelled " + label);
      out[c.ordinal()] = (inRegion / n) / (inWhite / w);
    }
    return out;
  }

  /** {@code seg} with only the interior voxels of {@code label} kept (all of them when none is interior). */
  private static float[] interior(Volume seg, int label) {
    var g = seg.grid();
    float[] out = new float[g.voxelCount()];
    int kept = 0;
    for (int k = 1; k < g.nz() - 1; k++) {
      for (int j = 1; j < g.ny() - 1; j++) {
        for (int i = 1; i < g.nx() - 1; i++) {
          if (seg.get(i, j, k) == label && seg.get(i - 1, j, k) == label && seg.get(i + 1, j, k) == label
              && seg.get(i, j - 1, k) == label && seg.get(i, j + 1, k) == label && seg.get(i, j, k - 1) == label
              && seg.get(i, j, k + 1) == label) {
            out[g.index(i, j, k)] = label;
            kept++;
          }
        }
      }
    }
    return kept > 0 ? out : seg.data();
  }

  /** True within two voxels of a tumour voxel (blur spreads the tumour's signal that far). */
  private static boolean nearTumour(BrainMriStudy s, int n) {
    var g = s.seg().grid();
    int i = n % g.nx();
    int j = (n / g.nx()) % g.ny();
    int k = n / g.sliceSize();
    for (int dk = -2; dk <= 2; dk++) {
      for (int dj = -2; dj <= 2; dj++) {
        for (int di = -2; di <= 2; di++) {
          int ii = i + di;
          int jj = j + dj;
          int kk = k + dk;
          if (ii >= 0 && jj >= 0 && kk >= 0 && ii < g.nx() && jj < g.ny() && kk < g.nz() && s.seg().get(ii, jj, kk) != 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Set<Integer> labelValues(Volume v) {
    Set<Integer> out = new TreeSet<>();
    for (float x : v.data()) {
      out.add((int) x);
    }
    return out;
  }

  private static double max(float[] a) {
    double m = 0;
    for (float x : a) {
      m = Math.max(m, x);
    }
    return m;
  }
}
