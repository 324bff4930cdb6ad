package io.petal.synth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.synth.CtCorrelate;
import io.petal.synth.LesionDescriptor;
import io.petal.synth.LesionSite;
import io.petal.synth.SizeLevel;
import io.petal.synth.Vec3;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PET/CT reports: sites, avidity, sizes and SUVmax consistent with the lesions, with omissions. */
class PetCtReportTest {
  private static final int REPORTS = 400;
  /** An intense 4 mL left axillary node, a mild right lung nodule, a moderate sclerotic sacral lesion. */
  private static final List<LesionDescriptor> LESIONS = List.of(
      lesion(1, LesionSite.LYMPH_NODE, "axillary left", CtCorrelate.ENLARGED_NODE, 4.0, 11.3),
      lesion(2, LesionSite.LUNG, "right lung", CtCorrelate.SOFT_TISSUE_NODULE, 1.0, 3.2),
      lesion(3, LesionSite.BONE, "sacrum", CtCorrelate.SCLEROTIC, 6.0, 5.6));

  private static LesionDescriptor lesion(int label, LesionSite site, String region, CtCorrelate ct, double ml,
      double suvMax) {
    return new LesionDescriptor(label, site, region, SizeLevel.values()[1], 10, ct, new Vec3(0, 0, 0), 1000, ml, suvMax,
        suvMax * 0.8, 0);
  }

  @Test
  void sitesAreNamedInTheReportsLanguage() {
    assertEquals("the left axillary lymph nodes", PetCtSiteNames.of(LESIONS.get(0), ReportLanguage.ENGLISH));
    assertEquals("左侧腋窝淋巴结", PetCtSiteNames.of(LESIONS.get(0), ReportLanguage.CHINESE));
    assertEquals("右侧肺", PetCtSiteNames.of(LESIONS.get(1), ReportLanguage.CHINESE));
    assertEquals("the sacrum", PetCtSiteNames.of(LESIONS.get(2), ReportLanguage.ENGLISH));
  }

  @Test
  void reportsNameMostLesionsWithTheirAvidityAndSometimesLeaveOneOut() {
    for (ReportLanguage language : ReportLanguage.values()) {
      int complete = 0;
      int withSuv = 0;
      for (int r = 0; r < REPORTS; r++) {
        String text = PetCtReport.write(LESIONS, language, new SplittableRandom(r));
        int named = 0;
        for (LesionDescriptor l : LESIONS) {
          named += text.contains(PetCtSiteNames.of(l, language)) ? 1 : 0;
        }
        complete += named == LESIONS.size() ? 1 : 0;
        withSuv += text.contains("11.3") ? 1 : 0;
        if (language == ReportLanguage.ENGLISH && text.contains("axillary")) {
          assertTrue(text.contains("Intensely FDG-avid enlarged node in the left axillary"), text);
        }
        if (language == ReportLanguage.ENGLISH && text.contains("right lung")) {
          assertTrue(text.contains("Mildly FDG-avid soft-tissue nodule"), text);
        }
      }
      assertTrue(complete > 0.5 * REPORTS && complete < 0.9 * REPORTS, language + ": all named in " + complete);
      assertTrue(withSuv > 0.4 * REPORTS && withSuv < 0.9 * REPORTS, language + ": SUVmax of node in " + withSuv);
    }
  }

  @Test
  void sizesAreTheDiameterOfTheLesionsVolumeWithinMeasurementError() {
    // 4 mL: a sphere of diameter 19.7 mm; reports say 17..23 mm
    for (int r = 0; r < 100; r++) {
      String text = PetCtReport.write(LESIONS.subList(0, 1), ReportLanguage.ENGLISH, new SplittableRandom(r));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("about (\\d+) mm").matcher(text);
      if (m.find()) {
        int mm = Integer.parseInt(m.group(1));
        assertTrue(mm >= 16 && mm <= 23, text);
      }
    }
  }

  @Test
  void normalReportsNameNoLesion() {
    for (int r = 0; r < 50; r++) {
      String english = PetCtReport.write(List.of(), ReportLanguage.ENGLISH, new SplittableRandom(r));
      assertFalse(english.contains("FDG-avid enlarged") || english.contains("SUVmax") || english.contains("mm"), english);
      String chinese = PetCtReport.write(List.of(), ReportLanguage.CHINESE, new SplittableRandom(r));
      assertFalse(chinese.contains("SUVmax") || chinese.contains("淋巴结"), chinese);
    }
  }
}
