package io.petal.synth.report;

import io.petal.synth.LesionDescriptor;
import io.petal.synth.LesionSite;
import java.util.Map;

/**
 * How reports name where a synthetic PET/CT lesion is ({@link LesionDescriptor#region()}: "left
 * lung", "liver", a node station such as "axillary left", a bone such as "right proximal femur"),
 * in English ("the left axillary lymph nodes") and Chinese ("左侧腋窝淋巴结"). A region this class
 * does not know is written as it is.
 */
public final class PetCtSiteNames {
  private static final Map<String, String> CHINESE = Map.ofEntries(
      Map.entry("lung", "肺"), Map.entry("liver", "肝脏"), Map.entry("cervical", "颈部"), Map.entry("axillary", "腋窝"),
      Map.entry("mediastinal", "纵隔"), Map.entry("hilar", "肺门"), Map.entry("para-aortic", "腹主动脉旁"),
      Map.entry("iliac", "髂血管旁"), Map.entry("skull", "颅骨"), Map.entry("spine", "脊柱"), Map.entry("sacrum", "骶骨"),
      Map.entry("pelvis", "骨盆"), Map.entry("proximal femur", "股骨近端"), Map.entry("shoulder girdle", "肩胛带"),
      Map.entry("rib", "肋骨"));

  private PetCtSiteNames() {}

  /** The lesion's place in {@code language}. */
  public static String of(LesionDescriptor lesion, ReportLanguage language) {
    Sided r = Sided.parse(lesion.region());
    boolean node = lesion.site() == LesionSite.LYMPH_NODE;
    if (language == ReportLanguage.CHINESE) {
      String base = CHINESE.getOrDefault(r.base(), r.base());
      String side = r.side() == null ? "" : r.side().equals("left") ? "左侧" : "右侧";
      return side + base + (node ? "淋巴结" : "");
    }
    return "the " + (r.side() == null ? "" : r.side() + " ") + r.base() + (node ? " lymph nodes" : "");
  }

  /** A region split into its side ("left", "right" or null) and the rest. */
  private record Sided(String side, String base) {
    static Sided parse(String region) {
      for (String side : new String[] {"left", "right"}) {
        if (region.startsWith(side + " ")) {
          return new Sided(side, region.substring(side.length() + 1));
        }
        if (region.endsWith(" " + side)) {
          return new Sided(side, region.substring(0, region.length() - side.length() - 1));
        }
      }
      return new Sided(null, region);
    }
  }
}
