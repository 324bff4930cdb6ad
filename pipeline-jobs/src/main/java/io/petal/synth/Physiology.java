package io.petal.synth;

import java.util.SplittableRandom;

/**
 * One patient's physiology: the FDG uptake (SUV, before the scanner's blur and noise) and the CT
 * density (HU, before noise) of every tissue, and the image noise levels. Each value is drawn
 * uniformly from the documented range below, so physiological uptake varies between patients
 * (hot or cold myocardium, more or less urine activity, brown fat in some) and a plain SUV
 * threshold finds far more than lesions.
 */
public final class Physiology {

  // ---- FDG uptake, SUV ----
  /** Cortical and deep grey matter. */
  public static final Range BRAIN_GREY_SUV = new Range(6, 12);
  /** White matter relative to grey matter. */
  public static final Range WHITE_TO_GREY_RATIO = new Range(0.35, 0.5);
  /** Cerebrospinal fluid. */
  public static final Range CSF_SUV = new Range(0.2, 0.4);
  /** Myocardium: a cold heart (fasting, free fatty acids) or a hot one (glucose), see below. */
  public static final Range MYOCARDIUM_COLD_SUV = new Range(1.5, 3.0);
  public static final Range MYOCARDIUM_HOT_SUV = new Range(4, 12);
  /** Probability that a patient's myocardium is hot. */
  public static final double MYOCARDIUM_HOT_PROBABILITY = 0.6;
  /** Blood pool (heart chambers, great vessels; intrahepatic and pulmonary vessels alike). */
  public static final Range BLOOD_SUV = new Range(1.3, 2.0);
  public static final Range LIVER_SUV = new Range(1.8, 2.8);
  public static final Range SPLEEN_SUV = new Range(1.4, 2.2);
  /** Kidney parenchyma. */
  public static final Range KIDNEY_SUV = new Range(1.8, 3.0);
  /** Urine in the renal pelvis and ureters. */
  public static final Range RENAL_URINE_SUV = new Range(4, 20);
  /** Urine in the bladder. */
  public static final Range BLADDER_SUV = new Range(5, 40);
  /** Bowel wall base uptake; patches multiply it, and the result is kept in BOWEL_SUV. */
  public static final Range BOWEL_BASE_SUV = new Range(1.2, 2.5);
  public static final Range BOWEL_SUV = new Range(1, 5);
  public static final Range MARROW_SUV = new Range(1.0, 2.0);
  public static final Range CORTICAL_BONE_SUV = new Range(0.3, 0.6);
  public static final Range MUSCLE_SUV = new Range(0.6, 1.0);
  public static final Range SPINAL_CORD_SUV = new Range(1.2, 1.8);
  public static final Range FAT_SUV = new Range(0.2, 0.5);
  public static final Range LUNG_SUV = new Range(0.3, 0.7);
  /** Activated brown fat (only in patients that have it). */
  public static final Range BROWN_FAT_SUV = new Range(2, 8);
  /** Normal lymph nodes. */
  public static final Range LYMPH_NODE_SUV = new Range(0.8, 1.5);

  // ---- CT density, HU ----
  public static final Range AIR_HU = new Range(-1000, -1000);
  public static final Range LUNG_HU = new Range(-870, -820);
  public static final Range AIRWAY_HU = new Range(-1000, -980);
  public static final Range FAT_HU = new Range(-110, -85);
  public static final Range MUSCLE_HU = new Range(40, 60);
  public static final Range SPINAL_CORD_HU = new Range(25, 40);
  public static final Range MYOCARDIUM_HU = new Range(40, 55);
  /** Blood with intravenous contrast: brighter than every organ (the vessel rule needs this). */
  public static final Range BLOOD_HU = new Range(150, 200);
  public static final Range LIVER_HU = new Range(50, 65);
  public static final Range SPLEEN_HU = new Range(40, 50);
  public static final Range KIDNEY_HU = new Range(25, 35);
  public static final Range URINE_HU = new Range(0, 10);
  public static final Range BRAIN_GREY_HU = new Range(34, 42);
  public static final Range BRAIN_WHITE_HU = new Range(24, 30);
  public static final Range CSF_HU = new Range(2, 12);
  public static final Range CORTICAL_BONE_HU = new Range(700, 1200);
  public static final Range MARROW_HU = new Range(150, 300);
  public static final Range BOWEL_WALL_HU = new Range(35, 50);
  public static final Range BOWEL_CONTENT_HU = new Range(0, 40);
  public static final Range BOWEL_GAS_HU = new Range(-950, -850);
  public static final Range BROWN_FAT_HU = new Range(-80, -50);
  public static final Range LYMPH_NODE_HU = new Range(25, 40);

