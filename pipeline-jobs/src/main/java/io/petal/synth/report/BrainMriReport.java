package io.petal.synth.report;

import io.petal.synth.brain.BrainLobe;
import io.petal.synth.brain.BrainTumourFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The free-text report of a synthetic brain MRI study, in English or Chinese: for a tumour its
 * side and lobe, size, enhancement pattern (ring enhancement with necrosis for a high-grade one,
 * none for a low-grade one) and oedema, then an impression; for a normal study a normal report,
 * sometimes with a nonspecific incidental remark. Phrasing varies and the size or oedema are
 * sometimes left out ({@link ReportNoise}); the tumour itself is left out rarely.
 */
public final class BrainMriReport {
  /** How often the side is abbreviated ("L frontal lobe"). */
  static final double ABBREVIATE_SIDE = 0.2;
  /** How often the oedema goes unmentioned. */
  static final double OMIT_OEDEMA = 0.25;
  /** How often a normal report adds nonspecific white matter spots. */
  static final double INCIDENTAL_REMARK = 0.2;

  private BrainMriReport() {}

  /** The report of a study with {@code tumour} (null for a normal study). */
  public static String write(BrainTumourFinding tumour, ReportLanguage language, SplittableRandom rng) {
    ReportNoise noise = new ReportNoise(rng, language);
    List<BrainTumourFinding> kept = tumour == null ? List.of() : noise.kept(List.of(tumour));
    boolean chinese = language == ReportLanguage.CHINESE;
    List<String> parts = new ArrayList<>();
    parts.add(chinese ? noise.pick("颅脑MRI平扫+增强。", "头颅MR平扫及增强扫描:") : noise.pick(
        "MRI brain without and with contrast.", "MR head, pre- and post-gadolinium.", "Brain MRI (T1, T1+C, T2, FLAIR)."));
    if (kept.isEmpty()) {
      parts.add(chinese ? normalChinese(noise, tumour != null) : normalEnglish(noise, tumour != null));
    } else {
      parts.add(chinese ? tumourChinese(kept.get(0), noise) : tumourEnglish(kept.get(0), noise));
    }
    return String.join(chinese ? "" : " ", parts);
  }

  /** Side and lobe as a report names them ("left frontal lobe", "左侧额叶"). */
  public static String site(BrainTumourFinding t, ReportLanguage language) {
    if (language == ReportLanguage.CHINESE) {
      return (t.leftHemisphere() ? "左侧" : "右侧") + switch (t.lobe()) {
        case FRONTAL -> "额叶";
        case PARIETAL -> "顶叶";
        case TEMPORAL -> "颞叶";
        case OCCIPITAL -> "枕叶";
        case DEEP -> "基底节区";
      };
    }
    return (t.leftHemisphere() ? "left " : "right ") + lobeEnglish(t.lobe());
  }

  private static String lobeEnglish(BrainLobe lobe) {
    return switch (lobe) {
      case FRONTAL -> "frontal lobe";
      case PARIETAL -> "parietal lobe";
      case TEMPORAL -> "temporal lobe";
      case OCCIPITAL -> "occipital lobe";
      case DEEP -> "basal ganglia region";
    };
  }

  private static String tumourEnglish(BrainTumourFinding t, ReportNoise noise) {
    String site = site(t, ReportLanguage.ENGLISH);
    if (noise.chance(ABBREVIATE_SIDE)) {
      site = (t.leftHemisphere() ? "L " : "R ") + lobeEnglish(t.lobe());
    }
    String size = noise.size2d(t.coreDiameterMm(), t.coreWidthMm());
    String measuring = size == null ? "" : noise.pick(" measuring " + size, " (" + size + ")",
        " measuring approximately " + size);
    String oedema = t.oedemaExtentMm() < 2 || noise.chance(OMIT_OEDEMA) ? "" : noise.pick(
        ", with surrounding T2/FLAIR hyperintense vasogenic oedema",
        ", with extensive perilesional oedema extending about " + Math.round(t.oedemaExtentMm()) + " mm",
        "; surrounding FLAIR signal abnormality in keeping with oedema");
    if (t.highGrade()) {
      return noise.pick(
          "FINDINGS: There is a heterogeneously enhancing intra-axial mass in the " + site + measuring
              + ", with central necrosis" + oedema + ". IMPRESSION: Findings suspicious for high-grade glioma.",
          "FINDINGS: Ring-enhancing lesion in the " + site + measuring + " with a non-enhancing necrotic centre"
              + oedema + ". Mass effect on the adjacent sulci. IMPRESSION: Likely glioblastoma.",
          "Rim-enhancing mass, " + site + measuring + ", central necrosis" + oedema
              + ". Impression: high-grade glial neoplasm; neurosurgical referral advised.");
    }
    return noise.pick(
        "FINDINGS: There is a non-enhancing T2/FLAIR hyperintense mass in the " + site + measuring + oedema
            + ". No enhancement after contrast. IMPRESSION: Likely low-grade glioma.",
        "Expansile T2 hyperintense lesion in the " + site + measuring + ", without contrast enhancement" + oedema
            + ". Impression: low-grade glioma favoured.");
  }

  private static String tumourChinese(BrainTumourFinding t, ReportNoise noise) {
    String site = site(t, ReportLanguage.CHINESE);
    String size = noise.size2d(t.coreDiameterMm(), t.coreWidthMm());
    String measuring = size == null ? "" : noise.pick(",大小约" + size, ",范围约" + size);
    String oedema = t.oedemaExtentMm() < 2 || noise.chance(OMIT_OEDEMA) ? "" : noise.pick(
        ",周围见大片水肿带(T2/FLAIR高信号)", ",瘤周水肿明显");
    if (t.highGrade()) {
      return noise.pick(
          site + "见不规则团块影" + measuring + ",增强扫描呈明显环形强化,中心见坏死" + oedema
              + "。诊断:" + site + "占位,考虑高级别胶质瘤。",
          site + "可见囊实性占位" + measuring + ",增强后边缘明显强化,内见无强化坏死区" + oedema
              + "。印象:考虑胶质母细胞瘤可能。");
    }
    return noise.pick(
        site + "见T2/FLAIR高信号占位" + measuring + oedema + ",增强扫描未见明显强化。诊断:考虑低级别胶质瘤。",
        site + "见片状长T2信号影" + measuring + ",增强后无强化" + oedema + "。印象:低级别胶质瘤可能。");
  }

  private static String normalEnglish(ReportNoise noise, boolean missedTumour) {
    String incidental = !missedTumour && noise.chance(INCIDENTAL_REMARK)
        ? " A few punctate nonspecific white matter T2 hyperintensities." : "";
    return noise.pick(
        "FINDINGS: No intracranial mass, haemorrhage or abnormal enhancement. Ventricles and sulci are normal for age."
            + incidental + " IMPRESSION: Normal MRI of the brain.",
        "No mass lesion or abnormal enhancement." + incidental + " Unremarkable study.",
        "FINDINGS: Normal grey-white matter differentiation. No midline shift." + incidental
            + " IMPRESSION: No acute intracranial abnormality.");
  }

  private static String normalChinese(ReportNoise noise, boolean missedTumour) {
    String incidental = !missedTumour && noise.chance(INCIDENTAL_REMARK) ? "双侧脑白质见少许点状T2高信号,考虑非特异性改变。" : "";
    return noise.pick(
        "颅内未见明确占位及异常强化,脑室系统及脑沟未见异常。" + incidental + "印象:颅脑MRI未见明显异常。",
        "脑实质信号未见异常,增强扫描未见异常强化。" + incidental + "诊断:未见明显异常。");
  }
}
