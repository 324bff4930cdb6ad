package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.synth.Organ;
import io.petal.synth.SynthConfig;
import io.petal.synth.SyntheticCohort;
import io.petal.synth.SyntheticStudy;
import org.junit.jupiter.api.Test;

/**
 * The lungs found on synthetic CTs (with airways, bowel gas, arms) span what the generator's organ
 * map labels as lung, to within one slice.
 */
class LungFinderSyntheticTest {
  @Test
  void lungExtentMatchesTheOrganMap() {
    SynthConfig config = SynthConfig.small();
    for (int patient = 0; patient < 3; patient++) {
      SyntheticStudy s = SyntheticCohort.patient(3, patient, patient % 2 == 0, config);
      double[] labelled = lungZRange(s.organs());
      LungExtent found = LungFinder.find(s.ct()).orElseThrow(() -> new AssertionError("no lungs found"));
      double slice = s.ct().grid().spacing(2);
      assertEquals(labelled[1], found.apexZMm(), slice, "apex of patient " + patient);
      assertEquals(labelled[0], found.baseZMm(), slice, "base of patient " + patient);
    }
  }

  /** {lowest, highest} patient z of the voxels the organ map labels lung. */
  private static double[] lungZRange(Volume organs) {
    ImageGrid g = organs.grid();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          if (organs.get(i, j, k) == Organ.LUNG.code()) {
            double z = g.affine().apply(i, j, k)[2];
            low = Math.min(low, z);
            high = Math.max(high, z);
          }
        }
      }
    }
    return new double[] {low, high};
  }
}
