package io.petal.synth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.synth.Vec3;
import io.petal.synth.bone.Bone;
import io.petal.synth.bone.BoneLesionFinding;
import io.petal.synth.bone.IncidentalFinding;
import io.petal.synth.bone.SkeletalSite;
import io.petal.synth.brain.BrainLobe;
import io.petal.synth.brain.BrainTumourFinding;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Synthetic reports: a fixed share in Chinese whatever the cohort size, the lesion's site named in
 * most abnormal reports (in the report's language), imperfections that real reports have (a
 * lesion or a size left out), normal reports that name no lesion, and determinism.
 */
class SyntheticReportsTest {
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final int REPORTS = 400;

  private static final BrainTumourFinding GLIOMA = new BrainTumourFinding(true, BrainLobe.FRONTAL, true, 34, 28, 12,
      new Vec3(30, -40, 10), 500, 4000, 900);
  private static final List<BoneLesionFinding> METASTASES = List.of(
      new BoneLesionFinding(new SkeletalSite(Bone.THORACIC_VERTEBRA, SkeletalSite.Side.MIDLINE, 7,
          SkeletalSite.Part.WHOLE), 15, 3.1, 0, -500, 12),
      new BoneLesionFinding(new SkeletalSite(Bone.RIB, SkeletalSite.Side.RIGHT, 5, SkeletalSite.Part.POSTERIOR), 10,
          1.8, -90, -480, 6),
      new BoneLesionFinding(new SkeletalSite(Bone.ILIUM, SkeletalSite.Side.LEFT, 0, SkeletalSite.Part.WHOLE), 22,
          4.0, 80, -760, 20));

  @Test
  void aFixedShareOfTheCohortIsChinese() {
    for (long seed : new long[] {1, 2, 3}) {
      for (int n : new int[] {4, 10, 37}) {
        long chinese = java.util.stream.IntStream.range(0, n)
            .filter(i -> ReportLanguage.forPatient(seed, i, 0.25) == ReportLanguage.CHINESE).count();
        assertTrue(chinese == Math.floor(n * 0.25) || chinese == Math.ceil(n * 0.25), n + " patients: " + chinese);
      }
    }
    assertEquals(ReportLanguage.forPatient(5, 3, 0.25), ReportLanguage.forPatient(5, 3, 0.25));
  }

  @Test
  void brainReportsNameTheTumourSiteMostOfTheTime() {
    for (ReportLanguage language : ReportLanguage.values()) {
      String site = BrainMriReport.site(GLIOMA, language);
      String abbreviated = "L frontal lobe";
      int named = 0;
      int withSize = 0;
      for (int r = 0; r < REPORTS; r++) {
        String text = BrainMriReport.write(GLIOMA, language, new SplittableRandom(r));
        named += text.contains(site) || text.contains(abbreviated) ? 1 : 0;
        withSize += text.matches("(?s).*\\d+ ?mm.*") ? 1 : 0;
        assertEquals(language == ReportLanguage.CHINESE, CJK.matcher(text).find(), text);
      }
      assertTrue(named > 0.9 * REPORTS && named < REPORTS, language + ": site named in " + named + " reports");
      assertTrue(withSize > 0.5 * REPORTS && withSize < 0.9 * REPORTS, language + ": size given in " + withSize);
    }
  }

  @Test
  void boneReportsNameMostMetastasesAndSometimesLeaveOneOut() {
    for (ReportLanguage language : ReportLanguage.values()) {
      int named = 0;
      int complete = 0;
      for (int r = 0; r < REPORTS; r++) {
        String text = BoneScanReport.write(METASTASES, List.of(), language, new SplittableRandom(r));
        int here = 0;
        for (BoneLesionFinding l : METASTASES) {
          here += text.contains(BoneSiteNames.of(l.site(), language)) ? 1 : 0;
        }
        named += here > 0 ? 1 : 0;
        complete += here == METASTASES.size() ? 1 : 0;
      }
      assertTrue(named > 0.95 * REPORTS, language + ": a site named in " + named + " reports");
      assertTrue(complete > 0.5 * REPORTS && complete < 0.9 * REPORTS, language + ": all named in " + complete);
    }
    String chinese = BoneScanReport.write(METASTASES.subList(0, 1), List.of(), ReportLanguage.CHINESE,
        new SplittableRandom(1));
    assertTrue(chinese.contains("T7椎体"), chinese);
  }

  @Test
  void normalReportsNameNoLesionButMayMentionBenignUptake() {
    List<IncidentalFinding> knee = List.of(new IncidentalFinding(IncidentalFinding.Kind.DEGENERATIVE_KNEE,
        SkeletalSite.Side.RIGHT));
    for (int r = 0; r < 50; r++) {
      String bone = BoneScanReport.write(List.of(), knee, ReportLanguage.ENGLISH, new SplittableRandom(r));
      assertTrue(bone.contains("right knee, likely degenerative"), bone);
      assertTrue(bone.contains("IMPRESSION: Normal bone scan.")
          || bone.contains("IMPRESSION: No scintigraphic evidence of osseous metastases."), bone);
      assertFalse(Pattern.compile("\\b(vertebra|rib|ilium|sacrum)\\b").matcher(bone).find(), bone);
      String brain = BrainMriReport.write(null, ReportLanguage.ENGLISH, new SplittableRandom(r));
      assertFalse(brain.contains("lobe") || brain.contains("mm"), brain);
    }
  }

  @Test
  void theSameStreamGivesTheSameReport() {
    assertEquals(BoneScanReport.write(METASTASES, List.of(), ReportLanguage.ENGLISH, ReportSeeds.stream(7, 2)),
        BoneScanReport.write(METASTASES, List.of(), ReportLanguage.ENGLISH, ReportSeeds.stream(7, 2)));
    assertEquals(BrainMriReport.write(GLIOMA, ReportLanguage.CHINESE, ReportSeeds.stream(7, 2)),
        BrainMriReport.write(GLIOMA, ReportLanguage.CHINESE, ReportSeeds.stream(7, 2)));
  }
}
