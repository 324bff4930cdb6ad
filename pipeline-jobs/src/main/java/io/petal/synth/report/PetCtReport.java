package io.petal.synth.report;

import io.petal.synth.CtCorrelate;
import io.petal.synth.LesionDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The free-text report of a synthetic FDG PET/CT study, in English or Chinese: each lesion's site
 * ({@link PetCtSiteNames}), its FDG avidity (intense from SUVmax {@value #INTENSE_SUV}, moderate
 * from {@value #MODERATE_SUV}, else mild), often its size (the diameter of the sphere of its
 * volume) and SUVmax, and its CT appearance; physiological uptake; an impression (metastatic
 * disease from three lesions). Lesions, sizes and SUVmax are sometimes left out and phrasing
 * varies ({@link ReportNoise}).
 */
public final class PetCtReport {
  static final double INTENSE_SUV = 8;
  static final double MODERATE_SUV = 4;
  /** How often a lesion's SUVmax goes unmentioned. */
  static final double OMIT_SUV = 0.3;

  private PetCtReport() {}

  /** The report of a study with {@code lesions} (empty for a normal study). */
  public static String write(List<LesionDescriptor> lesions, ReportLanguage language, SplittableRandom rng) {
    ReportNoise noise = new ReportNoise(rng, language);
    List<LesionDescriptor> kept = noise.kept(lesions);
    return language == ReportLanguage.CHINESE ? chinese(kept, noise) : english(kept, noise);
  }

  private static String english(List<LesionDescriptor> lesions, ReportNoise noise) {
    List<String> s = new ArrayList<>();
    s.add(noise.pick("FDG PET/CT, skull base to mid-thigh.", "Whole-body 18F-FDG PET/CT.", "PET-CT (FDG), vertex to thighs."));
    s.add("FINDINGS:");
    for (LesionDescriptor l : lesions) {
      String size = noise.size(2 * l.equivalentRadiusMm());
      String suv = noise.chance(OMIT_SUV) ? null : suvMax(l.suvMax());
      String details = size == null && suv == null ? "" : " (" + (size == null ? "" : "about " + size)
          + (size != null && suv != null ? ", " : "") + (suv == null ? "" : "SUVmax " + suv) + ")";
      s.add(capitalise(avidityEnglish(l.suvMax())) + " FDG-avid " + nounEnglish(l.ctCorrelate()) + " in "
          + PetCtSiteNames.of(l, ReportLanguage.ENGLISH) + details + ".");
    }
    if (lesions.isEmpty()) {
      s.add(noise.pick("No abnormal FDG uptake.", "No hypermetabolic lesion identified."));
    }
    s.add(noise.pick("Physiological uptake in the brain, myocardium and urinary tract.",
        "Normal physiological tracer distribution otherwise."));
    s.add("IMPRESSION: " + (lesions.isEmpty() ? noise.pick("No evidence of FDG-avid malignancy.",
        "Unremarkable PET/CT.") : lesions.size() >= 3 ? "Multiple FDG-avid lesions, consistent with metastatic disease."
        : noise.pick("FDG-avid lesion suspicious for malignancy.", "Findings concerning for malignancy; histology advised.")));
    return String.join(" ", s);
  }

  private static String chinese(List<LesionDescriptor> lesions, ReportNoise noise) {
    StringBuilder s = new StringBuilder(noise.pick("18F-FDG PET/CT全身显像:", "PET/CT检查示:"));
    for (LesionDescriptor l : lesions) {
      String size = noise.size(2 * l.equivalentRadiusMm());
      String suv = noise.chance(OMIT_SUV) ? null : suvMax(l.suvMax());
      s.append(PetCtSiteNames.of(l, ReportLanguage.CHINESE)).append("见").append(nounChinese(l.ctCorrelate()))
          .append(",").append(avidityChinese(l.suvMax())).append(size == null ? "" : ",大小约" + size)
          .append(suv == null ? "" : ",SUVmax约" + suv).append("。");
    }
    if (lesions.isEmpty()) {
      s.append(noise.pick("全身未见明显异常FDG高代谢灶。", "未见异常放射性浓聚。"));
    }
    s.append(noise.pick("脑、心肌及泌尿系统生理性摄取。", "余部位放射性分布未见明显异常。"));
    s.append("印象:").append(lesions.isEmpty() ? "全身PET/CT未见明显恶性病变征象。"
        : lesions.size() >= 3 ? "多发FDG高代谢灶,考虑转移。" : noise.pick("FDG高代谢灶,考虑恶性可能。", "恶性病变可能,建议病理检查。"));
    return s.toString();
  }

  private static String suvMax(double suv) {
    return String.format(Locale.ROOT, "%.1f", suv);
  }

  private static String avidityEnglish(double suvMax) {
    return suvMax >= INTENSE_SUV ? "intensely" : suvMax >= MODERATE_SUV ? "moderately" : "mildly";
  }

  private static String avidityChinese(double suvMax) {
    return suvMax >= INTENSE_SUV ? "FDG摄取明显增高" : suvMax >= MODERATE_SUV ? "FDG摄取增高" : "FDG摄取轻度增高";
  }

  private static String nounEnglish(CtCorrelate ct) {
    return switch (ct) {
      case SOFT_TISSUE_NODULE -> "soft-tissue nodule";
      case HYPODENSE -> "hypodense lesion";
      case ENLARGED_NODE -> "enlarged node";
      case LYTIC -> "lytic lesion";
      case SCLEROTIC -> "sclerotic lesion";
    };
  }

  private static String nounChinese(CtCorrelate ct) {
    return switch (ct) {
      case SOFT_TISSUE_NODULE -> "软组织结节";
      case HYPODENSE -> "低密度灶";
      case ENLARGED_NODE -> "肿大淋巴结";
      case LYTIC -> "溶骨性骨质破坏";
      case SCLEROTIC -> "成骨性病灶";
    };
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
