package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Where a synthetic lesion may grow, and how it looks there: the tissues its centre is drawn
 * from and the tissues it may cover, its largest size level, its FDG uptake, its CT correlate and
 * the strength of its mass effect.
 */
public enum LesionSite {
  /** A lung nodule or mass. */
  LUNG(Organ.LUNG, 0.25, SizeLevel.VERY_LARGE, new Range(3, 15), 40,
      new Tissue[] {Tissue.LUNG}, new Tissue[] {Tissue.LUNG, Tissue.PULMONARY_VESSEL},
      Tissue.LUNG),
  /** A liver metastasis. */
  LIVER(Organ.LIVER, 0.25, SizeLevel.VERY_LARGE, new Range(3.5, 10), 50,
      new Tissue[] {Tissue.LIVER}, new Tissue[] {Tissue.LIVER, Tissue.HEPATIC_VESSEL},
      Tissue.LIVER),
  /** A lymph-node metastasis in one of the {@link NodeStation}s. */
  LYMPH_NODE(Organ.LYMPH_NODE, 0.30, SizeLevel.LARGE, new Range(2.5, 12), 60,
      new Tissue[] {Tissue.FAT, Tissue.LYMPH_NODE},
      new Tissue[] {Tissue.FAT, Tissue.LYMPH_NODE, Tissue.BROWN_FAT}, Tissue.FAT),
  /** A bone metastasis, lytic or sclerotic. */
  BONE(Organ.BONE_MARROW, 0.20, SizeLevel.LARGE, new Range(3, 12), 10,
      new Tissue[] {Tissue.BONE_MARROW}, new Tissue[] {Tissue.BONE_MARROW, Tissue.BONE_CORTEX},
      Tissue.BONE_MARROW);

  /** Share of lytic (rather than sclerotic) bone lesions. */
  public static final double LYTIC_PROBABILITY = 0.6;

  private final Organ organ;
  private final double weight;
  private final SizeLevel largest;
  private final Range uptakeSuv;
  private final double maxMassEffect;
  private final boolean[] centreTissues;
  private final boolean[] regionTissues;
  private final Tissue background;

  LesionSite(Organ organ, double weight, SizeLevel largest, Range uptakeSuv, double maxMassEffect,
      Tissue[] centre, Tissue[] region, Tissue background) {
    this.organ = organ;
    this.weight = weight;
    this.largest = largest;
    this.uptakeSuv = uptakeSuv;
    this.maxMassEffect = maxMassEffect;
    this.centreTissues = Tissue.maskOf(centre);
    this.regionTissues = Tissue.maskOf(region);
    this.background = background;
  }

  /**
   * The organ label under the lesion in the organ map (bone lesions may also cover
   * {@link Organ#BONE_CORTEX}; lymph-node lesions relabel the fat they replace).
   */
  public Organ organ() {
    return organ;
  }

  /** Relative frequency of the site among lesions. */
  public double weight() {
    return weight;
  }

  /** The largest size level that fits the site. */
  public SizeLevel largest() {
    return largest;
  }

  /** The lesion's mean FDG uptake before texture, blur and noise (SUV). */
  public Range uptakeSuv() {
    return uptakeSuv;
  }

  /** Upper end of the mass-effect strength I (0..100) drawn for the site. */
  public double maxMassEffect() {
    return maxMassEffect;
  }

  boolean isCentreTissue(byte code) {
    return centreTissues[code];
  }

  boolean isRegionTissue(byte code) {
    return regionTissues[code];
  }

  /** The tissue whose uptake is the lesion's background. */
  Tissue background() {
    return background;
  }

  /** The CT correlate of one lesion at this site. */
  CtCorrelate drawCtCorrelate(SplittableRandom rng) {
    return switch (this) {
      case LUNG -> CtCorrelate.SOFT_TISSUE_NODULE;
      case LIVER -> CtCorrelate.HYPODENSE;
      case LYMPH_NODE -> CtCorrelate.ENLARGED_NODE;
      case BONE -> rng.nextDouble() < LYTIC_PROBABILITY ? CtCorrelate.LYTIC : CtCorrelate.SCLEROTIC;
    };
  }
}
