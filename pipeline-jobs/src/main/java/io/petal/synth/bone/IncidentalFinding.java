package io.petal.synth.bone;

/**
 * Unlabelled uptake that is not a metastasis, as real scans show it and reports mention it:
 * degenerative joint uptake, or tracer left at the injection site.
 *
 * @param kind what it is
 * @param side which side
 */
public record IncidentalFinding(Kind kind, SkeletalSite.Side side) implements java.io.Serializable {

  /** The kinds of incidental uptake. */
  public enum Kind { DEGENERATIVE_KNEE, DEGENERATIVE_SHOULDER, DEGENERATIVE_LUMBAR_SPINE, INJECTION_SITE }
}
