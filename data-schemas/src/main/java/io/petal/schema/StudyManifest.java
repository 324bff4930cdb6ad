package io.petal.schema;

import java.util.List;
import java.util.Locale;

/**
 * The study manifest: one row per study to ingest, CSV (with a header line) or Parquet.
 *
 * <p>Paths are relative to the manifest's folder (absolute paths and URIs are accepted too).
 * Image columns depend on the study {@link #KIND}: for {@code pet-ct}, {@link #PET} (raw PET, needs
 * SUV normalisation from DICOM headers) or {@link #SUV} (PET already in SUV, e.g. autoPET
 * {@code SUV.nii.gz}), and {@link #CT}; for {@code brain-mri}, {@link #T1}, {@link #T1CE},
 * {@link #T2} and {@link #FLAIR}; for {@code spect-bone}, {@link #NM}. Labels:
 * {@link #SEG}, or several annotation sources {@code seg_<source>}. Any other column is kept as
 * study metadata, except the identifying columns in {@link #IDENTIFYING_COLUMNS}, which are dropped.
 */
public final class StudyManifest {
  private StudyManifest() {}

  public static final String PATIENT_ID = "patient_id";
  public static final String STUDY_ID = "study_id";
  public static final String PET = "pet";
  public static final String SUV = "suv";
  public static final String CT = "ct";
  public static final String SEG = "seg";
  /** Brain MRI contrasts ({@link StudyKind#BRAIN_MRI}): native T1, contrast-enhanced T1, T2, FLAIR. */
  public static final String T1 = "t1";
  public static final String T1CE = "t1ce";
  public static final String T2 = "t2";
  public static final String FLAIR = "flair";
  /** Planar NM views ({@link StudyKind#SPECT_BONE}): a DICOM file or a folder of DICOM files. */
  public static final String NM = "nm";
  /** Prefix of additional annotation-source columns, e.g. {@code seg_expert_a}. */
  public static final String SEG_PREFIX = "seg_";
  /** {@code NEGATIVE} marks a normal study; anything else is abnormal. */
  public static final String DIAGNOSIS = "diagnosis";
  public static final String SPLIT = "split";
  public static final String REPORT = "report";
  /** Study kind ({@code pet-ct} when absent). */
  public static final String KIND = "kind";

  /** The diagnosis value of a normal study. */
  public static final String NEGATIVE = "NEGATIVE";

  /** Columns that must never be copied into a table, whatever the manifest holds. */
  public static final List<String> IDENTIFYING_COLUMNS = List.of(
      "patient_name", "name", "birth_date", "patient_birth_date", "dob", "mrn",
      "accession_number", "patient_address", "address", "phone");


  /** True for a label column ({@code seg} or {@code seg_<source>}). */
  public static boolean isLabelColumn(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    return c.equals(SEG) || c.startsWith(SEG_PREFIX);
  }

  /** True for a column that must not leave ingest. */
  public static boolean isIdentifying(String column) {
    String c = column.toLowerCase(Locale.ROOT);
    return c.equals(PATIENT_ID) || c.equals(STUDY_ID) || IDENTIFYING_COLUMNS.contains(c);
  }
}
