package io.petal.synth.report;

import io.petal.synth.bone.BoneLesionFinding;
import io.petal.synth.bone.IncidentalFinding;
import io.petal.synth.bone.SkeletalSite.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The free-text report of a synthetic whole-body bone scan, in English or Chinese: the
 * metastases' sites with their intensity (intense from an uptake ratio of
 * {@value #INTENSE_RATIO}, moderate from {@value #MODERATE_RATIO}, else mild) and sometimes their
 * size, benign incidental uptake, the physiological renal and bladder activity, and an impression
 * (multiple metastases from three sites). Lesions and sizes are sometimes left out and phrasing
 * varies ({@link ReportNoise}).
 */
public final class BoneScanReport {
  static final double INTENSE_RATIO = 2.5;
  static final double MODERATE_RATIO = 1.6;
  /** How often several metastases are listed in one sentence, without intensity or size. */
  static final double LIST_STYLE = 0.4;

  private BoneScanReport() {}

  /** The report of a scan with {@code lesions} and {@code incidental} uptake. */
  public static String write(List<BoneLesionFinding> lesions, List<IncidentalFinding> incidental,
      ReportLanguage language, SplittableRandom rng) {
    ReportNoise noise = new ReportNoise(rng, language);
    List<BoneLesionFinding> kept = noise.kept(lesions);
    return language == ReportLanguage.CHINESE ? chinese(kept, incidental, noise) : english(kept, incidental, noise);
  }

  private static String english(List<BoneLesionFinding> lesions, List<IncidentalFinding> incidental,
      ReportNoise noise) {
    List<String> s = new ArrayList<>();
    s.add(noise.pick("Whole-body bone scintigraphy (Tc-99m MDP), anterior and posterior views.",
        "Tc-99m HDP whole-body bone scan.", "WB bone scan, ANT/POST."));
    s.add("FINDINGS:");
    if (lesions.isEmpty()) {
      s.add(noise.pick("Symmetric physiological tracer distribution throughout the skeleton.",
          "Normal skeletal uptake pattern."));
    } else if (lesions.size() >= 2 && noise.chance(LIST_STYLE)) {
      s.add("Foci of increased tracer uptake in " + joinEnglish(lesions.stream()
          .map(l -> BoneSiteNames.of(l.site(), ReportLanguage.ENGLISH)).toList()) + ".");
    } else {
      for (BoneLesionFinding l : lesions) {
        String size = noise.size(l.diameterMm());
        s.add(capitalise(intensityEnglish(l.uptakeRatio())) + " focal uptake in "
            + BoneSiteNames.of(l.site(), ReportLanguage.ENGLISH) + (size == null ? "" : " (about " + size + ")") + ".");
      }
    }
    for (IncidentalFinding f : incidental) {
      s.add(incidentalEnglish(f));
    }
    s.add(noise.pick("Physiological renal and bladder activity.", "Kidneys and bladder visualised."));
    s.add("IMPRESSION: " + (lesions.isEmpty() ? noise.pick("No scintigraphic evidence of osseous metastases.",
        "Normal bone scan.") : lesions.size() >= 3 ? "Multiple osseous metastases."
        : noise.pick("Findings suspicious for osseous metastasis; correlation with CT/MRI recommended.",
            "Likely bone metastasis.")));
    return String.join(" ", s);
  }

  private static String chinese(List<BoneLesionFinding> lesions, List<IncidentalFinding> incidental,
      ReportNoise noise) {
    StringBuilder s = new StringBuilder(noise.pick("全身骨显像(99mTc-MDP)前后位:", "全身骨扫描示:"));
    if (lesions.isEmpty()) {
      s.append(noise.pick("全身骨骼显影清晰,放射性分布对称均匀,未见明显异常浓聚或稀疏区。", "全身骨骼放射性分布未见明显异常。"));
    } else if (lesions.size() >= 2 && noise.chance(LIST_STYLE)) {
      s.append(lesions.stream().map(l -> BoneSiteNames.of(l.site(), ReportLanguage.CHINESE))
          .collect(Collectors.joining("、"))).append("见异常放射性浓聚灶。");
    } else {
      for (BoneLesionFinding l : lesions) {
        String size = noise.size(l.diameterMm());
        s.append(BoneSiteNames.of(l.site(), ReportLanguage.CHINESE)).append("见").append(intensityChinese(l.uptakeRatio()))
            .append("放射性浓聚灶").append(size == null ? "" : ",大小约" + size).append("。");
      }
    }
    for (IncidentalFinding f : incidental) {
      s.append(incidentalChinese(f));
    }
    s.append(noise.pick("双肾及膀胱显影。", "双肾显影,膀胱内放射性浓聚。"));
    s.append("印象:").append(lesions.isEmpty() ? "全身骨显像未见明显骨转移征象。"
        : lesions.size() >= 3 ? "考虑多发骨转移。" : noise.pick("考虑骨转移可能,建议结合CT/MRI检查。", "骨转移瘤可能。"));
    return s.toString();
  }

  private static String intensityEnglish(double ratio) {
    return ratio >= INTENSE_RATIO ? "intense" : ratio >= MODERATE_RATIO ? "moderate" : "mild";
  }

  private static String intensityChinese(double ratio) {
    return ratio >= INTENSE_RATIO ? "明显" : ratio >= MODERATE_RATIO ? "" : "轻度";
  }

  private static String incidentalEnglish(IncidentalFinding f) {
    String side = f.side() == Side.LEFT ? "left" : "right";
    return switch (f.kind()) {
      case DEGENERATIVE_KNEE -> "Mild uptake in the " + side + " knee, likely degenerative.";
      case DEGENERATIVE_SHOULDER -> "Mild uptake in the " + side + " shoulder, consistent with degenerative change.";
      case DEGENERATIVE_LUMBAR_SPINE -> "Mild uptake in the lower lumbar facet joints, likely degenerative.";
      case INJECTION_SITE -> "Tracer retention at the injection site in the " + side + " antecubital fossa.";
    };
  }

  private static String incidentalChinese(IncidentalFinding f) {
    String side = f.side() == Side.LEFT ? "左" : "右";
    return switch (f.kind()) {
      case DEGENERATIVE_KNEE -> side + "膝关节轻度放射性浓聚,考虑退行性变。";
      case DEGENERATIVE_SHOULDER -> side + "肩关节轻度放射性浓聚,考虑退行性改变。";
      case DEGENERATIVE_LUMBAR_SPINE -> "下腰椎小关节轻度浓聚,考虑退行性变。";
      case INJECTION_SITE -> side + "肘部注射点放射性滞留。";
    };
  }

  private static String joinEnglish(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
