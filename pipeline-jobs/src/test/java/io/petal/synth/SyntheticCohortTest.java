package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the synthetic cohort a user relies on, checked on the small test grid: organs
 * with their documented uptake and density, physiology that varies between patients, lesions
 * that match their SEG and descriptors, stay in their organ, avoid vessels, are hot, follow their
 * size level, and determinism.
 */
class SyntheticCohortTest {
  private static final long SEED = 20240611L;
  private static final int PATIENTS = 4;
  private static final SynthConfig CFG = SynthConfig.small();
  /** PSF blur, partial volume and noise move an organ's median SUV by at most this fraction. */
  private static final double SUV_TOLERANCE = 0.25;
  /** Noise and partial volume move an organ's median HU by at most this (HU). */
  private static final double HU_TOLERANCE = 15;

  private static final List<SyntheticStudy> NORMAL = new ArrayList<>();
  private static final List<SyntheticStudy> ABNORMAL = new ArrayList<>();

  @BeforeAll
  static void generate() {
    for (int i = 0; i < PATIENTS; i++) {
      NORMAL.add(SyntheticCohort.patient(SEED, i, false, CFG));
      ABNORMAL.add(SyntheticCohort.patient(SEED, i, true, CFG));
    }
  }

  @Test
  void everyVolumeLiesOnTheConfiguredGridWithValidValues() {
    ImageGrid grid = CFG.grid();
    for (SyntheticStudy s : concat()) {
      for (Volume v : List.of(s.suv(), s.ct(), s.seg(), s.organs())) {
        assertTrue(v.grid().sameGeometry(grid, 1e-9), s.studyId());
      }
      for (float x : s.suv().data()) {
        assertTrue(x >= 0 && Float.isFinite(x), "SUV must be finite and >= 0");
      }
      for (float x : s.seg().data()) {
        assertTrue(x == 0f || x == 1f, "SEG must be 0/1");
      }
      Set<Organ> present = EnumSet.noneOf(Organ.class);
      for (float x : s.organs().data()) {
        present.add(Organ.fromCode((int) x));
      }
      Set<Organ> required = EnumSet.complementOf(EnumSet.of(Organ.BROWN_FAT));
      assertTrue(present.containsAll(required), s.studyId() + " lacks organs: " + required);
    }
  }

  @Test
  void normalStudiesHaveNoLesionAndAnEmptySeg() {
    for (SyntheticStudy s : NORMAL) {
      assertTrue(s.lesions().isEmpty());
      assertEquals(0, count(s.seg().data()), s.studyId());
    }
  }

  @Test
  void abnormalStudiesHaveOneToMaxLesions() {
    for (SyntheticStudy s : ABNORMAL) {
      int n = s.lesions().size();
      assertTrue(n >= 1 && n <= CFG.maxLesions(), s.studyId() + " has " + n + " lesions");
    }
  }

  @Test
  void organMediansLieInTheDocumentedRanges() {
    Range brainSuv = new Range(Physiology.BRAIN_GREY_SUV.lo() * Physiology.WHITE_TO_GREY_RATIO.lo(),
        Physiology.BRAIN_GREY_SUV.hi());
    Range brainHu = new Range(Physiology.BRAIN_WHITE_HU.lo(), Physiology.BRAIN_GREY_HU.hi());
    Range kidneyHu = new Range(Physiology.URINE_HU.lo(), Physiology.KIDNEY_HU.hi());
    Object[][] table = {
      {Organ.FAT, Physiology.FAT_SUV, Physiology.FAT_HU},
      {Organ.MUSCLE, Physiology.MUSCLE_SUV, Physiology.MUSCLE_HU},
      {Organ.LUNG, Physiology.LUNG_SUV, Physiology.LUNG_HU},
      {Organ.BLOOD_POOL, Physiology.BLOOD_SUV, Physiology.BLOOD_HU},
      {Organ.LIVER, Physiology.LIVER_SUV, Physiology.LIVER_HU},
      {Organ.SPLEEN, Physiology.SPLEEN_SUV, Physiology.SPLEEN_HU},
      {Organ.BLADDER, Physiology.BLADDER_SUV, Physiology.URINE_HU},
      {Organ.BONE_MARROW, Physiology.MARROW_SUV, Physiology.MARROW_HU},
      {Organ.BRAIN, brainSuv, brainHu},
      {Organ.BONE_CORTEX, null, Physiology.CORTICAL_BONE_HU},
      {Organ.MYOCARDIUM, null, Physiology.MYOCARDIUM_HU},
      {Organ.KIDNEY, null, kidneyHu},
    };
    for (SyntheticStudy s : NORMAL) {
      for (Object[] row : table) {
        Organ organ = (Organ) row[0];
        if (row[1] != null) {
          double suv = median(s.suv().data(), s.organs().data(), organ);
          Range ok = ((Range) row[1]).widenedBy(SUV_TOLERANCE);
          assertTrue(ok.contains(suv), s.studyId() + " " + organ + " median SUV " + suv
              + " outside " + ok);
        }
        double hu = median(s.ct().data(), s.organs().data(), organ);
        Range ok = ((Range) row[2]).widenedByMargin(HU_TOLERANCE);
        assertTrue(ok.contains(hu), s.studyId() + " " + organ + " median HU " + hu + " outside "
            + ok);
      }
    }
  }

