package io.petal.schema;

/**
 * Column names shared by several tables, so a join key is spelled once.
 *
 * <p>All ids are pseudonyms: keyed HMAC-SHA256 of the source ids, hex. No table holds a source
 * patient id, study UID, name or birth date.
 */
public final class Columns {
  private Columns() {}

  /** Cohort name (partition column): the manifest or input set a study came from. */
  public static final String COHORT = "cohort";
  /** Pseudonymous patient id. */
  public static final String PATIENT_KEY = "patient_key";
  /** Pseudonymous study id, unique across cohorts. */
  public static final String STUDY_KEY = "study_key";
  /**
   * Which mask a lesion row was measured on: {@code truth:<label source>} (an annotation from
   * {@code slices.labels}, e.g. {@code truth:seg}) or {@code predicted:<model>} (a segmentation
   * model's mask from {@code masks}).
   */
  public static final String MASK_SOURCE = "mask_source";
  /** Schema version of the row. */
  public static final String SCHEMA_VERSION = TableContract.SCHEMA_VERSION_COLUMN;
}
