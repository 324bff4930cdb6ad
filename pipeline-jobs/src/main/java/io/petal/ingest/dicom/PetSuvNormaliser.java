package io.petal.ingest.dicom;

import io.petal.ingest.LoadedStudy;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.suv.PetSuvHeader;
import io.petal.suv.SuvCalculator;
import io.petal.suv.SuvException;
import io.petal.suv.SuvFactors;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Turns an assembled PET series into body-weight SUV (g/mL) by the rules of {@link SuvCalculator}
 * (docs/suv.md): one factor for the series, or, for DecayCorrection NONE, each slice's own factor
 * (the dose decayed to its frame). Units GML give factor 1.
 */
public final class PetSuvNormaliser {
  private PetSuvNormaliser() {}

  /**
   * Multiplies {@code series}' volume in place by its SUVbw factor(s) and says what was applied.
   *
   * @param files the series' files, in the order whose indices {@link SlicePlane#fileIndex} uses
   * @return the factor (g/Bq for BQML; for per-slice factors, the one of slice k = 0), the rule and
   *     the SUL factor of the same slice, if defined
   * @throws StudyRejectedException with the {@link SuvException}'s message when the header does not
   *     define SUV (missing weight or dose, unknown Units, CorrectedImage without ATTN or DECY, ...)
   */
  public static LoadedStudy.SuvNormalisation normalise(DicomSeries series, List<DicomFile> files)
      throws StudyRejectedException {
    List<SuvFactors> perFile;
    try {
      PetSuvHeader header = PetSuvHeaders.of(files);
      perFile = "NONE".equalsIgnoreCase(String.valueOf(header.decayCorrection()).trim())
          ? SuvCalculator.computePerInstance(header)
          : Collections.nCopies(files.size(), SuvCalculator.compute(header));
    } catch (SuvException e) {
      throw new StudyRejectedException(e.getMessage(), e);
    }
    float[] data = series.volume().data();
    int plane = series.volume().grid().sliceSize();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int k = 0; k < series.slices().size(); k++) {
      double factor = perFile.get(series.slices().get(k).fileIndex()).suvbwFactor();
      min = Math.min(min, factor);
      max = Math.max(max, factor);
      for (int v = k * plane; v < (k + 1) * plane; v++) {
        data[v] = (float) (data[v] * factor);
      }
    }
    SuvFactors first = perFile.get(series.slices().get(0).fileIndex());
    String rule = min == max ? first.reason() : String.format(Locale.ROOT, "per-slice factors %.6g to %.6g g/Bq "
        + "(DecayCorrection NONE: each frame decayed to its own time); slice 0: %s", min, max, first.reason());
    return new LoadedStudy.SuvNormalisation(first.suvbwFactor(), rule,
        first.sulFactor().isPresent() ? first.sulFactor().getAsDouble() : null);
  }
}