  @Test
  void physiologicalUptakeVariesBetweenPatients() {
    for (Organ organ : List.of(Organ.BRAIN, Organ.MYOCARDIUM, Organ.BLADDER)) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = 0;
      for (SyntheticStudy s : NORMAL) {
        double m = median(s.suv().data(), s.organs().data(), organ);
        lo = Math.min(lo, m);
        hi = Math.max(hi, m);
      }
      assertTrue(hi / lo > 1.2, organ + " median SUV hardly varies: " + lo + " .. " + hi);
    }
  }

  @Test
  void aPlainSuvThresholdIsNotAGoodLesionDetector() {
    for (SyntheticStudy s : ABNORMAL) {
      float[] suv = s.suv().data();
      float[] seg = s.seg().data();
      int above = 0;
      int lesionAbove = 0;
      for (int n = 0; n < suv.length; n++) {
        if (suv[n] > 2.5f) {
          above++;
          if (seg[n] > 0) {
            lesionAbove++;
          }
        }
      }
      double precision = (double) lesionAbove / above;
      assertTrue(precision < 0.25, s.studyId() + ": SUV > 2.5 has precision " + precision);
    }
  }

  @Test
  void segComponentsMatchTheLesionDescriptors() {
    for (SyntheticStudy s : ABNORMAL) {
      ImageGrid g = s.seg().grid();
      int[] comp = VolumeTestKit.components26(s.seg().data(), g);
      int components = Arrays.stream(comp).max().orElse(0);
      assertEquals(s.lesions().size(), components, s.studyId() + " SEG components");
      int total = 0;
      for (LesionDescriptor d : s.lesions()) {
        int centroid = VolumeTestKit.nearestVoxel(g, d.centroidLps());
        assertTrue(comp[centroid] > 0, s.studyId() + " lesion " + d.label()
            + " centroid is outside its SEG");
        int size = 0;
        for (int c : comp) {
          if (c == comp[centroid]) {
            size++;
          }
        }
        assertEquals(d.voxelCount(), size, s.studyId() + " lesion " + d.label() + " voxels");
        assertEquals(d.voxelCount() * g.voxelVolumeMl(), d.volumeMl(), 1e-9);
        assertTrue(d.voxelCount() >= LesionSynthesizer.MIN_LESION_VOXELS);
        total += d.voxelCount();
      }
      assertEquals(count(s.seg().data()), total, s.studyId() + " SEG voxels");
    }
  }

  @Test
  void lesionsLieInsideTheirOrgan() {
    for (SyntheticStudy s : ABNORMAL) {
      ImageGrid g = s.seg().grid();
      int[] comp = VolumeTestKit.components26(s.seg().data(), g);
      for (LesionDescriptor d : s.lesions()) {
        int id = comp[VolumeTestKit.nearestVoxel(g, d.centroidLps())];
        Set<Organ> allowed = switch (d.site()) {
          case LUNG -> EnumSet.of(Organ.LUNG);
          case LIVER -> EnumSet.of(Organ.LIVER);
          case LYMPH_NODE -> EnumSet.of(Organ.LYMPH_NODE);
          case BONE -> EnumSet.of(Organ.BONE_MARROW, Organ.BONE_CORTEX);
        };
        for (int n = 0; n < comp.length; n++) {
          if (comp[n] == id) {
            Organ o = Organ.fromCode((int) s.organs().data()[n]);
            assertTrue(allowed.contains(o), s.studyId() + " " + d.site() + " lesion " + d.label()
                + " covers " + o);
          }
        }
      }
    }
  }

  @Test
  void lesionsAreHotterThanTheirSurroundings() {
    for (SyntheticStudy s : ABNORMAL) {
      ImageGrid g = s.seg().grid();
      int[] comp = VolumeTestKit.components26(s.seg().data(), g);
      float[] suv = s.suv().data();
      for (LesionDescriptor d : s.lesions()) {
        int id = comp[VolumeTestKit.nearestVoxel(g, d.centroidLps())];
        boolean[] lesion = new boolean[comp.length];
        for (int n = 0; n < comp.length; n++) {
          lesion[n] = comp[n] == id;
        }
        boolean[] shell = VolumeTestKit.shell(lesion, g, 2);
        double inside = VolumeTestKit.mean(suv, lesion);
        double around = VolumeTestKit.mean(suv, shell);
        assertTrue(inside > 1.2 * around, s.studyId() + " " + d.site() + " lesion " + d.label()
            + ": mean SUV " + inside + " vs " + around + " around it");
        assertTrue(d.suvMax() >= d.suvPeak() && d.suvPeak() >= inside * 0.999,
            "SUVmax >= SUVpeak >= SUVmean");
      }
    }
  }

  @Test
  void lesionSizesFollowTheirLevel() {
    double rMin = LesionSynthesizer.minimumRadiusMm(CFG.grid());
    int levelsSeen = 0;
    Set<SizeLevel> seen = EnumSet.noneOf(SizeLevel.class);
    for (SyntheticStudy s : ABNORMAL) {
      for (LesionDescriptor d : s.lesions()) {
        double lo = Math.max(d.level().minRadiusMm(), rMin);
        double hi = Math.max(d.level().maxRadiusMm(), rMin);
        assertTrue(d.radiusMm() >= lo - 1e-9 && d.radiusMm() <= hi + 1e-9,
            d.level() + " radius " + d.radiusMm());
        double req = d.equivalentRadiusMm();
        assertTrue(req >= 0.6 * lo && req <= 1.35 * hi, s.studyId() + " " + d.level()
            + " lesion " + d.label() + " has equivalent radius " + req + " mm");
        seen.add(d.level());
      }
    }
    assertTrue(seen.size() >= 3, "too few size levels in the sample: " + seen);
  }

  @Test
  void noVesselVoxelLiesInsideALesion() {
    for (int i = 0; i < PATIENTS; i++) {
      SyntheticStudy twin = NORMAL.get(i);
      SyntheticStudy sick = ABNORMAL.get(i);
      boolean[] vessels = VesselMask.compute(twin.ct(), twin.organs());
      float[] seg = sick.seg().data();
      float[] organs = sick.organs().data();
      for (int n = 0; n < seg.length; n++) {
        if (seg[n] > 0) {
          assertFalse(vessels[n], sick.studyId() + ": vessel voxel " + n + " inside a lesion");
          assertTrue(organs[n] != Organ.BLOOD_POOL.code(), "blood pool inside a lesion");
        }
      }
    }
  }

  @Test
  void theNormalTwinDiffersOnlyAroundTheLesions() {
    for (int i = 0; i < PATIENTS; i++) {
      SyntheticStudy twin = NORMAL.get(i);
      SyntheticStudy sick = ABNORMAL.get(i);
      ImageGrid g = twin.ct().grid();
      float[] a = twin.ct().data();
      float[] b = sick.ct().data();
      int differing = 0;
      for (int n = 0; n < a.length; n++) {
        if (a[n] != b[n]) {
          differing++;
          double[] p = g.affine().apply(n % g.nx(), (n / g.nx()) % g.ny(), n / g.sliceSize());
          Vec3 at = new Vec3(p[0], p[1], p[2]);
          boolean near = sick.lesions().stream().anyMatch(d ->
              at.minus(d.centroidLps()).norm() <= 3.5 * d.radiusMm() + 3 * 8.0);
          assertTrue(near, sick.studyId() + ": CT differs from its normal twin far from lesions");
        }
      }
      assertTrue(differing > 0, "lesions must change the CT");
    }
  }

  @Test
  void theSameSeedAndIndexGiveByteIdenticalStudies() {
    SyntheticStudy again = SyntheticCohort.patient(SEED, 2, true, CFG);
    SyntheticStudy first = ABNORMAL.get(2);
    assertArrayEquals(first.suv().data(), again.suv().data());
    assertArrayEquals(first.ct().data(), again.ct().data());
    assertArrayEquals(first.seg().data(), again.seg().data());
    assertArrayEquals(first.organs().data(), again.organs().data());
    assertEquals(first.lesions(), again.lesions());
    assertEquals(first.studyId(), again.studyId());
  }

  @Test
  void anotherSeedOrIndexGivesAnotherPatient() {
    SyntheticStudy other = SyntheticCohort.patient(SEED + 1, 2, true, CFG);
    assertFalse(Arrays.equals(ABNORMAL.get(2).suv().data(), other.suv().data()));
    assertFalse(Arrays.equals(ABNORMAL.get(2).organs().data(), other.organs().data()));
    assertFalse(Arrays.equals(NORMAL.get(1).ct().data(), NORMAL.get(2).ct().data()));
  }

  @Test
  void studyIdsNameSeedAndIndex() {
    assertEquals("synth-000000000134d8e3-0003", SyntheticCohort.studyId(SEED, 3));
    assertEquals(SyntheticCohort.studyId(SEED, 1), NORMAL.get(1).studyId());
  }

  @Test
  void aNegativeIndexIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyntheticCohort.patient(SEED, -1, false, CFG));
    assertTrue(e.getMessage().contains("-1"));
  }

  private static List<SyntheticStudy> concat() {
    List<SyntheticStudy> all = new ArrayList<>(NORMAL);
    all.addAll(ABNORMAL);
    return all;
  }

  private static int count(float[] mask) {
    int c = 0;
    for (float v : mask) {
      if (v > 0) {
        c++;
      }
    }
    return c;
  }

  private static double median(float[] values, float[] organs, Organ organ) {
    float[] sel = new float[values.length];
    int n = 0;
    for (int k = 0; k < values.length; k++) {
      if ((int) organs[k] == organ.code()) {
        sel[n++] = values[k];
      }
    }
    assertTrue(n > 0, organ + " is missing");
    float[] s = Arrays.copyOf(sel, n);
    Arrays.sort(s);
    return s[n / 2];
  }
}
