package io.petal.synth.bone;

import io.petal.geometry.PlanarViewGrid;
import io.petal.io.dicom.DicomDatasetWriter;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.DicomUids;
import io.petal.io.dicom.VR;

/**
 * A synthetic bone scan as one DICOM NM file, the way a dual-head camera stores a whole-body
 * sweep: NM Image Storage, ImageType ORIGINAL\PRIMARY\WHOLE BODY\EMISSION, two frames of 16-bit
 * counts indexed by DetectorVector (1 = anterior, 2 = posterior), each detector's item in
 * DetectorInformationSequence naming its view in ViewCodeSequence (SNOMED CT "anterior
 * projection" 399321004 and "posterior projection" 399001007, DICOM CID 26), square pixels of the
 * configured size. The posterior frame is stored as acquired, seen from behind (the study's grid
 * holds it mirrored into the anterior orientation). Explicit VR little endian; UIDs derived from a
 * name given per study, so the bytes are the same on every run.
 */
public final class WholeBodyNmFile {
  /** NM Image Storage. */
  public static final String NM_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.20";
  /** SNOMED CT codes of the views (code value, meaning). */
  static final String[][] VIEW_CODES = {{"399321004", "anterior projection"}, {"399001007", "posterior projection"}};
  private static final String IMPLEMENTATION_CLASS_UID = DicomUids.fromName("io.petal synthetic NM writer");
  /** Counts above this do not fit the 16-bit pixels and are clipped. */
  static final int MAX_COUNT = 0xFFFF;

  private WholeBodyNmFile() {}

  /**
   * The Part 10 bytes of {@code study}'s scan.
   *
   * @param patientId the synthetic patient id written as PatientID and PatientName
   * @param uidSeed   a name the file's UIDs are derived from (unique per study, stable across runs)
   */
  public static byte[] encode(BoneScanStudy study, BoneScanConfig cfg, String patientId, String uidSeed) {
    int cols = cfg.columns();
    int rows = cfg.rows();
    int plane = cols * rows;
    int[] words = new int[plane * BoneScanView.values().length];
    for (BoneScanView v : BoneScanView.values()) {
      float[] frame = study.view(v);
      if (v == BoneScanView.POSTERIOR) {
        frame = PlanarViewGrid.mirrorColumns(frame, cols);
      }
      for (int n = 0; n < plane; n++) {
        words[v.ordinal() * plane + n] = Math.min(MAX_COUNT, Math.round(frame[n]));
      }
    }
    DicomDatasetWriter[] detectors = new DicomDatasetWriter[BoneScanView.values().length];
    for (BoneScanView v : BoneScanView.values()) {
      detectors[v.ordinal()] = new DicomDatasetWriter().sequence(DicomTags.VIEW_CODE_SEQUENCE, new DicomDatasetWriter()
          .text(DicomTags.CODE_VALUE, VR.SH, VIEW_CODES[v.ordinal()][0])
          .text(DicomTags.CODING_SCHEME_DESIGNATOR, VR.SH, "SCT")
          .text(DicomTags.CODE_MEANING, VR.LO, VIEW_CODES[v.ordinal()][1]));
    }
    DicomDatasetWriter ds = new DicomDatasetWriter()
        .texts(DicomTags.IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY", "WHOLE BODY", "EMISSION")
        .text(DicomTags.SOP_CLASS_UID, VR.UI, NM_IMAGE_STORAGE)
        .text(DicomTags.SOP_INSTANCE_UID, VR.UI, DicomUids.fromName(uidSeed + "/instance"))
        .text(DicomTags.STUDY_DATE, VR.DA, "20240101")
        .text(DicomTags.STUDY_TIME, VR.TM, "090000")
        .text(DicomTags.MODALITY, VR.CS, "NM")
        .text(DicomTags.MANUFACTURER, VR.LO, "Petal synthetic cohort")
        .text(DicomTags.STUDY_DESCRIPTION, VR.LO, "Whole-body bone scintigraphy")
        .text(DicomTags.SERIES_DESCRIPTION, VR.LO, "WB BONE ANT/POST")
        .text(DicomTags.PATIENT_NAME, VR.PN, patientId)
        .text(DicomTags.PATIENT_ID, VR.LO, patientId)
        .text(DicomTags.BODY_PART_EXAMINED, VR.CS, "WHOLEBODY")
        .text(DicomTags.STUDY_INSTANCE_UID, VR.UI, DicomUids.fromName(uidSeed + "/study"))
        .text(DicomTags.SERIES_INSTANCE_UID, VR.UI, DicomUids.fromName(uidSeed + "/series"))
        .text(DicomTags.STUDY_ID, VR.SH, "1")
        .is(DicomTags.SERIES_NUMBER, 1)
        .is(DicomTags.INSTANCE_NUMBER, 1)
        .us(DicomTags.SAMPLES_PER_PIXEL, 1)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2")
        .is(DicomTags.NUMBER_OF_FRAMES, BoneScanView.values().length)
        .at(DicomTags.FRAME_INCREMENT_POINTER, DicomTags.DETECTOR_VECTOR)
        .us(DicomTags.ROWS, rows)
        .us(DicomTags.COLUMNS, cols)
        .ds(DicomTags.PIXEL_SPACING, cfg.pixelSpacingMm(), cfg.pixelSpacingMm())
        .us(DicomTags.BITS_ALLOCATED, 16)
        .us(DicomTags.BITS_STORED, 16)
        .us(DicomTags.HIGH_BIT, 15)
        .us(DicomTags.PIXEL_REPRESENTATION, 0)
        .us(DicomTags.ENERGY_WINDOW_VECTOR, 1, 1)
        .us(DicomTags.NUMBER_OF_ENERGY_WINDOWS, 1)
        .us(DicomTags.DETECTOR_VECTOR, 1, 2)
        .us(DicomTags.NUMBER_OF_DETECTORS, 2)
        .sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE, detectors)
        .sequence(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, new DicomDatasetWriter()
            .text(DicomTags.RADIOPHARMACEUTICAL, VR.LO, "Tc-99m MDP")
            .ds(DicomTags.RADIONUCLIDE_TOTAL_DOSE, 740e6))
        .bytes(DicomTags.PIXEL_DATA, VR.OW, DicomDatasetWriter.words(words));
    return ds.toPart10(IMPLEMENTATION_CLASS_UID);
  }
}
