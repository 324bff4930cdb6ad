package io.petal.ingest.dicom;

import io.petal.image.Volume;
import io.petal.io.nifti.NiftiReader;
import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;

/** The shared IBSI STS_001 study: DICOM folders and the NIfTI volumes made from them. */
final class IbsiSeries {
  /** Grid of the STS_001 PET: columns x rows x slices. */
  static final int NX = 41;
  static final int NY = 43;
  static final int NZ = 59;

  private IbsiSeries() {}

  /** {@code ibsi-sts/dicom/STS_001}. */
  static Path dicomStudy() {
    return SharedData.data("ibsi-sts/dicom/STS_001");
  }

  /** {@code ibsi-sts/dicom/STS_001/<modality>/image}: one series. */
  static Path dicomSeries(String modality) {
    return dicomStudy().resolve(modality).resolve("image");
  }

  /** {@code ibsi-sts/nifti/STS_001/<modality>_image.nii.gz}. */
  static Path nifti(String modality) {
    return SharedData.data("ibsi-sts/nifti/STS_001/" + modality + "_image.nii.gz");
  }

  /** The NIfTI PET (SUV), an independent reference for the DICOM route. */
  static Volume niftiPet() throws IOException {
    return NiftiReader.read(nifti("PET")).volume();
  }
}
