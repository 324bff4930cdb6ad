package io.petal.synth.bone;

import io.petal.image.Volume;
import java.util.List;

/**
 * One synthetic whole-body bone scan on the grid of {@link BoneScanConfig#grid()}: view k = 0
 * anterior, k = 1 posterior, both in the anterior orientation (the posterior view mirrored
 * left–right from how it is acquired; see {@link io.petal.geometry.PlanarViewGrid}).
 *
 * @param patientIndex the patient's index in the cohort
 * @param abnormal     whether metastases were requested
 * @param counts       detected counts per pixel (integers), [view][row][column]
 * @param labels       1 inside a metastasis, 0 elsewhere, same layout (the same outline in both views)
 * @param lesions      the metastases, as a report describes them
 * @param incidental   unlabelled benign uptake (degenerative joints, injection site)
 */
public record BoneScanStudy(int patientIndex, boolean abnormal, Volume counts, Volume labels,
    List<BoneLesionFinding> lesions, List<IncidentalFinding> incidental) {

  public BoneScanStudy {
    lesions = List.copyOf(lesions);
    incidental = List.copyOf(incidental);
  }

  /** The counts of one view, rows × columns, x fastest, in the anterior orientation. */
  public float[] view(BoneScanView view) {
    return counts.slice(view.ordinal());
  }
}
