package io.petal.synth;

import io.petal.image.Volume;
import java.util.List;

/**
 * One synthetic whole-body FDG PET/CT study. All volumes share one grid (x-fastest, LPS).
 *
 * @param studyId a stable id derived from the cohort seed and patient index
 * @param patientIndex the patient's index in the cohort
 * @param abnormal whether lesions were requested (a normal study has none)
 * @param suv PET in SUV (body weight), after PSF blur and noise, never negative
 * @param ct CT in HU, with noise
 * @param seg the exact lesion label: 1 inside a lesion, 0 elsewhere
 * @param organs organ codes ({@link Organ#code()}) per voxel; lymph-node lesions read as lymph node
 * @param lesions one descriptor per lesion, numbered in insertion order
 */
public record SyntheticStudy(String studyId, int patientIndex, boolean abnormal, Volume suv,
    Volume ct, Volume seg, Volume organs, List<LesionDescriptor> lesions) {

  public SyntheticStudy {
    lesions = List.copyOf(lesions);
  }
}
