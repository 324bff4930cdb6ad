package io.petal.synth;

/**
 * The generator's fine tissue classes, painted into the tissue map before intensities are
 * assigned; each belongs to one {@link Organ}. The tissue code is the ordinal (internal only; the
 * published label is the organ code).
 */
enum Tissue {
  AIR(Organ.BACKGROUND),
  FAT(Organ.FAT),
  MUSCLE(Organ.MUSCLE),
  SPINAL_CORD(Organ.MUSCLE),
  LUNG(Organ.LUNG),
  PULMONARY_VESSEL(Organ.LUNG),
  AIRWAY(Organ.AIRWAY),
  MYOCARDIUM(Organ.MYOCARDIUM),
  BLOOD(Organ.BLOOD_POOL),
  LIVER(Organ.LIVER),
  HEPATIC_VESSEL(Organ.LIVER),
  SPLEEN(Organ.SPLEEN),
  KIDNEY(Organ.KIDNEY),
  RENAL_URINE(Organ.KIDNEY),
  URETER_URINE(Organ.URETER),
  BLADDER_URINE(Organ.BLADDER),
  BRAIN_GREY(Organ.BRAIN),
  BRAIN_WHITE(Organ.BRAIN),
  CSF(Organ.BRAIN),
  BONE_CORTEX(Organ.BONE_CORTEX),
  BONE_MARROW(Organ.BONE_MARROW),
  BOWEL_WALL(Organ.BOWEL),
  BOWEL_CONTENT(Organ.BOWEL),
  BOWEL_GAS(Organ.BOWEL),
  BROWN_FAT(Organ.BROWN_FAT),
  LYMPH_NODE(Organ.LYMPH_NODE);

  private static final Tissue[] BY_CODE = values();

  private final Organ organ;

  Tissue(Organ organ) {
    this.organ = organ;
  }

  Organ organ() {
    return organ;
  }

  byte code() {
    return (byte) ordinal();
  }

  static Tissue of(byte code) {
    return BY_CODE[code];
  }

  /** A lookup table over tissue codes that is true for {@code members}. */
  static boolean[] maskOf(Tissue... members) {
    boolean[] m = new boolean[BY_CODE.length];
    for (Tissue t : members) {
      m[t.ordinal()] = true;
    }
    return m;
  }
}