  // ---- noise ----
  /** Standard deviation of the CT's white Gaussian noise (HU). */
  public static final Range CT_NOISE_HU = new Range(10, 20);
  /**
   * PET noise gain g (SUV): the noise variance at a voxel is g·SUV (Poisson-like), so the
   * coefficient of variation in the liver (SUV ≈ 2.2) is √(g/2.2) ≈ 10–15 %.
   */
  public static final Range PET_NOISE_GAIN = new Range(0.02, 0.05);

  private final double[] suv = new double[Tissue.values().length];
  private final double[] hu = new double[Tissue.values().length];
  private final double ctNoiseHu;
  private final double petNoiseGain;

  private Physiology(SplittableRandom rng) {
    double grey = BRAIN_GREY_SUV.draw(rng);
    double blood = BLOOD_SUV.draw(rng);
    double urine = RENAL_URINE_SUV.draw(rng);
    double bloodHu = BLOOD_HU.draw(rng);
    set(Tissue.AIR, 0, AIR_HU.draw(rng));
    set(Tissue.FAT, FAT_SUV.draw(rng), FAT_HU.draw(rng));
    set(Tissue.MUSCLE, MUSCLE_SUV.draw(rng), MUSCLE_HU.draw(rng));
    set(Tissue.SPINAL_CORD, SPINAL_CORD_SUV.draw(rng), SPINAL_CORD_HU.draw(rng));
    set(Tissue.LUNG, LUNG_SUV.draw(rng), LUNG_HU.draw(rng));
    set(Tissue.PULMONARY_VESSEL, blood, bloodHu);
    set(Tissue.AIRWAY, 0, AIRWAY_HU.draw(rng));
    boolean hotHeart = rng.nextDouble() < MYOCARDIUM_HOT_PROBABILITY;
    set(Tissue.MYOCARDIUM, (hotHeart ? MYOCARDIUM_HOT_SUV : MYOCARDIUM_COLD_SUV).draw(rng),
        MYOCARDIUM_HU.draw(rng));
    set(Tissue.BLOOD, blood, bloodHu);
    set(Tissue.LIVER, LIVER_SUV.draw(rng), LIVER_HU.draw(rng));
    set(Tissue.HEPATIC_VESSEL, blood, bloodHu);
    set(Tissue.SPLEEN, SPLEEN_SUV.draw(rng), SPLEEN_HU.draw(rng));
    set(Tissue.KIDNEY, KIDNEY_SUV.draw(rng), KIDNEY_HU.draw(rng));
    double urineHu = URINE_HU.draw(rng);
    set(Tissue.RENAL_URINE, urine, urineHu);
    set(Tissue.URETER_URINE, urine, urineHu);
    set(Tissue.BLADDER_URINE, BLADDER_SUV.draw(rng), urineHu);
    set(Tissue.BRAIN_GREY, grey, BRAIN_GREY_HU.draw(rng));
    set(Tissue.BRAIN_WHITE, grey * WHITE_TO_GREY_RATIO.draw(rng), BRAIN_WHITE_HU.draw(rng));
    set(Tissue.CSF, CSF_SUV.draw(rng), CSF_HU.draw(rng));
    set(Tissue.BONE_CORTEX, CORTICAL_BONE_SUV.draw(rng), CORTICAL_BONE_HU.draw(rng));
    set(Tissue.BONE_MARROW, MARROW_SUV.draw(rng), MARROW_HU.draw(rng));
    set(Tissue.BOWEL_WALL, BOWEL_BASE_SUV.draw(rng), BOWEL_WALL_HU.draw(rng));
    set(Tissue.BOWEL_CONTENT, suv[Tissue.BOWEL_WALL.ordinal()], BOWEL_CONTENT_HU.draw(rng));
    set(Tissue.BOWEL_GAS, 0, BOWEL_GAS_HU.draw(rng));
    set(Tissue.BROWN_FAT, BROWN_FAT_SUV.draw(rng), BROWN_FAT_HU.draw(rng));
    set(Tissue.LYMPH_NODE, LYMPH_NODE_SUV.draw(rng), LYMPH_NODE_HU.draw(rng));
    this.ctNoiseHu = CT_NOISE_HU.draw(rng);
    this.petNoiseGain = PET_NOISE_GAIN.draw(rng);
  }

  /** Draws one patient's physiology. */
  static Physiology draw(SplittableRandom rng) {
    return new Physiology(rng);
  }

  private void set(Tissue t, double suvValue, double huValue) {
    suv[t.ordinal()] = suvValue;
    hu[t.ordinal()] = huValue;
  }

  /** Mean uptake of a tissue (SUV). */
  double suv(Tissue t) {
    return suv[t.ordinal()];
  }

  /** Mean density of a tissue (HU). */
  double hu(Tissue t) {
    return hu[t.ordinal()];
  }

  double ctNoiseHu() {
    return ctNoiseHu;
  }

  double petNoiseGain() {
    return petNoiseGain;
  }
}
