package io.petal.ingest;

import io.petal.ingest.dicom.DicomFolderScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Decides what an {@code --input} folder holds and finds its studies: autoPET-layout PET/CT
 * ({@link AutoPetFolderScanner}), else BraTS-layout brain MRI ({@link BratsFolderScanner}), else
 * DICOM files of any kind ({@link DicomFolderScanner}: PET/CT, or planar NM bone scans). A folder
 * with none of them is refused.
 */
final class InputFolderScanner {
  private InputFolderScanner() {}

  /** The studies under {@code input}, and what was refused there. */
  static DiscoveredStudies scan(String input, String cohort, Configuration conf) throws IOException {
    List<StudySource> autoPet = AutoPetFolderScanner.scan(input, cohort, conf);
    if (!autoPet.isEmpty()) {
      return new DiscoveredStudies(cohort, autoPet, List.of());
    }
    DiscoveredStudies brats = BratsFolderScanner.scan(input, cohort, conf);
    if (!brats.studies().isEmpty() || !brats.refused().isEmpty()) {
      return brats;
    }
    DiscoveredStudies dicom = DicomFolderScanner.scan(input, cohort, conf);
    if (!dicom.studies().isEmpty() || !dicom.refused().isEmpty()) {
      return dicom;
    }
    List<IngestOutcome> none = new ArrayList<>();
    none.add(new IngestOutcome(IngestOutcome.Status.QUARANTINED, cohort, new Path(input).getName(), null, null, null,
        "no study found under " + new Path(input).getName() + " (expected <patient>/<study>/SUV.nii.gz and "
            + "CTres.nii.gz, BraTS <case>/<case>_{t1,t1ce,t2,flair}.nii.gz, or DICOM files)"));
    return new DiscoveredStudies(cohort, List.of(), none);
  }
}
