package io.petal.synth.report;

import io.petal.synth.bone.SkeletalSite;
import io.petal.synth.bone.SkeletalSite.Part;
import io.petal.synth.bone.SkeletalSite.Side;

/** How reports name a skeletal site, in English ("the right 5th rib (posterior)") and Chinese ("右侧第5后肋"). */
public final class BoneSiteNames {
  private BoneSiteNames() {}

  /** The site's name in {@code language}. */
  public static String of(SkeletalSite s, ReportLanguage language) {
    return language == ReportLanguage.CHINESE ? chinese(s) : english(s);
  }

  private static String english(SkeletalSite s) {
    String side = s.side() == Side.LEFT ? "left " : s.side() == Side.RIGHT ? "right " : "";
    return switch (s.bone()) {
      case SKULL -> "the skull";
      case CERVICAL_VERTEBRA -> "the C" + s.number() + " vertebra";
      case THORACIC_VERTEBRA -> "the T" + s.number() + " vertebra";
      case LUMBAR_VERTEBRA -> "the L" + s.number() + " vertebra";
      case SACRUM -> "the sacrum";
      case RIB -> "the " + side + ordinal(s.number()) + " rib (" + s.part().name().toLowerCase(java.util.Locale.ROOT)
          + ")";
      case STERNUM -> "the sternum";
      case CLAVICLE -> "the " + side + "clavicle";
      case SCAPULA -> "the " + side + "scapula";
      case HUMERUS -> "the " + side + (s.part() == Part.SHAFT ? "humeral shaft" : "proximal humerus");
      case ILIUM -> "the " + side + "ilium";
      case ISCHIUM -> "the " + side + "ischium";
      case PUBIS -> "the " + side + "pubic ramus";
      case ACETABULUM -> "the " + side + "acetabulum";
      case FEMUR -> "the " + side + (s.part() == Part.SHAFT ? "femoral shaft" : "proximal femur");
    };
  }

  private static String chinese(SkeletalSite s) {
    String side = s.side() == Side.LEFT ? "左侧" : s.side() == Side.RIGHT ? "右侧" : "";
    return switch (s.bone()) {
      case SKULL -> "颅骨";
      case CERVICAL_VERTEBRA -> "C" + s.number() + "椎体";
      case THORACIC_VERTEBRA -> "T" + s.number() + "椎体";
      case LUMBAR_VERTEBRA -> "L" + s.number() + "椎体";
      case SACRUM -> "骶骨";
      case RIB -> side + "第" + s.number() + switch (s.part()) {
        case POSTERIOR -> "后肋";
        case ANTERIOR -> "前肋";
        default -> "肋腋段";
      };
      case STERNUM -> "胸骨";
      case CLAVICLE -> side + "锁骨";
      case SCAPULA -> side + "肩胛骨";
      case HUMERUS -> side + (s.part() == Part.SHAFT ? "肱骨干" : "肱骨近端");
      case ILIUM -> side + "髂骨";
      case ISCHIUM -> side + "坐骨";
      case PUBIS -> side + "耻骨";
      case ACETABULUM -> side + "髋臼";
      case FEMUR -> side + (s.part() == Part.SHAFT ? "股骨干" : "股骨近端");
    };
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
