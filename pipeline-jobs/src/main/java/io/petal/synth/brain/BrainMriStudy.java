package io.petal.synth.brain;

import io.petal.image.Volume;
import java.util.List;

/**
 * One synthetic brain MRI study in the BraTS convention; every volume on one grid (LPS, x-fastest).
 *
 * @param patientIndex the patient's index in the cohort
 * @param abnormal     whether a tumour was requested
 * @param contrasts    T1, T1ce, T2, FLAIR (order of {@link MriContrast}), arbitrary units, never negative
 * @param seg          BraTS labels: 0 background, 1 necrotic/non-enhancing core, 2 oedema, 4 enhancing tumour
 * @param tissue       the tissue of every voxel ({@link HeadTissue} ordinals, tumour classes included)
 * @param tumour       the tumour as measured, or null for a normal study
 */
public record BrainMriStudy(int patientIndex, boolean abnormal, List<Volume> contrasts, Volume seg, Volume tissue,
    BrainTumourFinding tumour) {

  public BrainMriStudy {
    contrasts = List.copyOf(contrasts);
    if (contrasts.size() != MriContrast.values().length) {
      throw new IllegalArgumentException("a brain MRI study has " + MriContrast.values().length + " contrasts, got "
          + contrasts.size());
    }
  }

  /** The image of one contrast. */
  public Volume contrast(MriContrast c) {
    return contrasts.get(c.ordinal());
  }
}
