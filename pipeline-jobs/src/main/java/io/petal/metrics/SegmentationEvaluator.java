package io.petal.metrics;

import io.petal.image.Connectivity;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Computes every per-patient segmentation metric with one set of choices: the empty-mask policy
 * of Dice and surface Dice, the surface-Dice tolerance (mm), the lesion detection criterion and
 * the connectivity of components. {@link #autoPet()} gives autoPET's choices. Immutable and
 * serializable, so a Spark job can ship it to executors.
 */
public record SegmentationEvaluator(EmptyMaskPolicy emptyMaskPolicy, double surfaceToleranceMm,
    DetectionCriterion detectionCriterion, Connectivity connectivity) implements Serializable {

  public SegmentationEvaluator {
    Objects.requireNonNull(emptyMaskPolicy, "emptyMaskPolicy");
    Objects.requireNonNull(detectionCriterion, "detectionCriterion");
    Objects.requireNonNull(connectivity, "connectivity");
    if (!(surfaceToleranceMm >= 0) || Double.isInfinite(surfaceToleranceMm)) {
      throw new IllegalArgumentException("surface tolerance must be a finite number of mm >= 0, got "
          + surfaceToleranceMm);
    }
  }

  /**
   * autoPET's choices: Dice undefined without true lesions ({@link EmptyMaskPolicy#DEFAULT}),
   * surface Dice at 2 mm, a lesion detected by any overlapping predicted voxel, 18-connectivity.
   */
  public static SegmentationEvaluator autoPet() {
    return new SegmentationEvaluator(EmptyMaskPolicy.DEFAULT, SurfaceDice.DEFAULT_TOLERANCE_MM,
        DetectionCriterion.anyOverlap(), Connectivity.EDGE);
  }

  public SegmentationEvaluator withEmptyMaskPolicy(EmptyMaskPolicy policy) {
    return new SegmentationEvaluator(policy, surfaceToleranceMm, detectionCriterion, connectivity);
  }

  public SegmentationEvaluator withSurfaceToleranceMm(double toleranceMm) {
    return new SegmentationEvaluator(emptyMaskPolicy, toleranceMm, detectionCriterion, connectivity);
  }

  public SegmentationEvaluator withDetectionCriterion(DetectionCriterion criterion) {
    return new SegmentationEvaluator(emptyMaskPolicy, surfaceToleranceMm, criterion, connectivity);
  }

  /** The components of a patient's masks with this evaluator's connectivity (to attach strata to lesion labels). */
  public LesionComponents components(MaskPair masks) {
    return LesionComponents.of(masks, connectivity);
  }

  /** All metrics of one patient, detection without strata. */
  public PatientSegmentationMetrics evaluate(MaskPair masks) {
    return evaluate(components(masks), null);
  }

  /** All metrics of one patient, detection counted per stratum of {@code sizes}. */
  public PatientSegmentationMetrics evaluate(MaskPair masks, SizeStrata sizes) {
    LesionComponents c = components(masks);
    return evaluate(c, sizes.assign(c));
  }

  /**
   * All metrics of one patient.
   *
   * @param components from {@link #components}
   * @param strata lesion label → stratum (every lesion), or null for none
   */
  public PatientSegmentationMetrics evaluate(LesionComponents components, Map<Integer, String> strata) {
    MaskPair masks = components.masks();
    double voxelMl = masks.grid().voxelVolumeMl();
    return new PatientSegmentationMetrics(masks.caseId(),
        Dice.of(masks, emptyMaskPolicy),
        SurfaceDice.of(masks, surfaceToleranceMm, emptyMaskPolicy),
        components.falsePositiveVolumeMl(),
        components.falseNegativeVolumeMl(),
        masks.truthVoxels() * voxelMl,
        masks.predictedVoxels() * voxelMl,
        LesionDetection.count(components, detectionCriterion, strata));
  }
}
