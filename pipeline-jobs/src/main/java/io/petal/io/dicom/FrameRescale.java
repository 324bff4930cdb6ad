package io.petal.io.dicom;

import java.util.List;

/**
 * The modality rescale (RescaleSlope, RescaleIntercept) of each frame: value = stored x slope +
 * intercept, in the units of RescaleType / Units (HU for CT, the PET Units for PET).
 *
 * <p>For each frame the first of these that is present wins: the frame's item of
 * PerFrameFunctionalGroupsSequence, SharedFunctionalGroupsSequence (both through
 * PixelValueTransformationSequence), the top-level attributes; else the identity (1, 0).
 */
final class FrameRescale {
  private final double[] slopes;
  private final double[] intercepts;

  private FrameRescale(double[] slopes, double[] intercepts) {
    this.slopes = slopes;
    this.intercepts = intercepts;
  }

  /** The rescale of each of the {@code frames} frames of {@code ds}. */
  static FrameRescale of(DicomObject ds, int frames) throws DicomFormatException {
    double[] slopes = new double[frames];
    double[] intercepts = new double[frames];
    DicomObject shared = transformation(ds.getItem(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, 0));
    DicomObject base = shared != null ? shared : ds;
    double baseSlope = slope(base, 1.0);
    double baseIntercept = base.getDouble(DicomTags.RESCALE_INTERCEPT, 0.0);

    List<DicomObject> perFrame = ds.getSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    if (!perFrame.isEmpty() && perFrame.size() != frames) {
      throw new DicomFormatException(ds.source(), "PerFrameFunctionalGroupsSequence has "
          + perFrame.size() + " items for " + frames + " frames");
    }
    for (int k = 0; k < frames; k++) {
      DicomObject own = perFrame.isEmpty() ? null : transformation(perFrame.get(k));
      slopes[k] = own != null ? slope(own, baseSlope) : baseSlope;
      intercepts[k] = own != null ? own.getDouble(DicomTags.RESCALE_INTERCEPT, baseIntercept)
          : baseIntercept;
    }
    return new FrameRescale(slopes, intercepts);
  }

  double slope(int frame) {
    return slopes[frame];
  }

  double intercept(int frame) {
    return intercepts[frame];
  }

  private static DicomObject transformation(DicomObject functionalGroups)
      throws DicomFormatException {
    return functionalGroups == null ? null
        : functionalGroups.getItem(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, 0);
  }

  private static double slope(DicomObject ds, double defaultValue) throws DicomFormatException {
    double slope = ds.getDouble(DicomTags.RESCALE_SLOPE, defaultValue);
    if (!Double.isFinite(slope) || slope == 0.0) {
      throw new DicomFormatException(ds.source(), "RescaleSlope " + slope + " is not usable");
    }
    return slope;
  }
}
