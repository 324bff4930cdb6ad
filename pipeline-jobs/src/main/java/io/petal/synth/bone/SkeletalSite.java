package io.petal.synth.bone;

/**
 * A named place on the skeleton, as a report names it.
 *
 * @param bone   the bone
 * @param side   left, right, or midline for unpaired bones
 * @param number vertebra or rib number (1-based: C1–C7, T1–T12, L1–L5, ribs 1–12); 0 otherwise
 * @param part   which part of the bone
 */
public record SkeletalSite(Bone bone, Side side, int number, Part part) implements java.io.Serializable {

  /** Patient side (LPS: left is +x). */
  public enum Side { RIGHT, LEFT, MIDLINE }

  /** The part of a bone a site names. */
  public enum Part {
    /** The bone as a whole. */
    WHOLE,
    /** Rib segments from the spine round to the sternum. */
    POSTERIOR, LATERAL, ANTERIOR,
    /** Long-bone parts. */
    PROXIMAL, SHAFT
  }

  /** A site that is the whole of {@code bone}. */
  static SkeletalSite whole(Bone bone, Side side) {
    return new SkeletalSite(bone, side, 0, Part.WHOLE);
  }
}
