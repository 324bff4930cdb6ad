package io.petal.synth;

/**
 * The labels of a synthetic study's organ map ({@link SyntheticStudy#organs()}): one small integer
 * code per voxel, stored as a float in the volume. The codes are stable: downstream tables may
 * store them, and a lesion's organ (its "site") is the code under it.
 */
public enum Organ {
  /** 0: air outside the body. */
  BACKGROUND(0),
  /** 1: subcutaneous, visceral and mediastinal fat. */
  FAT(1),
  /** 2: skeletal muscle and other soft tissue (face, spinal cord, intervertebral discs). */
  MUSCLE(2),
  /** 3: lung parenchyma with its vessels. */
  LUNG(3),
  /** 4: pharynx, trachea and main bronchi (air). */
  AIRWAY(4),
  /** 5: left-ventricular myocardium. */
  MYOCARDIUM(5),
  /** 6: blood in the heart chambers and the great vessels (aorta, venae cavae, iliac, carotid). */
  BLOOD_POOL(6),
  /** 7: liver parenchyma with its intrahepatic vessels. */
  LIVER(7),
  /** 8: spleen. */
  SPLEEN(8),
  /** 9: kidney parenchyma and renal pelvis (urine). */
  KIDNEY(9),
  /** 10: ureters (urine). */
  URETER(10),
  /** 11: urinary bladder (urine). */
  BLADDER(11),
  /** 12: brain (grey and white matter, ventricles, cerebellum). */
  BRAIN(12),
  /** 13: cortical bone (skull, vertebrae, ribs, pelvis, femora, shoulder girdle). */
  BONE_CORTEX(13),
  /** 14: bone marrow (cancellous bone). */
  BONE_MARROW(14),
  /** 15: gastrointestinal tract: oesophagus, stomach, small bowel, colon (wall, content, gas). */
  BOWEL(15),
  /** 16: activated brown fat (only in some patients). */
  BROWN_FAT(16),
  /** 17: lymph nodes, normal or enlarged by a lesion. */
  LYMPH_NODE(17);

  private final int code;

  Organ(int code) {
    this.code = code;
  }

  /** The label value stored in the organ map. */
  public int code() {
    return code;
  }

  /** The organ with label {@code code}; fails for an unknown code. */
  public static Organ fromCode(int code) {
    for (Organ o : values()) {
      if (o.code == code) {
        return o;
      }
    }
    throw new IllegalArgumentException("no organ has label code " + code);
  }
}
